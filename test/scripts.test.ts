/** The start scripts: what `npm start` runs with, and when it rebuilds. */
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale, markBuilt } from '../scripts/build-state.mjs';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';

describe('npm start', () => {
  it('runs the server with the flags the bench measures it with', () => {
    const start = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start as string;
    for (const flag of SERVER_NODE_FLAGS) expect(start).toContain(flag);
  });

  it('sets the allocator as the bench, the systemd unit and the image do', () => {
    const start = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start as string;
    const unit = readFileSync(new URL('../deploy/jincheng-gi.service', import.meta.url), 'utf8');
    const image = readFileSync(new URL('../deploy/Containerfile', import.meta.url), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)![1];
    for (const flag of SERVER_NODE_FLAGS) expect(execStart).toContain(flag);
    for (const [name, value] of Object.entries(SERVER_MALLOC_ENV)) {
      // The variables come before `node` in the script: glibc reads them when the process starts.
      expect(start.split(' node ')[0]).toContain(`${name}=${value}`);
      expect(unit).toMatch(new RegExp(`^Environment=.*\\b${name}=${value}\\b`, 'm'));
      expect(image).toMatch(new RegExp(`\\b${name}=${value}\\b`));
    }
  });

  it('rebuilds only when a source is newer than the last build', () => {
    const root = mkdtempSync(join(tmpdir(), 'gi-build-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'src', 'a.ts'), 'x');
      expect(isStale(root, 'stamp', ['src'])).toBe(true); // never built
      markBuilt(root, 'stamp');
      const past = new Date(Date.now() - 60_000);
      utimesSync(join(root, 'src', 'a.ts'), past, past);
      expect(isStale(root, 'stamp', ['src'])).toBe(false);
      writeFileSync(join(root, 'src', 'b.ts'), 'y');
      const future = new Date(Date.now() + 60_000);
      utimesSync(join(root, 'src', 'b.ts'), future, future);
      expect(isStale(root, 'stamp', ['src'])).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
