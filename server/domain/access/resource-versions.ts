/**
 * What each editable resource's version covers (server/versions.ts): exactly the state its write
 * replaces, so a write to one part never makes another part's version stale. Stamps (`updatedAt`) are
 * left out everywhere (a product's is touched by every write to its parts), and so is what is derived
 * (a specification's `current` flag, an item's `overdue`, a designation's conversion links and dates).
 * The versions go only into answers for those who may change the resource (`forEditor…`); the public's
 * answers carry none.
 */
import {
  ABSENT_VERSION, type AuthorizedUser, type Designation, type DesignationScope, type Document, type DossierItem, type DossierTemplateItem,
  type Participant, type Period, type Product, type ProductFigure, type Specification, type UsageReturn,
} from '../../../db/model';
import { versionOf } from '../../versions';

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/** A product's own fields: what PATCH /api/products/:id replaces, and what archiving and restoring change. */
const PRODUCT_OWN = [
  'nameZh', 'nameEn', 'category', 'counties', 'description', 'quality', 'visibility', 'archived', 'locations', 'protectedArea', 'sources',
] as const satisfies readonly (keyof Product)[];

/** The version of a product's own fields (not its parts: participants, figures, designations, documents). */
export const productVersion = (p: Pick<Product, (typeof PRODUCT_OWN)[number]>): string => versionOf(pick(p, PRODUCT_OWN));

/** The version of a product's participants (PUT …/participants replaces them all). */
export const participantsVersion = (list: readonly Participant[]): string => versionOf(list);

/** The version of a product's figures (PUT …/figures replaces them all). */
export const figuresVersion = (list: readonly ProductFigure[]): string => versionOf(list);

/** A designation's own state: its details, status and history (PATCH, a move and a conversion change them). */
const DESIGNATION_OWN = [
  'giType', 'markKind', 'status', 'holder', 'holderCreditCode', 'number', 'announcement', 'validUntil', 'notes', 'sources',
  'managingBody', 'managingContact', 'testingBody',
] as const satisfies readonly (keyof Designation)[];

/** The version of a designation (not its specification's versions, protected area or authorised users). */
export const designationVersion = (d: Designation): string =>
  versionOf({ ...pick(d, DESIGNATION_OWN), transitions: d.transitions.map(({ to, on, note }) => ({ to, on, note })) });

/** The version of one specification record (PATCH and DELETE /api/specifications/:id); its `current` flag is derived. */
export const specificationEtag = (s: Specification): string =>
  versionOf(pick(s, ['number', 'title', 'version', 'issuedOn', 'url', 'documentId', 'note']));

/** The version of a document's details (PATCH and DELETE /api/documents/:id; the file itself never changes). */
export const documentVersion = (d: Document): string => versionOf(pick(d, ['kind', 'title', 'on', 'source', 'visibility', 'designationId']));

/** The version of an authorised user: the whole record, its decisions included (PATCH replaces any of it). */
export const authorizedUserVersion = (u: AuthorizedUser): string => {
  const { version: _v, ...state } = u;
  return versionOf(state);
};

/** A dossier item's state as PUT sets it (titles follow the checklist, apart). */
type ItemState = Pick<DossierItem, 'status' | 'owner' | 'dueOn' | 'note' | 'documentIds'>;

/** The version of a dossier item: `absent` while it is as the checklist starts it (never filled in). */
export function dossierItemVersion(i: ItemState): string {
  const untouched = i.status === 'missing' && i.owner === null && i.dueOn === null && i.note === '' && i.documentIds.length === 0;
  return untouched ? ABSENT_VERSION : versionOf(pick(i, ['status', 'owner', 'dueOn', 'note', 'documentIds']));
}

/** The version of a dossier's checklist (which items, their titles, the template version): what taking a template's changes replaces. */
export const checklistVersion = (templateVersion: number, items: readonly DossierTemplateItem[]): string =>
  versionOf({ templateVersion, items: items.map(({ key, titleZh, titleEn }) => ({ key, titleZh, titleEn })) });

/** The version of a designation's protected area (PUT and DELETE …/scope), `absent` when none is kept. */
export function scopeVersion(s: DesignationScope | null): string {
  if (!s) return ABSENT_VERSION;
  return versionOf({ ...pick(s, ['text', 'source', 'announcedOn', 'box']), units: s.units.map((u) => [u.code, u.level, u.whole]) });
}

/** The version of a plan period: its names, dates and targets (PUT /api/periods/:id replaces them). */
export const periodVersion = (p: Period): string => versionOf(pick(p, ['name', 'nameEn', 'startsOn', 'endsOn', 'targets']));

/** The version of a one-row settings object (report settings, readiness thresholds): all of it. */
export const settingsVersion = <S extends object>(s: S): string => versionOf(s);

/** The version of a usage return: what it declares and where it stands (a county's PUT and a review change them); `absent` for none. */
export function usageReturnVersion(r: UsageReturn | null): string {
  if (!r) return ABSENT_VERSION;
  return versionOf(pick(r, ['markedTonnes', 'outputTonnes', 'marksPrinted', 'channels', 'note', 'status', 'via', 'reviewNote']));
}

// ---------------------------------------------------------------- answers with their versions

/** A specification with its version. */
export const versionedSpecification = (s: Specification): Specification => ({ ...s, etag: specificationEtag(s) });

/** A designation with its version and its specification records' (a product answer's also its scope's). */
export function versionedDesignation<D extends Designation & { scope?: DesignationScope | null }>(d: D): D {
  return {
    ...d, version: designationVersion(d), specifications: d.specifications.map(versionedSpecification),
    ...(d.scope ? { scope: { ...d.scope, version: scopeVersion(d.scope) } } : {}),
  };
}

/** A scope with its version (null stays null: its version is `absent`). */
export const versionedScope = (s: DesignationScope | null): DesignationScope | null => (s ? { ...s, version: scopeVersion(s) } : null);

/** A document with its version. */
export const versionedDocument = (d: Document): Document => ({ ...d, version: documentVersion(d) });

/** An authorised user with its version. */
export const versionedAuthorizedUser = (u: AuthorizedUser): AuthorizedUser => ({ ...u, version: authorizedUserVersion(u) });

/** A usage return with its version. */
export const versionedUsageReturn = (r: UsageReturn): UsageReturn => ({ ...r, version: usageReturnVersion(r) });

/** A period with its version. */
export const versionedPeriod = (p: Period): Period => ({ ...p, version: periodVersion(p) });

/** A product as one who may change it reads it: every editable part with its version. */
export function forEditor(p: Product): Product {
  return {
    ...p,
    version: productVersion(p), participantsVersion: participantsVersion(p.participants), figuresVersion: figuresVersion(p.figures),
    designations: p.designations.map(versionedDesignation),
    documents: p.documents.map(versionedDocument),
    authorizedUsers: p.authorizedUsers.map(versionedAuthorizedUser),
  };
}

/** What a 412 on a product's participants shows: the list as it is now and its version. */
export const currentParticipants = (list: Participant[]) => ({ participants: list, version: participantsVersion(list) });

/** What a 412 on a product's figures shows: the series as it is now and its version. */
export const currentFigures = (list: ProductFigure[]) => ({ figures: list, version: figuresVersion(list) });
