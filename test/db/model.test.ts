import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MOVES, AreaGeometry, canMove, creditCodeCheckChar, CreditCode, DesignationCreate, Location, Participant,
  PeriodInput, ProductCreate, ProductQuery, ProductUpdate, STATUSES, statusesOf, termEnd, todayInShanghai, UserCreate,
  type Status,
} from '../../db/model';

const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17);
const VALID_CODE = withCheck('91140500MA0K1234A');

describe('credit codes (GB 32100-2015)', () => {
  it.each([
    ['computed check character', VALID_CODE],
    ['another organisation', withCheck('52140500MJY123456')],
  ])('accepts %s', (_, code) => {
    expect(CreditCode.safeParse(code).success).toBe(true);
  });

  const wrongCheck = VALID_CODE.slice(0, 17) + (VALID_CODE[17] === '0' ? '1' : '0');
  it.each([
    ['a wrong check character', wrongCheck],
    ['17 characters', VALID_CODE.slice(0, 17)],
    ['19 characters', `${VALID_CODE}0`],
    ['a forbidden letter I', `${VALID_CODE.slice(0, 10)}I${VALID_CODE.slice(11)}`],
    ['lower case', VALID_CODE.toLowerCase()],
    ['empty', ''],
  ])('refuses %s', (_, code) => {
    expect(CreditCode.safeParse(code).success).toBe(false);
  });
});

describe('the status-move table', () => {
  const table: [Status, Status[]][] = [
    ['cultivating', ['filed', 'withdrawn']],
    ['filed', ['published', 'granted', 'rejected', 'withdrawn']],
    ['published', ['granted', 'rejected', 'withdrawn']],
    ['granted', ['revoked', 'expired']],
    ['rejected', ['cultivating']],
    ['withdrawn', ['cultivating']],
    ['revoked', []],
    ['expired', []],
  ];
  it.each(table)('from %s allows exactly %j', (from, allowed) => {
    expect([...ALLOWED_MOVES[from]].sort()).toEqual([...allowed].sort());
    for (const to of STATUSES) expect(canMove(from, to)).toBe(allowed.includes(to));
  });

  it('expands status groups', () => {
    expect(statusesOf('in_force')).toEqual(['granted']);
    expect(statusesOf('in_progress')).toEqual(['filed', 'published']);
    expect(statusesOf('cultivating')).toEqual(['cultivating']);
  });
});

describe('dates', () => {
  it.each([
    ['2020-10-28', 10, '2030-10-27'],
    ['2020-02-29', 10, '2030-02-28'],
    ['2021-01-01', 10, '2030-12-31'],
  ])('a term from %s of %i years ends %s', (start, years, end) => {
    expect(termEnd(start, years)).toBe(end);
  });

  it('tells today in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(todayInShanghai(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
  });
});

describe('products', () => {
  const good = { nameZh: '测试', category: 'food', counties: ['140521'] };
  it('accepts a minimal product', () => {
    expect(ProductCreate.safeParse(good).success).toBe(true);
  });

  it.each([
    ['no name', { ...good, nameZh: undefined }],
    ['a blank name', { ...good, nameZh: '   ' }],
    ['a name of 101 characters', { ...good, nameZh: '名'.repeat(101) }],
    ['an unknown category', { ...good, category: 'mineral' }],
    ['no county', { ...good, counties: [] }],
    ['a county outside Jincheng', { ...good, counties: ['140100'] }],
    ['a county twice', { ...good, counties: ['140521', '140521'] }],
    ['a county as a number', { ...good, counties: [140521] }],
    ['an unknown key', { ...good, status: 'granted' }],
    ['a location with swapped lat/lng', { ...good, locations: [{ lat: 112.8, lng: 35.5, precision: 'exact' }] }],
    ['a location without precision', { ...good, locations: [{ lat: 35.5, lng: 112.8 }] }],
  ])('refuses %s', (_, body) => {
    expect(ProductCreate.safeParse(body).success).toBe(false);
  });

  it('lets an update change any one field but no server field', () => {
    expect(ProductUpdate.safeParse({ visibility: 'public' }).success).toBe(true);
    expect(ProductUpdate.safeParse({ id: 3 }).success).toBe(false);
    expect(ProductUpdate.safeParse({ createdAt: '2020-01-01T00:00:00Z' }).success).toBe(false);
  });

  it('accepts a location inside Jincheng', () => {
    expect(Location.parse({ lat: 35.69, lng: 112.18, precision: 'exact' }).label).toBe('');
  });
});

describe('protected-area geometry', () => {
  const ring = [[112.1, 35.6], [112.2, 35.6], [112.2, 35.7], [112.1, 35.6]];
  it.each([
    ['a Polygon', { type: 'Polygon', coordinates: [ring] }],
    ['a MultiPolygon', { type: 'MultiPolygon', coordinates: [[ring], [ring]] }],
  ])('accepts %s', (_, g) => {
    expect(AreaGeometry.safeParse(g).success).toBe(true);
  });
  it.each([
    ['a Point', { type: 'Point', coordinates: [112.1, 35.6] }],
    ['an open ring', { type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[112.15, 35.65]])] }],
    ['a ring of three positions', { type: 'Polygon', coordinates: [ring.slice(0, 3)] }],
    ['[lat, lng] order', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [y, x])] }],
    ['a polygon in Beijing', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x + 4.3, y + 4.3])] }],
    ['an extra key', { type: 'Polygon', coordinates: [ring], crs: {} }],
  ])('refuses %s', (_, g) => {
    expect(AreaGeometry.safeParse(g).success).toBe(false);
  });
});

describe('designations, participants, periods, users', () => {
  it.each([
    [{ giType: 'trademark', markKind: 'collective' }, true],
    [{ giType: 'trademark' }, false],
    [{ giType: 'protected_product' }, true],
    [{ giType: 'protected_product', markKind: 'certification' }, false],
    [{ giType: 'agricultural_product', holderCreditCode: VALID_CODE }, true],
    [{ giType: 'agricultural_product', holderCreditCode: '123' }, false],
    [{ giType: 'agricultural_product', status: 'granted' }, false],
  ])('designation %j valid: %s', (body, ok) => {
    expect(DesignationCreate.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ role: 'cooperative', name: '某合作社', households: 120 }, true],
    [{ role: 'farmers', households: 300, areaMu: 1200.5 }, true],
    [{ role: 'farmers', name: '张三' }, false],
    [{ role: 'enterprise' }, false],
    [{ role: 'cooperative', name: '某合作社', households: -1 }, false],
    [{ role: 'cooperative', name: '某合作社', households: 1.5 }, false],
  ])('participant %j valid: %s', (body, ok) => {
    expect(Participant.safeParse(body).success).toBe(ok);
  });

  const period = { name: '十五五', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [{ giType: 'trademark', baseline: 6, target: 15 }] };
  it.each([
    [period, true],
    [{ ...period, endsOn: '2025-12-31' }, false],
    [{ ...period, endsOn: '2026-01-01' }, false],
    [{ ...period, startsOn: '2026-02-30' }, false],
    [{ ...period, targets: [{ giType: 'trademark', baseline: -1, target: 3 }] }, false],
    [{ ...period, targets: [{ giType: 'trademark', baseline: 1, target: 2.5 }] }, false],
    [{ ...period, targets: [period.targets[0], period.targets[0]] }, false],
  ])('period %j valid: %s', (body, ok) => {
    expect(PeriodInput.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ username: 'qinshui', password: 'long enough pw', role: 'official', county: '140521' }, true],
    [{ username: 'city', password: 'long enough pw', role: 'admin' }, true],
    [{ username: 'qinshui', password: 'long enough pw', role: 'official' }, false],
    [{ username: 'city', password: 'long enough pw', role: 'admin', county: '140521' }, false],
    [{ username: 'qinshui', password: 'short', role: 'official', county: '140521' }, false],
    [{ username: 'Q S', password: 'long enough pw', role: 'official', county: '140521' }, false],
  ])('user %j valid: %s', (body, ok) => {
    expect(UserCreate.safeParse(body).success).toBe(ok);
  });
});

describe('product query', () => {
  it('coerces paging from strings with defaults', () => {
    expect(ProductQuery.parse({ limit: '5' })).toMatchObject({ limit: 5, offset: 0 });
    expect(ProductQuery.parse({})).toMatchObject({ limit: 100, offset: 0 });
  });
  it.each([
    [{ limit: '-1' }], [{ limit: '2.5' }], [{ limit: 'ten' }], [{ offset: '-3' }], [{ type: 'patent' }],
    [{ status: 'approved' }], [{ county: '140500' }], [{ category: 'x' }], [{ colour: 'red' }],
  ])('refuses %j', (q) => {
    expect(ProductQuery.safeParse(q).success).toBe(false);
  });
});
