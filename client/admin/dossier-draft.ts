/**
 * One dossier item's form state in the workspace: the draft as typed, the body PUT sends (checked
 * with DossierItemInput), whether it differs from what is saved, the documents it may link, and the
 * template change on offer told in words.
 */
import {
  DossierItemInput, type Document, type DossierItem, type DossierItemStatus, type TemplateOffer,
} from '../../db/model';
import { itemTitle } from '../lib/dossier-text';
import { t } from '../i18n';
import { fieldErrors } from './field-errors';
import { joinList } from './labels';
import type { DraftCheck } from './product-draft';

/** An item's form as typed (empty strings for no owner or no due date). */
export interface ItemDraft {
  status: DossierItemStatus;
  owner: string;
  dueOn: string;
  note: string;
  documentIds: number[];
}

/** The form of a saved item. */
export function draftOf(item: Pick<DossierItem, 'status' | 'owner' | 'dueOn' | 'note' | 'documentIds'>): ItemDraft {
  return { status: item.status, owner: item.owner ?? '', dueOn: item.dueOn ?? '', note: item.note, documentIds: [...item.documentIds] };
}

/** The body PUT sends: empty owner and date as null, text trimmed, documents in id order. */
export function itemBody(d: ItemDraft): Record<string, unknown> {
  const owner = d.owner.trim();
  return {
    status: d.status, owner: owner === '' ? null : owner, dueOn: d.dueOn === '' ? null : d.dueOn, note: d.note.trim(),
    documentIds: [...d.documentIds].sort((a, b) => a - b),
  };
}

/** Checks an item's form with the shared schema. */
export function checkItem(d: ItemDraft): DraftCheck<DossierItemInput> {
  const result = DossierItemInput.safeParse(itemBody(d));
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}

/** Whether the form says something other than the saved item. */
export function isDirty(d: ItemDraft, saved: Parameters<typeof draftOf>[0]): boolean {
  return JSON.stringify(itemBody(d)) !== JSON.stringify(itemBody(draftOf(saved)));
}

/** Ticks or unticks a document in the form. */
export function toggleDocument(d: ItemDraft, id: number, on: boolean): ItemDraft {
  const rest = d.documentIds.filter((x) => x !== id);
  return { ...d, documentIds: on ? [...rest, id] : rest };
}

/** The documents an item of this designation may link: the product's own and this designation's (as the server allows). */
export function documentsFor(documents: readonly Document[], designationId: number): Document[] {
  return documents.filter((doc) => doc.designationId === null || doc.designationId === designationId);
}

/** A template change in words, e.g. “清单已更新：新增 产品实物照片；移除 历史渊源材料”. */
export function offerText(offer: TemplateOffer): string {
  const names = (items: TemplateOffer['add']) => joinList(items.map((i) => `“${itemTitle(i)}”`));
  const parts = [
    offer.add.length ? t('dossier.offerAdd', { items: names(offer.add) }) : '',
    offer.remove.length ? t('dossier.offerRemove', { items: names(offer.remove) }) : '',
    offer.retitle.length ? t('dossier.offerRetitle', { items: names(offer.retitle) }) : '',
  ].filter(Boolean);
  return t('dossier.offer', { changes: parts.length ? joinList(parts, true) : t('dossier.offerOrder') });
}
