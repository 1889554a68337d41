/**
 * The container's HEALTHCHECK (deploy/Containerfile): asks the server's liveness route on this machine,
 * `http://127.0.0.1:$PORT$BASE_PATH/api/health`, and exits 0 when it answers 200, 1 otherwise (within 4 s).
 * Plain Node, no packages: it runs in the image as it is.
 */
const port = process.env.PORT || '3000';
const base = `/${(process.env.BASE_PATH || '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const url = `http://127.0.0.1:${port}${base}api/health`;

try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!res.ok) console.error(`${url}: HTTP ${res.status}`);
  process.exit(res.ok ? 0 : 1);
} catch (error) {
  console.error(`${url}: ${error.message}`);
  process.exit(1);
}
