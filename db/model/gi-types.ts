/**
 * The GI types as data: per type, the rules the registry asks of it (the kinds of mark it is
 * registered as and the bases of authorisation they admit, how long a grant runs, whether it still
 * takes new registrations), its names, and how pages tell it apart (colour, shape, line). A new type
 * is its code in GI_TYPES (vocabulary-lists.ts; the order there is the order of every table and legend)
 * and its row here: nothing else compares a giType with a literal code (test/db/gi-types.test.ts).
 */
import type { AuthorizationBasis } from './marks';
import { precisionOf, termEnd } from './partial-date';
import type { GiType, MarkKind, Status } from './vocabulary';
import { canMove, GI_TYPES } from './vocabulary-lists';

/** A shape that tells the types apart where colour cannot (map markers, chart points). */
export type GiShape = 'circle' | 'square' | 'triangle';

/** What one GI type is. */
export interface GiTypeRules {
  /** Its name (LABELS.giType is this): 地理标志商标 / GI trademark. */
  readonly label: { readonly zh: string; readonly en: string };
  /** What it is, in a sentence (the public guide, /guide, says it). */
  readonly about: { readonly zh: string; readonly en: string };
  /** The law or rules it is granted under. */
  readonly law: { readonly zh: string; readonly en: string };
  /** Who grants it (registers, approves). */
  readonly grantedBy: { readonly zh: string; readonly en: string };
  /** The word before its count in a one-line summary: 商标 3 / trademarks 3. */
  readonly countLabel: { readonly zh: string; readonly en: string };
  /**
   * The kinds of mark it is registered as (a designation of it must name one), each with the basis
   * of authorisation only that kind admits; empty when it has no kind of mark (and takes none).
   */
  readonly markKinds: Readonly<Partial<Record<MarkKind, AuthorizationBasis>>>;
  /** The bases of authorisation it admits whatever its kind of mark, the usual one first. */
  readonly bases: readonly AuthorizationBasis[];
  /** Years a grant runs from its day before it must be renewed; null when a grant does not lapse by time. */
  readonly termYears: number | null;
  /** The year since which it takes no new registrations; null while it takes them. */
  readonly closedSince: number | null;
  /**
   * The number a genuine label of it shows beside the official mark (《地理标志专用标志使用管理办法（试行）》,
   * 使用要求): a protected product's announcement (批准公告号, or its standard's code), a trademark's
   * registration number (商标注册号), an agricultural-product GI's certificate number (登记证书编号).
   */
  readonly labelReference: 'announcement' | 'number';
  /**
   * The type a granted one of it may be converted into (its own history then ends `converted` on the
   * day, and the new type's designation links back to it); null when it does not convert.
   */
  readonly convertsTo: GiType | null;
  /** Its colour on maps, charts and cards (the client puts it in the CSS custom property `--gi-<code>`). */
  readonly colour: string;
  /** Its shape on map markers and chart points. */
  readonly shape: GiShape;
  /** Its line's dash pattern in charts (SVG `stroke-dasharray`; '' is solid). */
  readonly dash: string;
}

/** Every GI type's rules, by code. */
export const GI_TYPE_RULES: Readonly<Record<GiType, GiTypeRules>> = {
  trademark: {
    label: { zh: '地理标志商标', en: 'GI trademark' },
    // 商标法 art. 16: a sign showing where goods come from, their quality, reputation or other traits owed to that place.
    about: {
      zh: '以地理标志注册的集体商标或证明商标：标示商品来源于某地区，其特定质量、信誉或其他特征主要由该地区的自然因素或人文因素决定。',
      en: 'A collective or certification mark registered for a geographical indication: it shows that goods come from a place whose natural or human factors chiefly determine their quality, reputation or other traits.',
    },
    law: { zh: '《中华人民共和国商标法》；《集体商标、证明商标注册和管理规定》', en: 'Trademark Law of the PRC; Provisions on the Registration and Administration of Collective and Certification Marks' },
    grantedBy: { zh: '国家知识产权局（商标局）核准注册', en: 'Registered by CNIPA (its Trademark Office)' },
    countLabel: { zh: '商标', en: 'trademarks' },
    // CNIPA registers a GI as a collective mark (its members use it) or a certification mark (licensed users).
    markKinds: { collective: 'collective_member', certification: 'licensee' },
    bases: ['approved_producer', 'other_registered'],
    // 商标法 art. 39-40: ten years from registration, renewable.
    termYears: 10,
    closedSince: null,
    labelReference: 'number',
    convertsTo: null,
    colour: '#b3261e', shape: 'circle', dash: '',
  },
  protected_product: {
    label: { zh: '地理标志保护产品', en: 'GI protected product' },
    about: {
      zh: '产自特定地域、其质量、声誉或其他特性本质上取决于该产地的自然因素和人文因素、经审核批准以地理名称命名的产品；2024 年起统一称为“地理标志产品”。',
      en: 'A product from a given area whose quality, reputation or other traits essentially come from that place’s natural and human factors, approved to bear the place’s name; since 2024 called a “GI product” (地理标志产品).',
    },
    // 国家知识产权局令第80号, in force 2024-02-01, replacing the 2005 规定.
    law: { zh: '《地理标志产品保护办法》（2024 年起施行；此前为《地理标志产品保护规定》）', en: 'Measures for the Protection of GI Products (in force since 2024; before, the Provisions on the Protection of GI Products)' },
    grantedBy: { zh: '国家知识产权局审查认定并发布公告', en: 'Examined and announced by CNIPA' },
    countLabel: { zh: '保护产品', en: 'protected products' },
    markKinds: {},
    bases: ['approved_producer', 'other_registered'],
    termYears: null,
    closedSince: null,
    labelReference: 'announcement',
    convertsTo: null,
    colour: '#0b6e4f', shape: 'square', dash: '7 4',
  },
  agricultural_product: {
    label: { zh: '农产品地理标志', en: 'Agricultural-product GI' },
    about: {
      zh: '标示农产品来源于特定地域、产品品质和相关特征主要取决于自然生态环境和历史人文因素、并以地域名称冠名的特有农产品标志。',
      en: 'A sign for a farm product from a given area, named after it, whose quality and traits chiefly come from its natural environment and its history and culture.',
    },
    law: { zh: '《农产品地理标志管理办法》（原农业部，2007）', en: 'Measures for the Administration of Agricultural-Product GIs (Ministry of Agriculture, 2007)' },
    grantedBy: { zh: '农业农村部（原农业部）登记', en: 'Registered by the Ministry of Agriculture and Rural Affairs' },
    countLabel: { zh: '农产品', en: 'agricultural' },
    markKinds: {},
    bases: ['approved_producer', 'other_registered'],
    termYears: null,
    // The Ministry of Agriculture stopped accepting them in 2022; those registered stay valid (now under CNIPA).
    closedSince: 2022,
    labelReference: 'number',
    // 《地理标志统一认定制度实施方案》 (2024): CNIPA converts registered ones into 地理标志产品 (公告第640号, 第646号…).
    convertsTo: 'protected_product',
    colour: '#8a5a00', shape: 'triangle', dash: '2 3',
  },
};

/** A record over every GI type, in GI_TYPES order, each value made from the type's code and rules. */
export function perGiType<T>(valueOf: (giType: GiType, rules: GiTypeRules) => T): Record<GiType, T> {
  return Object.fromEntries(GI_TYPES.map((g) => [g, valueOf(g, GI_TYPE_RULES[g])])) as Record<GiType, T>;
}

/** The kinds of mark a GI type is registered as (empty when it has none). */
export function markKindsOf(giType: GiType): MarkKind[] {
  return Object.keys(GI_TYPE_RULES[giType].markKinds) as MarkKind[];
}

/** Whether a designation of this type needs a kind of mark. */
export function hasMarkKind(giType: GiType): boolean {
  return markKindsOf(giType).length > 0;
}

/** Whether a kind of mark (or none) fits a GI type: one of its kinds when it has kinds, none when it has not. */
export function markKindFits(giType: GiType, markKind: MarkKind | null | undefined): boolean {
  return markKind == null ? !hasMarkKind(giType) : markKindsOf(giType).includes(markKind);
}

/** The bases of authorisation a designation's mark admits (the type's own, plus the one its kind of mark admits). */
export function basesOf(giType: GiType, markKind: MarkKind | null): AuthorizationBasis[] {
  const rules = GI_TYPE_RULES[giType];
  const ofKind = markKind === null ? undefined : rules.markKinds[markKind];
  return ofKind === undefined ? [...rules.bases] : [ofKind, ...rules.bases];
}

/** The usual basis of a designation's users: the one its kind of mark admits, else its type's first. */
export function usualBasisOf(giType: GiType, markKind: MarkKind | null): AuthorizationBasis {
  return basesOf(giType, markKind)[0];
}

/** Whether a grant of this type runs for a fixed term (and so has a `validUntil` and needs renewing). */
export function hasTerm(giType: GiType): boolean {
  return GI_TYPE_RULES[giType].termYears !== null;
}

/**
 * The last day of the term a grant on `grantedOn` starts (`validUntil`), or null when the type has no
 * fixed term or the grant is not known to the day (a term can be worked out only from its first day).
 */
export function termEndOfGrant(giType: GiType, grantedOn: string): string | null {
  const years = GI_TYPE_RULES[giType].termYears;
  return years !== null && precisionOf(grantedOn) === 'day' ? termEnd(grantedOn, years) : null;
}

/** Whether a GI type no longer takes new registrations (the pages say so where one would be started). */
export function isClosed(giType: GiType): boolean {
  return GI_TYPE_RULES[giType].closedSince !== null;
}

/** The type a granted designation of this type converts into, or null when it does not convert. */
export function conversionTargetOf(giType: GiType): GiType | null {
  return GI_TYPE_RULES[giType].convertsTo;
}

/** The types that convert into `giType` (empty when none does): a designation of it may come from one of them. */
export function conversionSourcesOf(giType: GiType): GiType[] {
  return GI_TYPES.filter((g) => GI_TYPE_RULES[g].convertsTo === giType);
}

/** Whether a designation of `giType` may move from `from` to `to`: the table's rule, and `converted` only for a type that converts. */
export function canMoveAs(giType: GiType, from: Status, to: Status): boolean {
  return canMove(from, to) && (to !== 'converted' || conversionTargetOf(giType) !== null);
}
