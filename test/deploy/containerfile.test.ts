/**
 * The container image definition (deploy/Containerfile), linted without a container engine: dockerfile-utils
 * (the linter of VS Code's Dockerfile support) finds no problem, and the rules an image of this registry must keep
 * are read from its instructions (dockerfile-ast): pinned bases, a multi-stage build with `npm ci`, a non-root
 * user, the data in a volume, a health check that really answers, nothing fetched by ADD. The health check
 * script is run against a real server.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Copy, type Env, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root';
import { startServer, type TestServer } from '../support/server';

const ROOT = projectRoot();
const FILE = join(ROOT, 'deploy', 'Containerfile');
const text = readFileSync(FILE, 'utf8');
const dockerfile = DockerfileParser.parse(text);

/** The instructions of each stage, in order. */
function stages(): { name: string | null; image: string; instructions: Instruction[] }[] {
  const found: { name: string | null; image: string; instructions: Instruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const as = args.findIndex((a) => a.toUpperCase() === 'AS');
      found.push({ name: as >= 0 ? args[as + 1] : null, image: args[0], instructions: [] });
    } else {
      found.at(-1)?.instructions.push(instruction);
    }
  }
  return found;
}
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
const all = (keyword: string, list: Instruction[] = dockerfile.getInstructions()) => list.filter((i) => i.getKeyword() === keyword);

describe('deploy/Containerfile', () => {
  it('has no problem dockerfile-utils can find', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in stages from a pinned base: npm ci in the first, the last copies its result', () => {
    const list = stages();
    expect(list.length).toBeGreaterThanOrEqual(2);
    const names = new Set(list.map((s) => s.name).filter(Boolean));
    for (const { image } of list.filter((s) => !names.has(s.image))) {
      // A release (major.minor.patch) or a digest, never a moving tag.
      expect(image, image).toMatch(/^[\w./-]+(:\d+\.\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?|@sha256:[0-9a-f]{64})$/);
    }
    const [build, run] = [list[0], list.at(-1)!];
    expect(all('RUN', build.instructions).some((i) => /\bnpm ci\b/.test(i.getRawArgumentsContent() ?? ''))).toBe(true);
    expect(all('COPY', run.instructions).some((i) => (i as Copy).getFromFlag()?.getValue() === build.name)).toBe(true);
  });

  it('runs as a user other than root, with the data in a volume the user owns', () => {
    const run = stages().at(-1)!;
    const user = all('USER', run.instructions).at(-1);
    expect(user).toBeDefined();
    expect(args(user!)[0]).not.toMatch(/^(root|0)(:|$)/);
    const volumes = all('VOLUME', run.instructions).flatMap((i) => JSON.parse(i.getRawArgumentsContent()!) as string[]);
    const env = Object.fromEntries(all('ENV', run.instructions).flatMap((i) => (i as Env).getProperties().map((p) => [p.getName(), p.getValue()])));
    expect(volumes.some((v) => env.DATABASE_PATH?.startsWith(`${v}/`))).toBe(true);
    expect(all('EXPOSE', run.instructions).flatMap(args)).toContain(env.PORT);
  });

  it('checks its health with a script the image holds, and runs the built server in exec form', () => {
    const run = stages().at(-1)!;
    const health = all('HEALTHCHECK', run.instructions);
    expect(health).toHaveLength(1);
    const check = health[0].getRawArgumentsContent()!;
    const script = /"(scripts\/[\w.-]+\.mjs)"/.exec(check)?.[1];
    expect(script && existsSync(join(ROOT, script))).toBe(true);
    const cmd = all('CMD', run.instructions);
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0].getRawArgumentsContent()!)).toEqual(['node', '--max-semi-space-size=4', '--expose-gc', '--v8-pool-size=1', 'dist/server/main.js']);
  });

  it('fetches nothing with ADD, and leaves installed and built trees out of the build context', () => {
    expect(all('ADD').filter((i) => /https?:\/\//.test(i.getRawArgumentsContent() ?? ''))).toEqual([]);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data']));
  });
});

describe('scripts/healthcheck.mjs', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startServer({ seed: false, env: { BASE_PATH: '/gi/' } }); });
  afterAll(() => s.close());

  /** Runs the script as the image does (asynchronously: the server answers from this same process). */
  const check = (env: Record<string, string>) => new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'healthcheck.mjs')], { env: { PATH: process.env.PATH, ...env } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('exit', (status) => resolve({ status, stderr }));
  });

  it.each(['/gi/', '/gi', 'gi'])('exits 0 when the server answers under BASE_PATH=%s', async (base) => {
    const run = await check({ PORT: new URL(s.url).port, BASE_PATH: base });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('exits 1, saying why, when the server does not answer there', async () => {
    const wrongPath = await check({ PORT: new URL(s.url).port });
    expect(wrongPath.status).toBe(1);
    expect(wrongPath.stderr).toMatch(/\/api\/health: HTTP 404/);
    const nobody = await check({ PORT: '1', BASE_PATH: '/gi/' });
    expect(nobody.status).toBe(1);
  });
});
