/**
 * The enums of the domain (GI types, statuses, categories, roles, counties…) as zod enums and their
 * types; their lists and the rules that read them are vocabulary-lists.ts's (zod-free), re-exported here.
 */
import { z } from 'zod';
import {
  AUDIT_ENTITIES, CATEGORIES, COUNTY_CODE_PATTERN, GI_TYPES, MARK_KINDS, PARTICIPANT_ROLES, PRECISIONS, ROLES, STATUS_FILTERS, STATUSES,
  VISIBILITIES, CONTENT_ROLES,
} from './vocabulary-lists';

export * from './vocabulary-lists';

/** A GI type: 地理标志商标, 地理标志保护产品, 农产品地理标志. */
export const GiType = z.enum(GI_TYPES);
export type GiType = z.infer<typeof GiType>;

/** A trademark's kind. */
export const MarkKind = z.enum(MARK_KINDS);
export type MarkKind = z.infer<typeof MarkKind>;

/** A designation's status. */
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** A status filter: one status, or a group of them (STATUS_GROUPS). */
export const StatusFilter = z.enum(STATUS_FILTERS);
export type StatusFilter = z.infer<typeof StatusFilter>;

/** A product category. */
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** An account role. */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** A role that works on registry content. */
export type ContentRole = (typeof CONTENT_ROLES)[number];

/** A county code (COUNTY_CODE_PATTERN: six digits), always a string. */
export const CountyCode = z.string().regex(COUNTY_CODE_PATTERN, '区县代码须为 6 位数字 / a county code is six digits');
export type CountyCode = z.infer<typeof CountyCode>;

/** A location's precision. */
export const Precision = z.enum(PRECISIONS);
export type Precision = z.infer<typeof Precision>;

/** A product's visibility. */
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** A participant's role. */
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** An audited entity. */
export const AuditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntity>;
