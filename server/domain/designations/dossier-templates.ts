/**
 * The checklists dossiers start from (cultivation templates): one per GI type, and one for conversions
 * (a designation started as the conversion of another follows it whatever its type). Admins change them;
 * a change moves the template's version, applies to dossiers started afterwards, and is offered to
 * recorded dossiers (see dossiers.ts) rather than written into them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  CONVERSION_TEMPLATE, GI_TYPES, type DossierTemplate, type DossierTemplateInput, type DossierTemplateItem, type GiType, type TemplateKey,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit, type Tx } from '../access/audit';
import { assertAdmin } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';

/**
 * The conversions' checklist until an admin changes it (no migration stores it): what converting an
 * agricultural-product GI into a 地理标志产品 asks for under 《地理标志统一认定制度实施方案》 (2024).
 */
export const CONVERSION_CHECKLIST: readonly DossierTemplateItem[] = [
  { key: 'scope_review', titleZh: '保护范围按现行乡镇代码复核', titleEn: 'Protected area re-verified against the current township codes' },
  { key: 'specification', titleZh: '质量技术要求', titleEn: 'Specification (quality and technical requirements)' },
  { key: 'authorized_users', titleZh: '用标企业名单转入', titleEn: 'Authorised users carried over' },
  { key: 'announcement', titleZh: '转换公告', titleEn: 'The CNIPA announcement of the conversion' },
];

/** The checklist a designation's dossier follows: the conversions' when it converts another, else its type's. */
export function templateKeyOf(d: { giType: GiType; convertedFromId: number | null }): TemplateKey {
  return d.convertedFromId !== null ? CONVERSION_TEMPLATE : d.giType;
}

// dossier_templates.gi_type is a plain TEXT column in SQLite: it holds `conversion` beside the GI types,
// though the drizzle column is typed with the GI types only.
const keyColumn = (key: TemplateKey) => key as GiType;

/** A checklist (empty at version 1 when none is stored; the conversions' starts from CONVERSION_CHECKLIST). */
export function loadTemplate(db: Tx, key: TemplateKey): DossierTemplate {
  const row = db.select().from(t.dossierTemplates).where(eq(t.dossierTemplates.giType, keyColumn(key))).get();
  if (!row) return { giType: key, version: 1, items: key === CONVERSION_TEMPLATE ? [...CONVERSION_CHECKLIST] : [], updatedAt: null };
  return { giType: key, version: row.version, items: row.items, updatedAt: row.updatedAt };
}

/** The audit id of the conversions' checklist: far above any GI type's place, so a new type never takes it. */
export const CONVERSION_TEMPLATE_AUDIT_ID = 1000;

/** The audit log's id for a template: its GI type's place in GI_TYPES, from 1 (the conversions': CONVERSION_TEMPLATE_AUDIT_ID). */
export const templateAuditId = (key: TemplateKey): number =>
  key === CONVERSION_TEMPLATE ? CONVERSION_TEMPLATE_AUDIT_ID : GI_TYPES.indexOf(key) + 1;

/**
 * PUT /api/dossier-templates/:giType (admins): replaces the checklist and moves its version. The
 * template's own `version` (a number moved by every change) is what `check` (the route's If-Match) sees.
 */
export function putTemplate(db: Db, viewer: SignedIn, key: TemplateKey, input: DossierTemplateInput, check?: VersionCheck): DossierTemplate {
  assertAdmin(viewer);
  return db.transaction((tx) => {
    const before = loadTemplate(tx, key);
    check?.(String(before.version), before);
    if (JSON.stringify(before.items) === JSON.stringify(input.items)) return before;
    const version = before.version + 1;
    const updatedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
    tx.insert(t.dossierTemplates).values({ giType: keyColumn(key), version, items: input.items, updatedAt })
      .onConflictDoUpdate({ target: t.dossierTemplates.giType, set: { version, items: input.items, updatedAt } }).run();
    const after = loadTemplate(tx, key);
    recordAudit(tx, viewer, {
      action: 'update', entity: 'dossier_template', entityId: templateAuditId(key),
      before: { giType: key, templateVersion: before.version, checklist: before.items },
      after: { giType: key, templateVersion: after.version, checklist: after.items },
    });
    return after;
  });
}
