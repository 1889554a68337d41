/**
 * The operations on townships, villages and protected areas (tag `places`).
 */
import * as m from '../../../db/model';
import { IF_MATCH, WRITE, read, ok200, type Operation } from '../operation';

/** Every operation on places and protected areas. */
export const PLACE_OPERATIONS: Operation[] = [
  { operationId: 'checkScope', method: 'post', path: '/api/designations/{id}/scope/check', tag: 'places', who: 'official',
    summary: 'Match an announcement\u2019s scope text to the current codes',
    description: 'Reads the pasted scope (保护范围) into the names it lists and matches each within the product\u2019s counties against the 2023 township and village codes: `matched`, `renamed` (another suffix of its level), `misspelt` (same pinyin or one character off: `candidates`), `ambiguous`, `other_county`, `vanished` (not in the 2023 codes), `unknown`; checks a coordinate box against the counties. Keeps nothing: the official resolves each flag and PUTs the codes. Officials of the product\u2019s county and admins.',
    body: m.ScopeCheckInput, ok: ok200(m.ScopeCheckAnswer, 'Every name with what became of it, the box check and a tally'), errors: [...WRITE, 401, 404],
    why: { 403: 'Not your county, or a write from another site\u2019s page.', 404: 'No such designation (or one you may not see).', 413: 'A text over 20,000 characters (`scope_too_long`) or over 500 names (`scope_too_many_names`).' } },
  { operationId: 'putScope', ifMatch: IF_MATCH.scope, method: 'put', path: '/api/designations/{id}/scope', tag: 'places', who: 'official',
    summary: 'Keep a designation\u2019s protected area as codes',
    description: 'The text verbatim with its source and date, an optional box, and the township (the whole township) and village codes an official resolved it to. Each code must be current, listed once and in the product\u2019s counties; nothing is kept otherwise. Audited.',
    body: m.ScopeInput, ok: ok200(m.DesignationScope, 'The scope as kept'), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, a code is unknown, repeated or outside the product\u2019s counties (`bad_scope_codes`, one issue per code), or the box lies off the counties (`scope_box_off`).', 403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).', 413: 'Over a limit: the text (`scope_too_long`, `scope_too_many_names`), or more than 2,000 codes (`scope_too_many_codes`).' } },
  { operationId: 'deleteScope', ifMatch: IF_MATCH.scope, method: 'delete', path: '/api/designations/{id}/scope', tag: 'places', who: 'official',
    summary: 'Remove a designation\u2019s protected area', ok: [{ status: 204, description: 'Removed' }], errors: [...WRITE, 401, 404, 409],
    why: { 404: 'No such designation, or it keeps no scope.', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'listDivisions', ...read('/api/divisions'), tag: 'places',
    summary: 'Townships and villages by county, level, name or code',
    description: 'The 2023 codes of Jincheng\u2019s townships and villages, in code order (each township before its villages): at most 50, `truncated` when more match. `q` is a part of a name (NFKC, spaces ignored), a 12-digit code, or the first 9\u201311 digits of codes.',
    query: m.DivisionQuery, ok: ok200(m.DivisionList), errors: [400] },
  { operationId: 'lookupPlace', ...read('/api/places/lookup'), tag: 'places',
    summary: 'Is my village in a protected area?',
    description: 'A village or township by name (or part of one, NFKC) or code (12 digits, or its first 9\u201311): each matching unit (at most 50) with the protected areas of granted GIs of the public registry that include it (its code listed, or its township listed whole), since when and from which announcement. `areas: []` means it lies in none. Limited per address.',
    query: m.PlaceLookupQuery, ok: ok200(m.PlaceLookupAnswer), errors: [400, 429] },
];
