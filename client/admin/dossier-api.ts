/**
 * The workspace's calls for cultivation dossiers: a designation's dossier, an item's change, taking
 * a template change, the cultivation board, and the checklists (templates) of each GI type.
 */
import type {
  Cultivation, Dossier, DossierItemInput, DossierTemplate, DossierTemplateInput, TemplateKey,
} from '../../db/model';
import { apiGet, apiSend, toQuery } from '../lib/api';
import { appHref } from '../lib/base-path';

/** Dossier and board calls of the workspace. */
export const dossierApi = {
  /** The dossier as the viewer may see it (everything for the county's officials and admins). */
  dossier: (designationId: number, signal?: AbortSignal) => apiGet<Dossier>(`/api/designations/${designationId}/dossier`, signal),
  /** Sets one item's whole state (`version`: the item's as shown, `absent` for one never filled in); answers the whole dossier. */
  putItem: (designationId: number, key: string, body: DossierItemInput, version: string | undefined) =>
    apiSend<Dossier>('PUT', `/api/designations/${designationId}/dossier/${encodeURIComponent(key)}`, body, version),
  /**
   * Takes the template change on offer (409 `stale_template` when the template moved on meanwhile);
   * `checklistVersion` is the dossier's as shown (412 when its checklist changed meanwhile).
   */
  acceptTemplate: (designationId: number, version: number, checklistVersion: string | undefined) =>
    apiSend<Dossier>('POST', `/api/designations/${designationId}/dossier-template`, { version }, checklistVersion),
  /** The board's rows for these filters. */
  board: (query: Record<string, string>, signal?: AbortSignal) => apiGet<Cultivation>(`/api/cultivation${toQuery(query)}`, signal),
  /** Where the board's spreadsheet is, for these filters and the page's language. */
  boardXlsxUrl: (query: Record<string, string>, lang: 'zh' | 'en') => appHref(`/api/cultivation.xlsx${toQuery({ ...query, lang })}`),
  template: (key: TemplateKey, signal?: AbortSignal) => apiGet<DossierTemplate>(`/api/dossier-templates/${key}`, signal),
  /** Replaces a checklist (admins; `version`: its version as shown); answers it with its new version. */
  putTemplate: (key: TemplateKey, body: DossierTemplateInput, version: number | undefined) =>
    apiSend<DossierTemplate>('PUT', `/api/dossier-templates/${key}`, body, version === undefined ? undefined : String(version)),
};
