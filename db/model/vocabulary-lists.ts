/**
 * The domain's enums as plain lists, with the rules that read them (the allowed status moves, the status
 * groups): no zod, so the browser's first page (the map) has them without it. vocabulary.ts makes each
 * list a zod enum and its type, and re-exports these.
 */

/**
 * The kinds of GI protection in China, in the order of every table, legend and chart. Each has its row
 * in gi-types.ts (what it is and how it is shown); a new one goes last, since a dossier template's audit
 * id is its type's place here.
 */
export const GI_TYPES = ['trademark', 'protected_product', 'agricultural_product'] as const;

/** Trademark kind: 集体商标 or 证明商标. */
export const MARK_KINDS = ['collective', 'certification'] as const;

/**
 * Every status a designation can be in. `converted`: an agricultural-product GI that became a 地理标志产品
 * (统一认定, 2024–); only a type whose rule converts reaches it, and only by recording the conversion.
 */
export const STATUSES = [
  'cultivating', 'filed', 'published', 'granted', 'rejected', 'withdrawn', 'revoked', 'expired', 'converted',
] as const;
type Status = (typeof STATUSES)[number];

/** The allowed status moves, the one statement of the rule: from → the statuses it may move to (none from a final status). */
export const ALLOWED_MOVES: Readonly<Record<Status, readonly Status[]>> = {
  cultivating: ['filed', 'withdrawn'],
  filed: ['published', 'granted', 'rejected', 'withdrawn'],
  published: ['granted', 'rejected', 'withdrawn'],
  // `converted` only for a type that converts (GI_TYPE_RULES.convertsTo), and only by recording the conversion.
  granted: ['revoked', 'expired', 'converted'],
  rejected: ['cultivating'],
  withdrawn: ['cultivating'],
  revoked: [],
  expired: [],
  converted: [],
};

/** Whether the table allows a move from one status to another. */
export function canMove(from: Status, to: Status): boolean {
  return ALLOWED_MOVES[from].includes(to);
}

/** Status groups offered as filters: in force, in progress (filed or published), cultivating. */
export const STATUS_GROUPS = {
  in_force: ['granted'],
  in_progress: ['filed', 'published'],
} as const satisfies Record<string, readonly Status[]>;
/** The status filters: one status, or a group of them. */
export const STATUS_FILTERS = [...STATUSES, 'in_force', 'in_progress'] as const;

/** Expands a status filter to the statuses it matches. */
export function statusesOf(filter: (typeof STATUS_FILTERS)[number]): readonly Status[] {
  return filter === 'in_force' || filter === 'in_progress' ? STATUS_GROUPS[filter] : [filter];
}

/** Top level of 《地理标志认定 产品分类与代码》 (2023). */
export const CATEGORIES = ['food', 'non_food', 'medicinal', 'handicraft', 'other'] as const;

/**
 * Account roles: a city admin (content and settings), an official of one county (their county's content),
 * a security admin (安全管理员: accounts only) and an auditor (审计管理员: reads the history and the security
 * events). The last two have no county and never write content (三员分立, GB/T 22239-2019 level 2).
 */
export const ROLES = ['admin', 'official', 'security_admin', 'auditor'] as const;
/** The roles that read and write registry content (the others manage accounts or read logs only). */
export const CONTENT_ROLES = ['admin', 'official'] as const satisfies readonly (typeof ROLES)[number][];

/**
 * The shape of a county code (GB/T 2260, six digits), always a string. Which codes are counties is data
 * (the `counties` table, loaded from the boundary file); the server checks a code against it at every edge.
 */
export const COUNTY_CODE_PATTERN = /^\d{6}$/;

/**
 * How exactly a location is known: the spot itself, or only its village, township or county (the point is
 * then placed somewhere in that unit and says no more). Always chosen, never assumed.
 */
export const PRECISIONS = ['exact', 'village', 'township', 'county'] as const;

/** Who can see a product: officials only, or everyone. */
export const VISIBILITIES = ['draft', 'public'] as const;

/** Roles in the 企业（协会）+ 地理标志 + 合作社 + 农户 chain. */
export const PARTICIPANT_ROLES = ['enterprise', 'association', 'cooperative', 'farmers'] as const;

/** What the audit log records changes of. */
export const AUDIT_ENTITIES = ['product', 'designation', 'period', 'user', 'dossier_template', 'report_settings', 'readiness_settings'] as const;
