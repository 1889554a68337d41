/**
 * The operations of cultivation (tag `cultivation`): dossiers, the board, the to-do list, the checklists.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, MEDIA, WRITE, read, ok200, file, type Operation } from '../operation';

/** Every operation of cultivation. */
export const CULTIVATION_OPERATIONS: Operation[] = [
  { operationId: 'getDossier', ...read('/api/designations/{id}/dossier'), tag: 'cultivation', optionalSession: true,
    summary: 'A designation\u2019s cultivation dossier',
    description: 'The public sees each item\u2019s title and status and the public documents behind it; officials of the product\u2019s county and admins also see owners, due dates, notes, overdue marks and template changes on offer.',
    ok: ok200(m.Dossier), errors: [400, 404] },
  { operationId: 'putDossierItem', ifMatch: IF_MATCH.dossierItem, method: 'put', path: '/api/designations/{id}/dossier/{key}', tag: 'cultivation', who: 'official',
    pathParams: { key: m.DossierItemKey }, summary: 'Set one dossier item', description: 'The item\u2019s whole state: status, owner, due date, note and the documents (of the product or this designation) that back it. Audited.',
    body: m.DossierItemInput, ok: ok200(m.Dossier, 'The dossier after the change'), errors: [...WRITE, 401, 404, 409],
    why: { 404: 'No such designation, or its dossier has no item with this key.', 409: 'The dossier is closed (the designation is granted, rejected, withdrawn, …: `dossier_closed`) or the product is archived (`archived`).' } },
  { operationId: 'acceptDossierTemplate', ifMatch: IF_MATCH.checklist, method: 'post', path: '/api/designations/{id}/dossier-template', tag: 'cultivation', who: 'official',
    summary: 'Take the checklist\u2019s current version', description: 'Applies the template change on offer (`templateOffer`): new items start missing, dropped items go, work on the others is kept.',
    body: m.TemplateAcceptInput, ok: ok200(m.Dossier), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The checklist moved on since the offer (`stale_template`), or the dossier is closed (`dossier_closed`).' } },
  { operationId: 'getCultivationBoard', method: 'get', path: '/api/cultivation', tag: 'cultivation', who: 'official',
    summary: 'Every open candidate with its readiness (the cultivation board)', description: 'An official sees their county\u2019s candidates, an admin every county\u2019s. Least ready first.',
    query: m.CultivationQuery, ok: ok200(m.Cultivation), errors: [400, 401] },
  { operationId: 'exportCultivationXlsx', method: 'get', path: '/api/cultivation.xlsx', tag: 'cultivation', who: 'official',
    summary: 'The cultivation board as XLSX', query: m.CultivationQuery.extend({ lang: z.enum(['zh', 'en']).optional() }),
    ok: file(MEDIA.xlsx, 'An Excel workbook: one row per candidate'), errors: [400, 401] },
  { operationId: 'getTodo', method: 'get', path: '/api/todo', tag: 'cultivation', who: 'official',
    summary: 'What needs the signed-in official now (the workspace home)',
    description: 'Counted groups, soonest first: dossier items overdue and due within 30 days, drafts not published, trademarks due for renewal (the tally\u2019s rule: in force, term ending within 12 months or lapsed), authorised users whose term ends within 90 days and those with no yearly return for the last two complete years (the signals\u2019 rules, `GET /api/signals`) and, for admins, the next plan period once the last has ended. An official sees their county\u2019s, an admin the city\u2019s. Each item links to the workspace place where it is done.',
    ok: ok200(m.TodoList), errors: [401] },
  { operationId: 'getDossierTemplate', method: 'get', path: '/api/dossier-templates/{giType}', tag: 'cultivation', who: 'official',
    pathParams: { giType: m.TemplateKey }, summary: 'The checklist a GI type\u2019s dossiers start from (`conversion`: the one of designations started as a conversion)', ok: ok200(m.DossierTemplate), errors: [400, 401] },
  { operationId: 'putDossierTemplate', ifMatch: IF_MATCH.template, method: 'put', path: '/api/dossier-templates/{giType}', tag: 'cultivation', who: 'admin',
    pathParams: { giType: m.TemplateKey }, summary: 'Replace a checklist (admins)',
    description: 'Moves the version: dossiers started later follow it; recorded dossiers are offered the change and keep theirs until they take it.',
    body: m.DossierTemplateInput, ok: ok200(m.DossierTemplate), errors: [...WRITE, 401] },
];
