/**
 * Loaded in the bench process, and in autocannon's worker threads as their `setupClient` file: autocannon keeps
 * every response body as a string (for verifyBody/onResponse, which the bench does not use), and
 * decoding a 500 KB brotli body into a string on every response makes autocannon, not the server, the
 * bottleneck (measured: 128 → 3,000 req/s on a bare server). Bytes are still counted; bodies are dropped.
 */
'use strict';
const Queue = require('autocannon/lib/pipelinedRequestsQueue.js');
if (!Queue.prototype.addBody.benchDropsBodies) {
  Queue.prototype.addBody = function addBody() {};
  Queue.prototype.addBody.benchDropsBodies = true;
}

/** autocannon's setupClient hook (workers require this file by path); the patch above is all it is for. */
module.exports = function setupClient() {};
