/**
 * The history's sentences: each event shape the server writes (server/domain/*.ts), told in Chinese
 * and English, with labels instead of codes and never JSON.
 */
import { describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent, type AuditNames } from '../../db/model';

const names: AuditNames = {
  counties: {
    140521: { nameZh: '沁水县', nameEn: 'Qinshui County' },
    140522: { nameZh: '阳城县', nameEn: 'Yangcheng County' },
  },
};

const subject = { name: '沁水黄小米', nameEn: null, productId: 7, giType: null, counties: ['140521' as const] };
const event = (e: Partial<AuditEvent>): AuditEvent =>
  ({ id: 1, at: '2026-03-01T02:00:00.000Z', user: 'qinshui', action: 'update', entity: 'product', entityId: 7, before: null, after: null, ...e });

/** What products-write.ts createProduct records: the product's own fields. */
const created = event({
  action: 'create', subject,
  after: {
    id: 7, nameZh: '沁水黄小米', nameEn: null, category: 'food', counties: ['140521'], description: '', quality: '粒小色黄',
    visibility: 'draft', archived: false, locations: [{ lat: 35.69, lng: 112.19, label: '端氏镇', precision: 'township' }],
    protectedArea: null, sources: [], createdAt: '2026-03-01T02:00:00.000Z', updatedAt: '2026-03-01T02:00:00.000Z',
  },
});

/** updateProduct: the patched keys before and after. */
const updated = event({
  subject,
  before: { category: 'other', counties: ['140521'], locations: [{ lat: 35.69, lng: 112.19, label: '端氏镇', precision: 'township' }], visibility: 'draft' },
  after: {
    category: 'food', counties: ['140521', '140522'], visibility: 'public',
    locations: [{ lat: 35.69, lng: 112.19, label: '端氏镇', precision: 'township' }, { lat: 35.6, lng: 112.3, label: '郑村镇', precision: 'exact' }],
  },
});

/** moveDesignation. */
const moved = event({
  action: 'transition', entity: 'designation', entityId: 3, subject: { ...subject, giType: 'trademark' },
  before: { status: 'filed', validUntil: null },
  after: { status: 'granted', on: '2024-05-01', note: '国家知识产权局公告', validUntil: '2034-04-30' },
});

/** createDesignation: the whole designation with its first transition. */
const started = event({
  action: 'create', entity: 'designation', entityId: 3, subject: { ...subject, giType: 'trademark' },
  after: {
    id: 3, productId: 7, giType: 'trademark', markKind: 'collective', status: 'cultivating', holder: '沁水县小米协会',
    holderCreditCode: null, number: null, announcement: null, filedOn: null, grantedOn: null, validUntil: null, notes: '',
    sources: [], transitions: [{ to: 'cultivating', on: '2024-01', note: '', by: 'qinshui' }],
  },
});

/** replaceParticipants: the lists before and after. */
const participants = event({
  action: 'replace_participants', subject,
  before: [
    { role: 'enterprise', name: '沁水县粮油公司', creditCode: null, households: null, areaMu: null, outputTonnes: null, valueWanYuan: null },
    { role: 'farmers', name: null, creditCode: null, households: 300, areaMu: null, outputTonnes: null, valueWanYuan: null },
  ],
  after: [
    { role: 'cooperative', name: '沁水县黄小米专业合作社', creditCode: null, households: 320, areaMu: null, outputTonnes: null, valueWanYuan: null },
    { role: 'farmers', name: null, creditCode: null, households: 350, areaMu: 1200, outputTonnes: null, valueWanYuan: null },
  ],
});

describe('describeAuditEvent in Chinese', () => {
  it('tells a creation with labels', () => {
    const text = describeAuditEvent(created, 'zh', names);
    expect(text.summary).toBe('新建产品 沁水黄小米');
    expect(text.changes).toEqual([
      '中文名称：— → 沁水黄小米', '产品类别：— → 食用农林产品及食品', '所在县：— → 沁水县', '质量特色：— → 粒小色黄',
      '公开状态：— → 草稿', '位置：— → 1 处（端氏镇）',
    ]);
  });

  it('tells an edit field by field', () => {
    expect(describeAuditEvent(updated, 'zh', names)).toEqual({
      summary: '修改产品 沁水黄小米',
      changes: [
        '产品类别：其他 → 食用农林产品及食品', '所在县：沁水县 → 沁水县、阳城县', '位置：1 处（端氏镇） → 2 处（端氏镇、郑村镇）',
        '公开状态：草稿 → 公开',
      ],
    });
  });

  it('tells a status move with its date', () => {
    expect(describeAuditEvent(moved, 'zh', names)).toEqual({
      summary: '将 沁水黄小米 的 地理标志商标 推进到 已获批',
      changes: ['状态：已申报 → 已获批（2024-05-01）', '有效期至：— → 2034-04-30', '变更说明：国家知识产权局公告'],
    });
  });

  it('tells a new designation, its date as given', () => {
    const text = describeAuditEvent(started, 'zh', names);
    expect(text.summary).toBe('为 沁水黄小米 新建 地理标志商标');
    expect(text.changes).toEqual(['地理标志类型：— → 地理标志商标', '商标种类：— → 集体商标', '状态：— → 培育中（2024年1月）', '申请人/持有人：— → 沁水县小米协会']);
    expect(describeAuditEvent(started, 'en', names).changes).toContain('Status: — → Cultivating (January 2024)');
  });

  it('tells the sources added as title and link, also after sources that were plain texts', () => {
    const sourced = event({
      subject,
      before: { sources: ['县志'] },
      after: { sources: [{ title: '县志', url: null }, { title: '公告', url: 'https://a.cn/1' }, { title: null, url: 'https://b.cn' }] },
    });
    expect(describeAuditEvent(sourced, 'zh', names).changes).toEqual(['资料来源：1 条 → 3 条（新增：公告 <https://a.cn/1>、https://b.cn）']);
    expect(describeAuditEvent(sourced, 'en', names).changes).toEqual(['Sources: 1 item → 3 items (added: 公告 <https://a.cn/1>, https://b.cn)']);
  });

  it('tells who joined, left and changed in the model', () => {
    expect(describeAuditEvent(participants, 'zh', names)).toEqual({
      summary: '更新 沁水黄小米 的产业化经营模式',
      changes: [
        '参与主体：新增 沁水县黄小米专业合作社（农民专业合作社，320 户）',
        '参与主体：修改 农户（300 户 → 350 户；— → 1,200 亩）',
        '参与主体：移除 沁水县粮油公司（龙头企业）',
      ],
    });
  });

  it('tells archiving in the summary alone', () => {
    expect(describeAuditEvent(event({ action: 'archive', subject, before: { archived: false }, after: { archived: true } }), 'zh', names))
      .toEqual({ summary: '归档产品 沁水黄小米', changes: [] });
  });

  it('tells account changes without secrets', () => {
    const user = { id: 5, username: 'yangcheng', role: 'official', county: '140522', active: true, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(describeAuditEvent(event({ entity: 'user', entityId: 5, action: 'create', after: user }), 'zh', names)).toEqual({
      summary: '新建账号 yangcheng', changes: ['用户名：— → yangcheng', '角色：— → 县级工作人员', '所属县：— → 阳城县'],
    });
    const reset = event({ entity: 'user', entityId: 5, before: user, after: { ...user, active: false, passwordChanged: true } });
    expect(describeAuditEvent(reset, 'zh', names).changes).toEqual(['账号状态：启用 → 已停用', '密码：已重设']);
  });

  it('tells a period’s targets per type', () => {
    const before = { id: 1, name: '十四五', startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [{ giType: 'trademark', baseline: 10, target: 20 }] };
    const after = { ...before, targets: [{ giType: 'trademark', baseline: 10, target: 25 }, { giType: 'agricultural_product', baseline: 2, target: 4 }] };
    expect(describeAuditEvent(event({ entity: 'period', entityId: 1, before, after }), 'zh', names)).toEqual({
      summary: '修改规划期 十四五',
      changes: ['目标（地理标志商标）：基数 10，目标 20 → 基数 10，目标 25', '目标（农产品地理标志）：— → 基数 2，目标 4'],
    });
  });

  it('tells a period by its English name in English, from its subject or else its snapshot', () => {
    const after = { id: 2, name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [] };
    const created = event({ entity: 'period', entityId: 2, action: 'create', after });
    expect(describeAuditEvent(created, 'en', names).summary).toContain('15th Five-Year Plan');
    expect(describeAuditEvent(created, 'zh', names).summary).toContain('十五五');
    expect(describeAuditEvent(created, 'en', names).changes).toContain('English name: — → 15th Five-Year Plan');
    const renamed = event({
      entity: 'period', entityId: 2, before: after, after: { ...after, nameEn: 'Fifteenth' },
      subject: { name: '十五五', nameEn: 'Fifteenth', productId: null, giType: null, counties: [] },
    });
    expect(describeAuditEvent(renamed, 'en', names).summary).toContain('Fifteenth');
    // A period stored before periods had English names: its Chinese name, in English too.
    const old = event({ entity: 'period', entityId: 3, before: { ...after, nameEn: '' }, after: { ...after, nameEn: '' } });
    expect(describeAuditEvent(old, 'en', names).summary).toContain('十五五');
  });
});

describe('describeAuditEvent in English', () => {
  it.each([
    [created, 'Created product 沁水黄小米', 'Category: — → Food and edible farm products'],
    [updated, 'Changed product 沁水黄小米', 'Counties: Qinshui County → Qinshui County, Yangcheng County'],
    [moved, 'Moved the GI trademark of 沁水黄小米 to Granted', 'Status: Filed → Granted (2024-05-01)'],
    [started, 'Started GI trademark for 沁水黄小米', 'Kind of mark: — → collective mark'],
    [participants, 'Updated the cooperative-farmer model of 沁水黄小米', 'Participants: added 沁水县黄小米专业合作社 (Farmers’ cooperative, 320 households)'],
  ])('%#: tells the event in English', (e, summary, change) => {
    const text = describeAuditEvent(e, 'en', names);
    expect(text.summary).toBe(summary);
    expect(text.changes).toContain(change);
  });

  it('uses the English name when the product has one', () => {
    const e = event({ subject: { ...subject, nameEn: 'Qinshui millet' }, before: { nameEn: null }, after: { nameEn: 'Qinshui millet' } });
    expect(describeAuditEvent(e, 'en', names)).toEqual({ summary: 'Changed product Qinshui millet', changes: ['English name: — → Qinshui millet'] });
  });
});

describe('never JSON, never a known code', () => {
  const all = [created, updated, moved, started, participants];
  it.each(['zh', 'en'] as const)('%s', (lang) => {
    for (const e of all) {
      const text = [describeAuditEvent(e, lang, names).summary, ...describeAuditEvent(e, lang, names).changes].join('\n');
      expect(text).not.toMatch(/[{}[\]"]/);
      // Chinese sentences hold no Latin words at all here; English ones no lower-case codes.
      expect(text).not.toMatch(lang === 'zh' ? /[a-z_]{3,}|\d{6}/ : /\b(food|granted|filed|cultivating|township|\w+_\w+|\d{6})\b/);
    }
  });

  it('shows an unknown field and code as they are, and a protected area in words', () => {
    const e = event({
      subject: { ...subject, name: null }, entityId: 9,
      before: { category: 'spice', protectedArea: null },
      after: { category: 'food', protectedArea: { text: '沁水县端氏镇', geometry: { type: 'Polygon', coordinates: [[[112.1, 35.6], [112.2, 35.6], [112.2, 35.7], [112.1, 35.6]]] } } },
    });
    expect(describeAuditEvent(e, 'zh', names)).toEqual({
      summary: '修改产品 #9',
      changes: ['产品类别：spice → 食用农林产品及食品', '地域保护范围：— → 沁水县端氏镇，含多边形（4 个顶点）'],
    });
  });

  it('cuts long free text', () => {
    const e = event({ subject, before: { description: '' }, after: { description: '长'.repeat(300) } });
    const [line] = describeAuditEvent(e, 'zh', names).changes;
    expect(line.length).toBeLessThan(100);
    expect(line.endsWith('…')).toBe(true);
  });
});
