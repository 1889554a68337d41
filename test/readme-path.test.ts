/**
 * The README's newcomer path, to the letter, in a fresh copy of the repository: the commands are read
 * from the README itself (the "Two commands" block, the `user:add` block and the pipe its prose gives
 * for a password), never copied here, so a README command that stops working fails this test.
 *
 * The copy is made of the files `git add -A` would commit, as they are on disk (`git ls-files --cached
 * --others --exclude-standard`): a clone would test the last commit, not the README and code about to be
 * committed, and `git stash create` or `git archive` leave new files out. Nothing built comes along (no
 * dist/, no database). `npm install` is the one step not run: there is no network here, so the copy
 * links the installed node_modules instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PASSWORD = 'newcomer-password-2026';

/** The lines of the README's ```sh blocks within the section under `heading` (all sections: none), comments cut off. */
function shellLines(heading?: string): string[] {
  let text = README;
  if (heading) {
    const start = README.indexOf(`\n## ${heading}\n`);
    if (start < 0) throw new Error(`README has no section "## ${heading}"`);
    const end = README.indexOf('\n## ', start + 1);
    text = README.slice(start, end < 0 ? undefined : end);
  }
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

/** What a newcomer's shell has: no variables of this test run (vitest's, npm's own, a test server's). */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) =>
    !/^(VITEST|npm_|NODE_ENV$|NODE_OPTIONS$|PORT$|DATABASE_PATH$|CLIENT_DIR$|TEST$)/i.test(key)));
  return { ...env, ...extra };
}

/** Copies the files a commit of the working tree would hold into `to`, and links the installed node_modules. */
function freshCopy(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  for (const path of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(ROOT, path);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue; // deleted in the working tree, about to be committed so
    mkdirSync(dirname(join(to, path)), { recursive: true });
    copyFileSync(from, join(to, path));
  }
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(to, 'node_modules'));
}

/** Runs a README command line in the copy with `sh`, as a newcomer pastes it. */
const sh = (command: string, env: NodeJS.ProcessEnv) =>
  spawnSync('sh', ['-c', command], { cwd: copy, env, encoding: 'utf8', timeout: 60_000 });

let dir: string;
let copy: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | null = null;
let output = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-readme-'));
  copy = join(dir, 'jincheng-gi-registry');
  freshCopy(copy);
  env = newcomerEnv({ PORT: '0', DATABASE_PATH: join(dir, 'db', 'registry.sqlite') });
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM'); // the group: npm, its shell and the server it runs
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the README’s newcomer path in a fresh copy', () => {
  let base: string;

  it('"npm install && npm start" builds what is missing, creates and seeds the database, and listens', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const steps = shellLines('Two commands')[0]!.split('&&').map((s) => s.trim());
    expect(steps.length).toBeGreaterThan(1);
    // npm install: the linked node_modules stands in for it (no network); every other step runs as written.
    expect(steps[0]).toMatch(/^npm (install|ci)$/);
    const start = steps.slice(1).join(' && ');
    expect(start).toBe('npm start'); // the last step serves in the foreground
    server = spawn('sh', ['-c', start], { cwd: copy, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not listening after 50 s:\n${output}`)), 50_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /on http:\/\/localhost:(\d+)/.exec(output);
        if (found) { clearTimeout(timer); resolve(Number(found[1])); }
      };
      server!.stdout!.on('data', read);
      server!.stderr!.on('data', read);
      server!.once('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited (${code}):\n${output}`)); });
    });
    base = `http://127.0.0.1:${port}`;
    expect(existsSync(join(copy, 'dist/client/index.html'))).toBe(true);
    expect(existsSync(join(copy, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(String(env.DATABASE_PATH))).toBe(true);
    const products = await (await fetch(`${base}/api/products`)).json() as { total: number };
    expect(products.total).toBeGreaterThan(0);
    expect((await fetch(`${base}/`)).status).toBe(200);
  }, 60_000);

  it('has no account until "npm run user:add -- --username admin --role admin" is given the password as the README pipes it; then it signs in', async () => {
    const signIn = () => fetch(`${base}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect((await signIn()).status).toBe(401); // no accounts and no default password

    const command = shellLines().find((line) => line.startsWith('npm run user:add') && /--role admin\b/.test(line));
    expect(command, 'README: a user:add line for the first admin').toBeDefined();
    expect(command).toContain('--username admin');
    // The prose: "from a pipe, the first two lines: `printf '%s\n%s\n' "$PW" "$PW" | npm run user:add -- …`".
    const pipe = /`(printf [^`|]+)\|\s*npm run user:add\s+--\s*…`/.exec(README);
    expect(pipe, 'README: how to pipe the password to user:add').not.toBeNull();
    const added = sh(`${pipe![1]!.trim()} | ${command}`, { ...env, PW: PASSWORD });
    expect(added.status, `${added.stdout}\n${added.stderr}`).toBe(0);
    expect(added.stdout).toContain('Created admin admin');

    const session = await signIn();
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^gi_session=/);
    const me = await (await fetch(`${base}/api/session`, { headers: { cookie } })).json() as { username: string; role: string };
    expect(me).toMatchObject({ username: 'admin', role: 'admin' });
  }, 30_000);
});
