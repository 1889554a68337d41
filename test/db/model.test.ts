import { describe, expect, it } from 'vitest';
import {
  addYears, ALLOWED_MOVES, AreaGeometry, canMove, creditCodeCheckChar, CreditCode, daysInMonth, DesignationCreate,
  DesignationUpdate, FactDate, IsoDate, line, Location, Participant, PartialDate, PeriodInput, ProductCreate, ProductQuery,
  productNameKey, ProductUpdate, STATUSES, statusesOf, TermDate, termEnd, text, todayInShanghai, TransitionCreate,
  UserCreate, type Status,
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
    ['granted', ['revoked', 'expired', 'converted']],
    ['rejected', ['cultivating']],
    ['withdrawn', ['cultivating']],
    ['revoked', []],
    ['expired', []],
    ['converted', []],
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

  it.each([
    ['0050-01-03', 10, '0060-01-02'], // Date.UTC would have made it 1960-01-02
    ['0000-02-29', 10, '0010-02-28'], // year 0 is a leap year; 1900 (where Date.UTC put it) is not
    ['2024-02-29', 10, '2034-02-28'],
    ['2024-03-01', 10, '2034-02-28'],
    ['2019-01-01', 1, '2019-12-31'],
  ])('a term from %s of %i years ends %s, by calendar arithmetic', (start, years, end) => {
    expect(termEnd(start, years)).toBe(end);
  });

  it('counts days and years without Date (years 0–99 are not 1900–1999)', () => {
    expect(daysInMonth(0, 2)).toBe(29);
    expect(daysInMonth(100, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('0050-01-03', 50)).toBe('0100-01-03');
  });

  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const tomorrow = todayInShanghai(new Date(Date.now() + 86_400_000));
  it.each([
    ['1949', true], ['1949-01-01', true], ['1949-10', true], [String(year), true], [today, true], [today.slice(0, 7), true],
    ['0050-01-03', false], ['0000', false], ['0099-12', false], ['1948', false], ['1948-12-31', false],
    [String(year + 1), false], [tomorrow, tomorrow === today], ['2024-02-30', false],
  ])('a fact dated %s is accepted: %s', (d, ok) => {
    expect(FactDate.safeParse(d).success).toBe(ok);
    expect(TransitionCreate.safeParse({ to: 'filed', on: d }).success).toBe(ok);
    expect(DesignationCreate.safeParse({ giType: 'protected_product', startedOn: d }).success).toBe(ok);
  });

  it('refuses years before 1949 in every date, with a message in both languages', () => {
    for (const schema of [PartialDate, IsoDate, TermDate, FactDate]) {
      const result = schema.safeParse('1948-12-31');
      expect(result.success).toBe(false);
      expect(result.error!.issues[0].message).toMatch(/1949.* \/ .*1949/);
    }
    expect(PartialDate.safeParse('0050').success).toBe(false);
    expect(IsoDate.safeParse('0050-01-03').success).toBe(false);
  });

  it('lets validUntil run up to 50 years ahead, not more', () => {
    const limit = addYears(today, 50);
    expect(TermDate.safeParse(limit).success).toBe(true);
    expect(DesignationUpdate.safeParse({ validUntil: limit }).success).toBe(true);
    const over = DesignationUpdate.safeParse({ validUntil: addYears(today, 51) });
    expect(over.success).toBe(false);
    expect(over.error!.issues[0].message).toContain(limit);
    expect(DesignationUpdate.safeParse({ validUntil: '0050-01-03' }).success).toBe(false);
    expect(DesignationCreate.safeParse({ giType: 'agricultural_product', validUntil: '1900-01-01' }).success).toBe(false);
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
    // Which well-formed codes are counties is data: the server refuses one that is not (test/server/counties-as-data.test.ts).
    ['a county code of five digits', { ...good, counties: ['14052'] }],
    ['a county code with a letter', { ...good, counties: ['14052a'] }],
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

describe('texts', () => {
  const good = { nameZh: '测试', category: 'food', counties: ['140521'] };
  it.each([
    ['only zero-width spaces', '\u200b\u200b'],
    ['only a right-to-left override', '\u202e'],
    ['a bidi override inside', '沁水\u202e蜂蜜'],
    ['a bidi isolate inside', '沁水\u2066蜂蜜\u2069'],
    ['only combining marks', '\u0301\u0301\u20dd'],
    ['only format characters and spaces', '\u200e \u2060\u3000\ufeff'],
    ['a NUL', '沁水\u0000蜂蜜'],
    ['an ESC', '沁水\u001b[31m蜂蜜'],
    ['a C1 control', '沁水\u0085蜂蜜'],
    ['a line break', '沁水\n蜂蜜'],
    ['a tab', '沁水\t蜂蜜'],
    ['a blank Braille pattern', '\u2800'],
  ])('refuses a name of %s', (_, nameZh) => {
    expect(ProductCreate.safeParse({ ...good, nameZh }).success).toBe(false);
    expect(ProductUpdate.safeParse({ nameEn: nameZh }).success).toBe(false);
    expect(line(200).safeParse(nameZh).success).toBe(false);
  });

  it('stores a name as typed, less its invisible characters and surrounding spaces', () => {
    expect(ProductCreate.parse({ ...good, nameZh: ' 沁水\u200b蜂蜜\u200d ' }).nameZh).toBe('沁水蜂蜜');
    expect(ProductCreate.parse({ ...good, nameZh: 'ＡＢ蜂蜜' }).nameZh).toBe('ＡＢ蜂蜜'); // not NFKC-folded
    expect(ProductCreate.parse({ ...good, nameZh: 'é蜂蜜' }).nameZh).toBe('é蜂蜜'); // a mark on a letter is fine
  });

  it.each([
    ['a NUL', 'a\u0000b', false], ['an ESC', 'a\u001bb', false], ['DEL', 'a\u007fb', false], ['a C1 control', 'a\u009bb', false],
    ['a lone CR', 'a\rb', false], ['an RLO', 'a\u202eb', false], ['an LRI', 'a\u2066b', false],
    ['tabs and line breaks (LF, CR LF)', 'a\tb\nc\r\nd', true], ['nothing', '', true], ['zero-width joiners', 'a\u200db', true],
  ])('a long text with %s is accepted: %s', (_, value, ok) => {
    expect(text(5000).safeParse(value).success).toBe(ok);
    expect(ProductUpdate.safeParse({ description: value }).success).toBe(ok);
    expect(DesignationUpdate.safeParse({ notes: value }).success).toBe(ok);
  });

  it('refuses control and bidi characters in every single-line field', () => {
    expect(DesignationUpdate.safeParse({ holder: '某协会\u0007' }).success).toBe(false);
    expect(DesignationUpdate.safeParse({ number: '\u202e123' }).success).toBe(false);
    expect(ProductUpdate.safeParse({ sources: ['县志\u0000'] }).success).toBe(false);
    expect(Participant.safeParse({ role: 'cooperative', name: '\u200b' }).success).toBe(false);
  });

  it.each([
    ['沁水蜂蜜', '沁水蜂蜜\u200b'], ['沁水蜂蜜', '\u2060沁水\u00ad蜂蜜'], ['沁水蜂蜜', '沁水 蜂蜜'], ['沁水蜂蜜', '沁⽔蜂蜜'],
    ['AB蜂蜜', 'ＡＢ蜂蜜'], ['ab蜂蜜', 'AB 蜂蜜'], ['沁水蜂蜜', '沁水蜂蜜\ufe0f'],
  ])('%s and %s share a name key', (a, b) => {
    expect(productNameKey(a)).toBe(productNameKey(b));
  });
  it('keeps different names apart', () => {
    expect(productNameKey('沁水蜂蜜')).not.toBe(productNameKey('沁水蜂密'));
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

  const period = { name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [{ giType: 'trademark', baseline: 6, target: 15 }] };
  it.each([
    [period, true],
    [{ ...period, endsOn: '2025-12-31' }, false],
    [{ ...period, endsOn: '2026-01-01' }, false],
    [{ ...period, startsOn: '2026-02-30' }, false],
    [{ ...period, targets: [{ giType: 'trademark', baseline: -1, target: 3 }] }, false],
    [{ ...period, targets: [{ giType: 'trademark', baseline: 1, target: 2.5 }] }, false],
    [{ ...period, targets: [period.targets[0], period.targets[0]] }, false],
    [{ ...period, nameEn: undefined }, false],
    [{ ...period, nameEn: ' ' }, false],
    [{ ...period, nameEn: 'x'.repeat(101) }, false],
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
    [{ status: 'approved' }], [{ county: '14050' }], [{ category: 'x' }], [{ colour: 'red' }],
  ])('refuses %j', (q) => {
    expect(ProductQuery.safeParse(q).success).toBe(false);
  });
});
