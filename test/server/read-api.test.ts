import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const get = (path: string) => call(server.url + path);
const idOf = async (nameZh: string) =>
  (await get(`/api/products?q=${encodeURIComponent(nameZh)}`)).body.items.find((p: any) => p.nameZh === nameZh).id as number;

describe('health and counties', () => {
  it('says it is alive', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('lists the seeded counties by code with seat and label points, none begun or ended by a division change', async () => {
    const { status, body } = await get('/api/counties');
    expect(status).toBe(200);
    expect(body.map((c: any) => c.code)).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
    expect(body[1]).toEqual({
      code: '140521', nameZh: '沁水县', nameEn: 'Qinshui County',
      seat: { lat: 35.689568, lng: 112.180883 }, label: { lat: 35.747462, lng: 112.364593 }, startedOn: null, endedOn: null,
    });
  });

  it('serves the boundaries as GeoJSON with counts per county, 泽州县 with its hole', async () => {
    const { status, headers, body } = await get('/api/counties.geojson');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/geo\+json/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(6);
    const zezhou = body.features.find((f: any) => f.properties.code === '140525');
    expect(zezhou.geometry.type).toBe('Polygon');
    expect(zezhou.geometry.coordinates.length).toBe(2); // outer ring + the hole of 城区
    const qinshui = body.features.find((f: any) => f.properties.code === '140521').properties;
    // 沁水蜂蜜 (trademark), 沁水黄小米 and 沁水刺槐蜂蜜 (agricultural products) are in force.
    expect(qinshui.inForce).toEqual({ trademark: 1, protected_product: 0, agricultural_product: 2, total: 3 });
    expect(qinshui.products).toBe(4);
  });
});

describe('GET /api/products', () => {
  it('lists the seeded registry with a total', async () => {
    const { status, body } = await get('/api/products');
    expect(status).toBe(200);
    expect(body.total).toBe(16);
    expect(body.items).toHaveLength(16);
    const pear = body.items.find((p: any) => p.nameZh === '高平大黄梨');
    expect(pear).toMatchObject({ category: 'food', counties: ['140581'], visibility: 'public', archived: false });
    expect(pear.designations.map((d: any) => d.giType).sort()).toEqual(['protected_product', 'trademark']);
  });

  it.each([
    ['type=trademark', 7],
    ['type=trademark&status=in_force', 4],
    ['type=trademark&status=cultivating', 3],
    ['status=in_progress', 1],
    ['type=protected_product&status=filed', 1],
    ['county=140522', 6],
    ['county=140502', 1],
    ['category=medicinal', 5],
    ['q=蜂蜜', 2],
    ['q=honey', 2],
    ['q=HONEY', 2],
    ['q=%25', 0],
    ['q=_', 0],
    ['county=140524&type=trademark&status=in_force', 2],
  ])('filters %s → %i products', async (query, expected) => {
    const { status, body } = await get(`/api/products?${query}`);
    expect(status).toBe(200);
    expect(body.total).toBe(expected);
    expect(body.items).toHaveLength(expected);
  });

  it('pages with limit and offset without changing the total', async () => {
    const all = (await get('/api/products')).body.items.map((p: any) => p.id);
    const page = await get('/api/products?limit=5&offset=5');
    expect(page.body.total).toBe(16);
    expect(page.body.items.map((p: any) => p.id)).toEqual(all.slice(5, 10));
  });

  it.each([
    ['type=patent', 'type'],
    ['status=approved', 'status'],
    ['county=14050', 'county'],
    ['county=140521,140522', 'county'],
    ['category=mineral', 'category'],
    ['limit=-1', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=100000', 'limit'],
    ['offset=-1', 'offset'],
    ['type=trademark&type=trademark', 'type'],
    ['colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, param) => {
    const { status, body } = await get(`/api/products?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(param);
    expect(body.error.issues.length).toBeGreaterThan(0);
  });
});

describe('GET /api/products/:id', () => {
  it('shows a product with its designations, histories, participants and locations', async () => {
    const { status, body } = await get(`/api/products/${await idOf('高平大黄梨')}`);
    expect(status).toBe(200);
    expect(body.nameEn).toBe('Gaoping big yellow pear');
    const mark = body.designations.find((d: any) => d.giType === 'trademark');
    expect(mark).toMatchObject({
      markKind: 'certification', status: 'granted', grantedOn: '2020-10-28', validUntil: '2030-10-27',
      holder: '高平市寺庄镇农村综合便民服务中心', sources: [{ title: null, url: 'https://sqrdapp.com/news/2020/11/576065.html' }],
    });
    expect(mark.transitions.map((m: any) => m.to)).toEqual(['cultivating', 'filed', 'granted']);
    expect(body.locations).toEqual([{ lat: 35.804477, lng: 112.922786, label: '高平市', precision: 'county', divisionCode: null }]);
    expect(body).toHaveProperty('participants');
    expect(body).toHaveProperty('protectedArea', null);
  });

  it('shows the holder association as a participant', async () => {
    const { body } = await get(`/api/products/${await idOf('沁水刺槐蜂蜜')}`);
    expect(body.participants).toEqual([{
      role: 'association', name: '沁水县蜂业协会', creditCode: null, households: null, areaMu: null, outputTonnes: null, valueWanYuan: null,
    }]);
  });

  it.each([
    ['/api/products/99999', 404],
    ['/api/products/abc', 400],
    ['/api/products/0', 400],
    ['/api/products/1.5', 400],
  ])('%s → %i with the error shape', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('GET /api/products.geojson', () => {
  it('returns one RFC 7946 feature per place of the filtered products; a county-level place has no geometry', async () => {
    const { status, headers, body } = await get('/api/products.geojson?q=晋城药茶');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/geo\+json/);
    expect(body.features).toHaveLength(6);
    for (const f of body.features) {
      expect(f.geometry).toBeNull();
      expect(f.properties).toMatchObject({ nameZh: '晋城药茶', precision: 'county' });
    }
    expect(body.features.map((f: any) => f.properties.countyCode)).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
  });

  it('takes the same filters and refuses the same bad ones', async () => {
    const { body } = await get('/api/products.geojson?type=agricultural_product&status=in_force');
    expect(new Set(body.features.map((f: any) => f.properties.nameZh)).size).toBe(7);
    expect((await get('/api/products.geojson?status=nope')).status).toBe(400);
    expect((await get('/api/products.geojson?limit=5')).status).toBe(400);
  });
});

describe('periods and unknown paths', () => {
  it('lists the seeded period with its targets', async () => {
    const { body } = await get('/api/periods');
    expect(body).toEqual([{
      id: expect.any(Number), name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31',
      targets: [
        { giType: 'trademark', baseline: 4, target: 10 },
        { giType: 'protected_product', baseline: 2, target: 5 },
        { giType: 'agricultural_product', baseline: 7, target: 15 }, // with 巴公大葱 and 析城山小米 (2013)
      ],
    }]);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const { status, headers, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/json/);
    expect(body.error.code).toBe('not_found');
  });

  it('sends a strict Content-Security-Policy', async () => {
    const { headers } = await get('/api/health');
    const csp = headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
