/**
 * The operations on GI designations (tag `designations`): starting, changing and moving them, conversions, specifications.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, WRITE, ok200, ok201, type Operation } from '../operation';

/** Every operation on designations. */
export const DESIGNATION_OPERATIONS: Operation[] = [
  { operationId: 'createDesignation', method: 'post', path: '/api/products/{id}/designations', tag: 'designations', who: 'official',
    summary: 'Start a designation (cultivating)',
    description: 'With `convertedFromId`, it is started as the conversion of that designation (统一认定: of the same product, granted, of a type converting into `giType`): its dossier follows the conversions\u2019 checklist, and it is granted by recording the conversion (POST /api/designations/{id}/conversion).',
    body: m.DesignationCreate, ok: ok201(m.Designation), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, or `convertedFromId` is not a designation of this product converting into `giType`.', 409: 'The product is archived: restore it first (`archived`); or the designation named by `convertedFromId` is not granted (`not_convertible`), already converted (`already_converted`) or already being converted (`conversion_under_way`).' } },
  { operationId: 'updateDesignation', ifMatch: IF_MATCH.designation, method: 'patch', path: '/api/designations/{id}', tag: 'designations', who: 'official',
    summary: 'Change a designation', description: 'Its details, not its type or status: holder, numbers, term, notes, sources, and the public contacts (`managingBody` 申请人/管理机构, `managingContact`, `testingBody` 检测机构). Its specification has its own operations.', body: m.DesignationUpdate, ok: ok200(m.Designation), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'moveDesignation', ifMatch: IF_MATCH.designation, method: 'post', path: '/api/designations/{id}/transitions', tag: 'designations', who: 'official',
    summary: 'Move a designation to another status', body: m.TransitionCreate, ok: ok201(m.Designation, 'The designation after the move'),
    errors: [...WRITE, 401, 404, 409], why: { 400: 'A field is wrong, the date is in the future or before the previous move, or `to` is `converted` (a conversion is recorded with POST /api/designations/{id}/conversion).', 409: 'The move is not allowed from the current status (`illegal_transition`), the product is archived (`archived`), filing while the dossier is not complete without `confirmIncomplete: true` (`dossier_incomplete`), or granting a designation started as a conversion before the conversion is recorded (`conversion_not_recorded`).' } },
  { operationId: 'recordConversion', ifMatch: IF_MATCH.designation, method: 'post', path: '/api/designations/{id}/conversion', tag: 'designations', who: 'official',
    summary: 'Record the conversion of an agricultural-product GI into a 地理标志产品',
    description: 'In one transaction: the designation (of a type that converts, granted) moves `granted \u2192 converted` on `on`, and the designation it became is granted on that day: the one named by `designationId` (same product, the target type, in progress or granted on exactly that day), or else a new one with `announcement` and `number`, carrying the converted one\u2019s protected area to be re-verified (holder and authorised users are recorded as announced, not copied). Both answers link each other (`convertedTo`, `convertedFrom`). Officials of the product\u2019s county and admins; audited.',
    body: m.ConversionCreate, ok: [{ status: 201, description: 'The converted designation and the one it became', schema: z.object({ converted: m.Designation, into: m.Designation }) }],
    errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong: `announcement` missing, `on` after today or before the grant, or `designationId` of another product or type, or granted on another day; or the designation is of a type that does not convert (`not_convertible`).', 404: 'No such designation (or one you may not see).', 409: 'It is not granted (`not_convertible`) or already converted (`already_converted`), another conversion of it is under way (`conversion_under_way`), the designation named converts another (`already_linked`) or is ended (`target_not_open`), or the product is archived (`archived`).' } },
  { operationId: 'addSpecification', method: 'post', path: '/api/designations/{id}/specifications', tag: 'designations', who: 'official',
    summary: 'Add a version of a designation\u2019s specification',
    description: 'The 质量技术要求 or the standard that carries it (DB14/T …): a first version, an earlier one, or an amendment. Only the title is required; `issuedOn` is a partial date not after today, `url` a whole http(s) address, `documentId` a document of the same product. The current version is the latest by `issuedOn` (as recorded where the dates cannot tell; undated ones count as older). Officials of the product\u2019s county and admins; audited. The versions are read with the product, newest first.',
    body: m.SpecificationInput, ok: ok201(m.Specification), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong: a link that is not http(s) (`javascript:`, `data:`, `ftp:`…), a date in the future, a title missing or too long, or a document of another product.', 403: 'Not your county, or a write from another site\u2019s page.', 404: 'No such designation (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'updateSpecification', ifMatch: IF_MATCH.specification, method: 'patch', path: '/api/specifications/{id}', tag: 'designations', who: 'official',
    summary: 'Correct a version of a specification', description: 'Any of its fields (null clears an optional one); the version is checked again as a whole. Audited.',
    body: m.SpecificationUpdate, ok: ok200(m.Specification), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, as for adding one.', 404: 'No such version (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'deleteSpecification', ifMatch: IF_MATCH.specification, method: 'delete', path: '/api/specifications/{id}', tag: 'designations', who: 'official',
    summary: 'Remove a version of a specification', description: 'The history keeps what it was.', ok: [{ status: 204, description: 'Removed' }],
    errors: [...WRITE, 401, 404, 409], why: { 404: 'No such version (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
];
