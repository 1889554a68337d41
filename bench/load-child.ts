/**
 * One load of generated paths in a process of its own (load.ts: runLoad): reads the load's spec as JSON
 * on stdin, runs autocannon here, and writes the run (and how far its walks went) as JSON on stdout.
 */
import { text } from 'node:stream/consumers';
import { runLoadHere, type LoadSpec } from './load';

const spec = JSON.parse(await text(process.stdin)) as LoadSpec;
const run = await runLoadHere(spec);
// The walks' `next`, moved on by the run, go back with it.
process.stdout.write(JSON.stringify({ run, paths: spec.paths }));
