/**
 * The systemd units (deploy/jincheng-gi.service, deploy/jincheng-gi-replicate.service) and their environment
 * file: systemd's own `systemd-analyze verify` accepts them, `systemd-analyze security --offline` rates their
 * exposure low, they keep the hardening the deployment promises, and the three files agree with each other and
 * with the nginx site (the data folder is the writable one, the port is nginx's upstream, the base path nginx's
 * location, and the server accepts the settings). Without systemd-analyze it fails: `apt-get install -y systemd`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root';
import { readConfig } from '../../server/config';
import { SITE_FILE } from '../support/nginx';

const DEPLOY = join(projectRoot(), 'deploy');
const UNITS = ['jincheng-gi.service', 'jincheng-gi-replicate.service'];
/** The most exposure systemd may rate a unit (0 = locked down, 10 = fully exposed). */
const MAX_EXPOSURE = 2.0;

function analyze(...args: string[]) {
  const binary = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
  if (!binary) throw new Error('systemd-analyze is not installed: run `apt-get install -y systemd` (bash .ci/run installs it). This test does not skip.');
  return spawnSync(binary, args, { cwd: DEPLOY, encoding: 'utf8', timeout: 60_000 });
}

/** A unit's settings: each key with every value it is given, in order. */
function settings(file: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const line of readFileSync(join(DEPLOY, file), 'utf8').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) found.set(m[1], [...(found.get(m[1]) ?? []), m[2]]);
  }
  return found;
}

/** The environment file as the server would get it. */
function environment(): NodeJS.ProcessEnv {
  return Object.fromEntries(readFileSync(join(DEPLOY, 'jincheng-gi.env'), 'utf8').split('\n')
    .map((l) => /^([A-Z_]+)=(.*)$/.exec(l.trim())).filter((m) => m !== null).map((m) => [m[1], m[2]]));
}

describe('the systemd units', () => {
  it('pass systemd-analyze verify', () => {
    const run = analyze('verify', ...UNITS.map((u) => `./${u}`));
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(UNITS)('%s: systemd rates its exposure at most 2.0 of 10', (unit) => {
    const run = analyze('security', '--offline=true', `./${unit}`);
    const level = /Overall exposure level for \S+: ([\d.]+)/.exec(run.stdout)?.[1];
    expect(level, run.stdout + run.stderr).toBeDefined();
    expect(Number(level)).toBeLessThanOrEqual(MAX_EXPOSURE);
  });

  it.each(UNITS)('%s: a dedicated user, the hardening promised, restarts with limits, the environment file', (unit) => {
    const s = settings(unit);
    const one = (key: string) => s.get(key)?.at(-1);
    expect(one('User')).toBe('jincheng-gi');
    for (const [key, value] of [['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['ProtectHome', 'yes'], ['PrivateTmp', 'yes'],
      ['PrivateDevices', 'yes'], ['Restart', 'on-failure'], ['EnvironmentFile', '/etc/jincheng-gi/env'], ['CapabilityBoundingSet', '']] as const) {
      expect(one(key), key).toBe(value);
    }
    expect(s.get('SystemCallFilter')).toContain('@system-service');
    expect(one('RestrictAddressFamilies')?.split(' ').sort()).toEqual(['AF_INET', 'AF_INET6', 'AF_UNIX']);
    expect(one('MemoryMax')).toMatch(/^\d+[MG]$/);
    expect(Number(one('StartLimitBurst'))).toBeGreaterThan(0);
    expect(Number(one('StartLimitIntervalSec'))).toBeGreaterThan(0);
    // The database's folder is the one writable path.
    expect(s.get('ReadWritePaths')).toContain(dirname(environment().DATABASE_PATH!));
  });

  it('starts the replication beside the server with the command `npm run replicate` runs, stopped with it', () => {
    expect(settings('jincheng-gi.service').get('Wants')).toContain('jincheng-gi-replicate.service');
    const replicate = settings('jincheng-gi-replicate.service');
    const scripts = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).scripts as Record<string, string>;
    // The unit runs the script's file itself (no npm in between to swallow signals).
    const script = scripts.replicate.match(/(server\/cli\/\S+\.ts)/)?.[1];
    expect(script).toBeDefined();
    expect(replicate.get('ExecStart')).toEqual([`/usr/bin/node --import tsx ${script}`]);
    expect(existsSync(join(projectRoot(), script!))).toBe(true);
    expect(replicate.get('KillMode')).toEqual(['mixed']);
    expect(replicate.get('PartOf')).toEqual(['jincheng-gi.service']);
    expect(replicate.get('After')?.join(' ')).toContain('jincheng-gi.service');
  });
});

describe('the environment file', () => {
  it('is a configuration the server accepts, agreeing with the nginx site', () => {
    const env = environment();
    const config = readConfig(env);
    expect(config.trustProxy).toBe(1); // one hop: nginx
    expect(config.basePath).toBe('/gi/');
    const site = readFileSync(SITE_FILE, 'utf8');
    expect(site).toContain(`server 127.0.0.1:${config.port};`);
    expect(site).toContain(`location ${config.basePath} {`);
    expect(site).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
  });
});
