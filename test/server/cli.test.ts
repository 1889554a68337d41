/** The operator commands: `user:add` (validation, exit codes) and `backup` (a usable copy). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { checkPassword } from '../../server/domain/accounts/passwords';

let dir: string;
let dbFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-cli-'));
  dbFile = join(dir, 'registry.sqlite');
  openDb(dbFile).$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], { database = dbFile, input }: { database?: string; input?: string } = {}) {
  const r = spawnSync('npx', ['tsx', `server/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: database }, encoding: 'utf8', timeout: 60_000, input: input ?? '',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const users = () => {
  const db = new Database(dbFile, { readonly: true });
  try { return db.prepare('SELECT username, role, county, password_hash AS hash FROM users ORDER BY id').all() as { username: string; role: string; county: string | null; hash: string }[]; }
  finally { db.close(); }
};

describe('npm run user:add', () => {
  it('creates an official and an admin with scrypt hashes', async () => {
    const a = run('user-add', ['--username', 'qinshui', '--password', 'a long password', '--role', 'official', '--county', '140521']);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/Created official qinshui/);
    expect(run('user-add', ['--username', 'city', '--password', 'another long one', '--role', 'admin']).code).toBe(0);
    const [official, admin] = users();
    expect(official).toMatchObject({ username: 'qinshui', role: 'official', county: '140521' });
    expect(admin).toMatchObject({ username: 'city', role: 'admin', county: null });
    expect(official.hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await checkPassword('a long password', official.hash)).toBe(true);
    expect(await checkPassword('a long passwore', official.hash)).toBe(false);
  });

  it.each([
    ['a short password', ['--username', 'u1', '--password', 'short', '--role', 'admin'], /--password/, 2],
    ['ten digits in a row', ['--username', 'u55', '--password', '1234567890', '--role', 'admin'], /--password: .*1234567890/, 2],
    ['the username as password', ['--username', 'admin-city', '--password', 'admin-city', '--role', 'admin'], /--password: .*用户名.*username/, 2],
    ['an official without county', ['--username', 'u2', '--password', 'long enough pw', '--role', 'official'], /--county/, 2],
    ['an admin with a county', ['--username', 'u3', '--password', 'long enough pw', '--role', 'admin', '--county', '140521'], /--county/, 2],
    ['an unknown role', ['--username', 'u4', '--password', 'long enough pw', '--role', 'mayor'], /--role/, 2],
    ['an unknown option', ['--username', 'u5', '--pasword', 'long enough pw', '--role', 'admin'], /pasword/, 2],
    ['a taken username', ['--username', 'qinshui', '--password', 'long enough pw', '--role', 'admin'], /taken/, 1],
    ['an official of a code that is no county', ['--username', 'beijing', '--password', 'long enough pw', '--role', 'official', '--county', '140100'], /140100 is not a county/, 1],
  ])('refuses %s with a clear message and a non-zero exit', (_what, args, message, code) => {
    const before = users().length;
    const r = run('user-add', args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message as RegExp);
    expect(users().length).toBe(before);
  });
});

describe('npm run user:add: the database, the counties and the password', () => {
  it('refuses to create a database unless --create says to, and creates nothing', () => {
    const elsewhere = join(dir, 'typo', 'registry.sqlite');
    const r = run('user-add', ['--username', 'nodb', '--password', 'long enough pw', '--role', 'admin'], { database: elsewhere });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`There is no database at ${elsewhere}`);
    expect(r.err).toMatch(/DATABASE_PATH/);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('with --create makes the database, seeded as the server would, and the account in it', () => {
    const fresh = join(dir, 'fresh', 'registry.sqlite');
    const r = run('user-add', ['--username', 'first', '--password', 'long enough pw', '--role', 'admin', '--create'], { database: fresh });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Seeded the empty database first: 6 counties/);
    expect(r.out).toContain(`Created admin first in ${fresh}.`);
  });

  it.each([
    ['without a county', [], 2],
    ['with a county the database does not have', ['--county', '140100'], 1],
  ])('lists the counties by code and name for an official %s', (_what, extra, code) => {
    const r = run('user-add', ['--username', 'nocounty', '--password', 'long enough pw', '--role', 'official', ...extra as string[]]);
    expect(r.code).toBe(code);
    for (const line of [/140521\s+沁水县\s+Qinshui/, /140581\s+高平市\s+Gaoping/, /140502\s+城区/]) expect(r.err).toMatch(line);
    expect(users().some((u) => u.username === 'nocounty')).toBe(false);
  });

  it('asks for the password twice when none is given, reading it from a pipe', async () => {
    const r = run('user-add', ['--username', 'piped', '--role', 'official', '--county', '140522'], { input: 'a piped password\na piped password\n' });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Password (at least 10 characters, not shown): ');
    expect(r.err).toContain('The same password again: ');
    const piped = users().find((u) => u.username === 'piped')!;
    expect(await checkPassword('a piped password', piped.hash)).toBe(true);
  });

  it.each([
    ['two passwords that differ', 'a piped password\nanother password\n', /differ/],
    ['no input at all', '', /no password given/],
    ['a short password twice', 'short\nshort\n', /--password/],
  ])('refuses %s from the pipe, creating nothing', (_what, input, message) => {
    const r = run('user-add', ['--username', 'refused', '--role', 'admin'], { input });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(users().some((u) => u.username === 'refused')).toBe(false);
  });
});

describe('npm run backup', () => {
  it('writes a consistent copy and refuses to overwrite it', () => {
    const target = join(dir, 'backup.sqlite');
    const r = run('backup', [target]);
    expect(r.code, r.err).toBe(0);
    const copy = new Database(target, { readonly: true });
    const copied = copy.prepare('SELECT username FROM users ORDER BY id').all();
    expect(copied.slice(0, 2)).toEqual([{ username: 'qinshui' }, { username: 'city' }]);
    expect(copied).toEqual(users().map((u) => ({ username: u.username })));
    copy.close();
    // The database backed up has the backup in its security log, with where it went.
    const db = new Database(dbFile, { readonly: true });
    const event = db.prepare("SELECT username, detail FROM security_events WHERE kind = 'backup'").get() as { username: string | null; detail: string };
    db.close();
    expect(event.username).toBeNull();
    expect(JSON.parse(event.detail)).toMatchObject({ file: target, pages: expect.any(Number) });
    const again = run('backup', [target]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('needs a file name', () => {
    expect(run('backup', []).code).toBe(2);
  });
});

describe('npm scripts', () => {
  it('has backup and restore, run with tsx like the other commands', async () => {
    const { readFileSync } = await import('node:fs');
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.backup).toBe('tsx server/cli/backup.ts');
    expect(scripts.restore).toBe('tsx server/cli/restore.ts');
  });
});
