/**
 * Compiles the server once into plain JavaScript (esbuild): dist/server/main.js and the task
 * worker beside it, with npm packages left as imports of node_modules. `npm run build:server`.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { markBuilt } from './build-state.mjs';

/** The files whose change means the server must be compiled again. */
export const SERVER_INPUTS = ['server', 'db', 'seeds/loader.ts', 'seeds/csv.ts', 'seeds/seed-texts.ts', 'seeds/scopes.ts', 'seeds/divisions', 'package-lock.json', 'scripts/build-server.mjs'];
/** Written when the server bundle is complete. */
export const SERVER_STAMP = 'dist/server/.built';

/** Bundles the server from the project at `root`. */
export async function buildServer(root) {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/main.ts', 'task-worker': 'server/workers/task-worker.ts' },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  markBuilt(root, SERVER_STAMP);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
