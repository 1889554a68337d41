/**
 * The names people use for the coded values, in Chinese and English: what the pages show, what the
 * history's sentences say, and what a spreadsheet cell may hold instead of the code.
 */
import type { DossierItemStatus } from './dossiers';
import type { AuthorizationBasis, AuthorizationStatus } from './marks';
import type { DocumentKind, DocumentVisibility } from './documents';
import { perGiType } from './gi-types';
import type { Category, GiType, MarkKind, ParticipantRole, Precision, Status, Visibility } from './vocabulary';

/** A label in both languages. */
export interface Label { zh: string; en: string }

/** The labels of each coded vocabulary, by code. */
export const LABELS = {
  // A GI type's name is a row of its table (gi-types.ts), with its other rules.
  giType: perGiType((_, rules) => rules.label) satisfies Record<GiType, Label>,
  markKind: {
    collective: { zh: '集体商标', en: 'collective mark' },
    certification: { zh: '证明商标', en: 'certification mark' },
  } satisfies Record<MarkKind, Label>,
  status: {
    cultivating: { zh: '培育中', en: 'Cultivating' },
    filed: { zh: '已申报', en: 'Filed' },
    published: { zh: '已公示', en: 'Published' },
    granted: { zh: '已获批', en: 'Granted' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    revoked: { zh: '已撤销', en: 'Revoked' },
    expired: { zh: '已失效', en: 'Expired' },
    converted: { zh: '已转换', en: 'Converted' },
  } satisfies Record<Status, Label>,
  category: {
    food: { zh: '食用农林产品及食品', en: 'Food and edible farm products' },
    non_food: { zh: '非食用农林产品', en: 'Non-food farm products' },
    medicinal: { zh: '中药材', en: 'Medicinal materials' },
    handicraft: { zh: '手工艺品', en: 'Handicrafts' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<Category, Label>,
  precision: {
    exact: { zh: '精确位置', en: 'exact spot' },
    village: { zh: '村级', en: 'village' },
    township: { zh: '乡镇级', en: 'township' },
    county: { zh: '县级', en: 'county' },
  } satisfies Record<Precision, Label>,
  role: {
    enterprise: { zh: '龙头企业', en: 'Leading enterprise' },
    association: { zh: '协会', en: 'Association' },
    cooperative: { zh: '农民专业合作社', en: 'Farmers’ cooperative' },
    farmers: { zh: '农户', en: 'Farm households' },
  } satisfies Record<ParticipantRole, Label>,
  visibility: {
    draft: { zh: '草稿', en: 'Draft' },
    public: { zh: '公开', en: 'Public' },
  } satisfies Record<Visibility, Label>,
  documentKind: {
    specification: { zh: '质量技术要求/管理规则', en: 'Specification / rules of use' },
    certificate: { zh: '证书', en: 'Certificate' },
    announcement: { zh: '公告', en: 'Announcement' },
    area_decision: { zh: '地域范围文件', en: 'Area decision' },
    test_report: { zh: '检测报告', en: 'Test report' },
    history: { zh: '历史渊源', en: 'Historical evidence' },
    photo: { zh: '照片', en: 'Photo' },
    label: { zh: '正品标签照片', en: 'Photo of a genuine label' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<DocumentKind, Label>,
  documentVisibility: {
    public: { zh: '公开', en: 'Public' },
    internal: { zh: '内部（仅工作人员）', en: 'Internal (officials only)' },
  } satisfies Record<DocumentVisibility, Label>,
  dossierStatus: {
    missing: { zh: '缺', en: 'Missing' },
    in_progress: { zh: '准备中', en: 'In progress' },
    ready: { zh: '已齐备', en: 'Ready' },
    not_needed: { zh: '不需要', en: 'Not needed' },
  } satisfies Record<DossierItemStatus, Label>,
  basis: {
    approved_producer: { zh: '核准使用的生产者', en: 'Approved producer' },
    collective_member: { zh: '集体商标成员', en: 'Member of the collective mark' },
    licensee: { zh: '证明商标被许可人', en: 'Licensee of the certification mark' },
    other_registered: { zh: '登记备案的其他使用人', en: 'Other registered user' },
  } satisfies Record<AuthorizationBasis, Label>,
  authorizationStatus: {
    active: { zh: '有效', en: 'Active' },
    suspended: { zh: '暂停使用', en: 'Suspended' },
    revoked: { zh: '已撤销', en: 'Revoked' },
  } satisfies Record<AuthorizationStatus, Label>,
} as const;

/** The name of a vocabulary in LABELS. */
export type Vocabulary = keyof typeof LABELS;
