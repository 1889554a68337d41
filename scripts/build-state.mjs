/**
 * Whether a build output is older than its inputs: the newest modification time of the input files
 * against a stamp file the build writes when it finishes.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of the files under `paths` (files or folders, missing ones skipped). */
export function newestInput(root, paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

/** Whether `stampFile` is missing or older than any input. */
export function isStale(root, stampFile, inputs) {
  const stamp = join(root, stampFile);
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestInput(root, inputs);
}

/** Records a finished build. */
export function markBuilt(root, stampFile) {
  writeFileSync(join(root, stampFile), `${new Date().toISOString()}\n`);
}
