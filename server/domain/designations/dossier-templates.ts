/**
 * The checklists each GI type's dossier starts from (cultivation templates). Admins change them; a
 * change moves the template's version, applies to dossiers started afterwards, and is offered to
 * recorded dossiers (see dossiers.ts) rather than written into them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES, type DossierTemplate, type DossierTemplateInput, type GiType } from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit, type Tx } from '../access/audit';
import { assertAdmin } from '../access/permissions';
import type { SignedIn } from '../access/viewer';

/** A GI type's template (an empty checklist at version 1 when none is stored). */
export function loadTemplate(db: Tx, giType: GiType): DossierTemplate {
  const row = db.select().from(t.dossierTemplates).where(eq(t.dossierTemplates.giType, giType)).get();
  if (!row) return { giType, version: 1, items: [], updatedAt: null };
  return { giType, version: row.version, items: row.items, updatedAt: row.updatedAt };
}

/** The audit log's id for a template: its GI type's place in GI_TYPES, from 1. */
export const templateAuditId = (giType: GiType): number => GI_TYPES.indexOf(giType) + 1;

/** PUT /api/dossier-templates/:giType (admins): replaces the checklist and moves its version. */
export function putTemplate(db: Db, viewer: SignedIn, giType: GiType, input: DossierTemplateInput): DossierTemplate {
  assertAdmin(viewer);
  return db.transaction((tx) => {
    const before = loadTemplate(tx, giType);
    if (JSON.stringify(before.items) === JSON.stringify(input.items)) return before;
    const version = before.version + 1;
    const updatedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
    tx.insert(t.dossierTemplates).values({ giType, version, items: input.items, updatedAt })
      .onConflictDoUpdate({ target: t.dossierTemplates.giType, set: { version, items: input.items, updatedAt } }).run();
    const after = loadTemplate(tx, giType);
    recordAudit(tx, viewer, {
      action: 'update', entity: 'dossier_template', entityId: templateAuditId(giType),
      before: { giType, templateVersion: before.version, checklist: before.items },
      after: { giType, templateVersion: after.version, checklist: after.items },
    });
    return after;
  });
}
