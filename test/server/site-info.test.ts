/**
 * The footer's lines about the site (GET /api/config `site`): the issuer from the report settings, and the
 * contact line, 网站标识码, ICP备案号 and 公安备案号 from the server's configuration; a line not configured
 * is null (the footer does not show it), and a static copy carries the same answer in api/config.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientConfig } from '../../db/model';
import { readConfig } from '../../server/config';
import { buildStaticSite } from '../../server/cli/build-static';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

const ISSUER = { zh: '晋城市市场监督管理局（知识产权局）', en: 'Jincheng Administration for Market Regulation (Intellectual Property Office)' };
const LINES = { SITE_CONTACT: '0356-0000000', SITE_ID_CODE: '1405000001', ICP_RECORD: '晋ICP备00000000号', PSB_RECORD: '晋公网安备 14050200000000号' };

describe('readConfig: the footer lines', () => {
  it('reads each line trimmed, and a missing or blank one as null', () => {
    expect(readConfig({ ...LINES, ICP_RECORD: '  晋ICP备00000000号 ' }).site).toEqual({
      contact: '0356-0000000', siteIdCode: '1405000001', icpRecord: '晋ICP备00000000号', psbRecord: '晋公网安备 14050200000000号',
    });
    expect(readConfig({ SITE_CONTACT: '', ICP_RECORD: '   ' }).site).toEqual({ contact: null, siteIdCode: null, icpRecord: null, psbRecord: null });
  });
});

describe('GET /api/config with the lines configured', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ seed: false, env: LINES }); });
  afterAll(() => server.close());

  it('gives every line and the report settings’ issuer, in the contract’s shape', async () => {
    const { status, body } = await call(`${server.url}/api/config`);
    expect(status).toBe(200);
    expect(ClientConfig.parse(body).site).toEqual({
      issuer: ISSUER, contact: LINES.SITE_CONTACT, siteIdCode: LINES.SITE_ID_CODE, icpRecord: LINES.ICP_RECORD, psbRecord: LINES.PSB_RECORD,
    });
  });

  it('names the new issuer once an admin changes it (the kept answer follows the registry)', async () => {
    await addAccount(server.db, 'city-footer', 'admin');
    const admin = await signIn(server.url, 'city-footer');
    expect((await send(server.url, 'PUT', '/api/report-settings', { issuerZh: '晋城市知识产权局', issuerEn: 'Jincheng IP Office' }, admin)).status).toBe(200);
    const { body } = await call(`${server.url}/api/config`);
    expect(body.site.issuer).toEqual({ zh: '晋城市知识产权局', en: 'Jincheng IP Office' });
  });

  it('is in the static copy’s api/config.json, the same', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gi-site-info-'));
    try {
      const client = join(out, 'client');
      mkdirSync(client);
      writeFileSync(join(client, 'index.html'), '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="utf-8" />\n    <title>t</title>\n  </head>\n  <body><gi-app></gi-app></body>\n</html>\n');
      const site = join(out, 'site');
      await buildStaticSite(server.db, site, { clientDir: client, config: server.config, today: '2024-06-01' });
      const copy = JSON.parse(readFileSync(join(site, 'api/config.json'), 'utf8'));
      expect(copy.site).toEqual((await call(`${server.url}/api/config`)).body.site);
      expect(copy.site.icpRecord).toBe(LINES.ICP_RECORD);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('GET /api/config with no lines configured', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ seed: false }); });
  afterAll(() => server.close());

  it('still names the issuer (the seeded report settings), and every other line is null', async () => {
    const { body } = await call(`${server.url}/api/config`);
    expect(body.site).toEqual({ issuer: ISSUER, contact: null, siteIdCode: null, icpRecord: null, psbRecord: null });
  });
});
