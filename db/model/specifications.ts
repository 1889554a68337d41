/**
 * A designation's specification (质量技术要求, or the standard that carries it: DB14/T …) with each of
 * its versions, and the designation's public contacts (申请人/管理机构 with a contact, 检测机构). The wire
 * contract and the one rule of which version is current, shared by the server, the export and the pages.
 */
import { z } from 'zod';
import { inDateOrder } from './partial-date';
import { FactDate, line, PartialDate, SourceUrl, text } from './scalars';
import { versionField } from './versions';

// ---------------------------------------------------------------- contacts

/** The public contact fields of a designation (each null when not known). */
export const DESIGNATION_CONTACTS = {
  /** 申请人 / 管理机构: the body that applied for or manages the GI. */
  managingBody: line(200).nullable(),
  /** The managing body's public contact: a phone, an address or a web page. */
  managingContact: line(300).nullable(),
  /** 检测机构: the body that tests products under the specification. */
  testingBody: line(200).nullable(),
};

// ---------------------------------------------------------------- specifications

const specificationFields = {
  /** The standard or specification number: `DB14/T 2361-2021`, `AGI2010-09-00509`. */
  number: line(100).nullable(),
  title: line(300),
  /** The version or amendment as the text names it (`2021版`, `第1号修改单`). */
  version: line(50).nullable(),
  /** Issued or announced on, as well as it is known (`2021`, `2021-11`, `2021-11-22`); not after today. */
  issuedOn: FactDate.nullable(),
  /** Where it is published: a whole http:// or https:// address (nothing else a browser would run). */
  url: SourceUrl.nullable(),
  /** Or a document of the same product that holds it. */
  documentId: z.number().int().min(1).nullable(),
  note: text(1000),
};

/** The body of POST /api/designations/:id/specifications: one version; only the title is required. */
export const SpecificationInput = z.object({
  ...specificationFields,
  number: specificationFields.number.default(null),
  version: specificationFields.version.default(null),
  issuedOn: specificationFields.issuedOn.default(null),
  url: specificationFields.url.default(null),
  documentId: specificationFields.documentId.default(null),
  note: specificationFields.note.default(''),
}).strict();
export type SpecificationInput = z.input<typeof SpecificationInput>;

/** The body of PATCH /api/specifications/:id: any of the fields (null clears an optional one). */
export const SpecificationUpdate = z.object(specificationFields).partial().strict();
export type SpecificationUpdate = z.infer<typeof SpecificationUpdate>;

/** One version of a designation's specification, as the API shows it; `current` marks the one in force. */
export const Specification = z.object({
  id: z.number().int(),
  designationId: z.number().int(),
  number: z.string().nullable(),
  title: z.string(),
  version: z.string().nullable(),
  issuedOn: PartialDate.nullable(),
  url: z.string().nullable(),
  /** A document of the product the viewer may read (null when there is none, or the viewer may not read it). */
  documentId: z.number().int().nullable(),
  note: z.string(),
  current: z.boolean(),
  /**
   * For those who may change it: the version of this record (what PATCH and DELETE replace), sent back in
   * `If-Match`. Named `etag` because `version` is the edition's own name (`2021版`).
   */
  etag: versionField(),
});
export type Specification = z.infer<typeof Specification>;

/**
 * Versions newest first: dated ones by their dates, and as recorded where the dates cannot tell
 * (inDateOrder: `2021` recorded after `2021-11-22` is the newer); a version without a date counts as
 * older than every dated one, the later recorded first. The first is the current one.
 */
export function newestFirst<V extends { id: number; issuedOn: string | null }>(versions: readonly V[]): V[] {
  const recorded = [...versions].sort((a, b) => a.id - b.id);
  const dated = inDateOrder(recorded.filter((v) => v.issuedOn !== null), (v) => v.issuedOn!);
  const undated = recorded.filter((v) => v.issuedOn === null);
  return [...dated.reverse(), ...undated.reverse()];
}

/** How a version is named in a sentence: its number and version, else its title in 《》. */
export function specificationLabel(s: { number: string | null; version: string | null; title: string }): string {
  const named = [s.number, s.version].filter((x): x is string => !!x).join(' ');
  return named || `《${s.title}》`;
}
