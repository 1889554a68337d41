/**
 * `npm start`: builds the client and the server only when they are missing or older than their
 * sources, then runs the compiled server in this same process.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './build-state.mjs';
import { buildServer, SERVER_INPUTS, SERVER_STAMP } from './build-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_INPUTS = ['client', 'db/model.ts', 'db/model', 'vite.config.ts', 'package-lock.json'];
// vite writes index.html after the assets it links, so its time is the build's.
const CLIENT_STAMP = 'dist/client/index.html';

if (isStale(root, CLIENT_STAMP, CLIENT_INPUTS)) {
  console.log('Building the client (vite build)…');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
if (isStale(root, SERVER_STAMP, SERVER_INPUTS)) {
  console.log('Compiling the server (esbuild)…');
  await buildServer(root);
}
await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
