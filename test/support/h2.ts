/**
 * An HTTP/2 client for tests (node:http2 over TLS, trusting one test certificate): an answer is only had if
 * the server negotiated HTTP/2, and its body comes as the bytes sent, never decoded.
 */
import { connect, constants, type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';

/** One answer: status, headers and the body's bytes as they came over the wire. */
export interface H2Answer { status: number; headers: IncomingHttpHeaders; body: Buffer; text(): string }

/** A session to one origin; `close()` when done. */
export interface H2Client {
  /**
   * One request. `unfinished`: the body is sent but the stream left open, as a client still uploading (the
   * declared Content-Length may be larger): the answer is what the server sends before the rest arrives.
   */
  request(path: string, options?: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string; unfinished?: boolean }): Promise<H2Answer>;
  close(): Promise<void>;
}

/** Opens an HTTP/2 session to `origin` (https://…) that trusts `ca`. */
export async function h2(origin: string, ca: string): Promise<H2Client> {
  const session: ClientHttp2Session = connect(origin, { ca });
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  return {
    request: (path, { method = 'GET', headers = {}, body, unfinished = false } = {}) => new Promise<H2Answer>((resolve, reject) => {
      const stream = session.request({ [constants.HTTP2_HEADER_METHOD]: method, [constants.HTTP2_HEADER_PATH]: path, ...headers });
      const chunks: Buffer[] = [];
      let head: IncomingHttpHeaders = {};
      stream.on('response', (h) => { head = h; });
      stream.on('data', (c: Buffer) => chunks.push(c));
      if (unfinished) stream.on('end', () => stream.close());
      // A server that answers before it has read the whole body (a 413) may reset the stream: the answer counts.
      stream.on('error', (error) => { if (head[':status'] === undefined) reject(error); });
      stream.on('close', () => {
        if (head[':status'] === undefined) { reject(new Error(`${method} ${path}: closed without an answer`)); return; }
        const bytes = Buffer.concat(chunks);
        resolve({ status: Number(head[':status']), headers: head, body: bytes, text: () => bytes.toString('utf8') });
      });
      if (unfinished) stream.write(body ?? '');
      else stream.end(body);
    }),
    close: () => new Promise<void>((resolve) => session.close(() => resolve())),
  };
}
