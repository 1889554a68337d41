/**
 * Documents and photos of a product (README "Documents and photos"): what kind of file it is, who
 * may read it, the metadata sent with an upload, the fields a PATCH may change, and the shape the API
 * shows. The file itself is recognised by its bytes on the server; only the accepted types are here.
 */
import { z } from 'zod';
import { FactDate, line, PartialDate } from './scalars';
import { versionField } from './versions';

/** What a file is to the registry. */
export const DOCUMENT_KINDS = [
  'specification', 'certificate', 'announcement', 'area_decision', 'test_report', 'history', 'photo', 'label', 'other',
] as const;
/**
 * A document's kind: 质量技术要求/管理规则, 证书, 公告, 地域范围文件, 检测报告, 历史渊源, 照片, 正品标签照片 (a photo of a
 * genuine label of the designation it is tied to, shown by /verify beside what a genuine label carries), 其他.
 */
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Who may read a file: everyone, or the officials of the product's counties (and admins). */
export const DOCUMENT_VISIBILITIES = ['public', 'internal'] as const;
/** A document's visibility. */
export const DocumentVisibility = z.enum(DOCUMENT_VISIBILITIES);
export type DocumentVisibility = z.infer<typeof DocumentVisibility>;

/** The accepted file types (recognised from the bytes), each with the extension a download gets. */
export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
/** An accepted media type. */
export const DocumentMime = z.enum(Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES, ...(keyof typeof DOCUMENT_TYPES)[]]);
export type DocumentMime = z.infer<typeof DocumentMime>;

/**
 * The largest file accepted, itself included: 20 MiB, 20,971,520 bytes ("20 MB" as Windows and the
 * messages write it; a file of exactly this size is taken).
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The limit as the messages write it, with its exact number of bytes. */
export const MAX_DOCUMENT_SIZE_TEXT = {
  zh: `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB（${MAX_DOCUMENT_BYTES.toLocaleString('en')} 字节）`,
  en: `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (${MAX_DOCUMENT_BYTES.toLocaleString('en')} bytes)`,
} as const;
/** The media type of every thumbnail (made by the server from a photo). */
export const THUMBNAIL_MIME = 'image/webp';

/** Whether a media type is a picture (JPEG, PNG or WebP): those get a thumbnail and may be a `photo`. */
export function isImageMime(mime: string): boolean {
  return mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp';
}

/** The kinds that must be pictures: photos and photos of a genuine label. */
export function isPictureKind(kind: DocumentKind): boolean {
  return kind === 'photo' || kind === 'label';
}

/** The refusal of a `photo` (or a label photo) that is not a picture. */
export const PHOTO_NOT_IMAGE_MESSAGE = '“照片”须为 JPEG、PNG 或 WebP 图片 / A photo must be a JPEG, PNG or WebP image';

/**
 * The metadata sent with an upload (the form fields beside the file). `designationId` ties the file to
 * one designation of the product (its certificate, its announcement); without it the file is the product's.
 */
export const DocumentCreate = z.object({
  kind: DocumentKind,
  title: line(200),
  /** The document's own date, as well as it is known (`2013`, `2013-07`, `2013-07-03`). */
  on: FactDate.optional(),
  /** Where the file came from (an office, a publication, an address). */
  source: line(500).optional(),
  visibility: DocumentVisibility,
  designationId: z.coerce.number().int().min(1).optional(),
}).strict();
export type DocumentCreate = z.infer<typeof DocumentCreate>;

/**
 * The body of PATCH /api/documents/:id: any of title, kind, date, source, visibility (null clears the date or
 * source), and at least one of them.
 */
export const DocumentUpdate = z.object({
  kind: DocumentKind,
  title: line(200),
  on: FactDate.nullable(),
  source: line(500).nullable(),
  visibility: DocumentVisibility,
}).partial().strict().refine((patch) => Object.keys(patch).length > 0, {
  message: '没有要修改的内容：请给出 kind、title、on、source 或 visibility 中的至少一项 / There is nothing to change: give at least one of kind, title, on, source or visibility',
});
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;

/** A document or photo as the API shows it; `url` serves the file, `thumbnailUrl` a small WebP of a picture. */
export const Document = z.object({
  id: z.number().int(),
  kind: DocumentKind,
  title: z.string(),
  on: PartialDate.nullable(),
  source: z.string().nullable(),
  mime: DocumentMime,
  bytes: z.number().int(),
  visibility: DocumentVisibility,
  designationId: z.number().int().nullable(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** For those who may change it: the version of its details (what PATCH and DELETE replace). */
  version: versionField(),
});
export type Document = z.infer<typeof Document>;

/** Where the API serves a document's file. */
export function documentUrl(id: number): string {
  return `/api/documents/${id}`;
}

/** Where the API serves a picture's thumbnail. */
export function thumbnailUrlOf(id: number): string {
  return `/api/documents/${id}/thumbnail`;
}

/**
 * The file a static copy of the site keeps for a document URL (it has no server to name the type):
 * `/api/documents/12` of a PDF → `/api/documents/12.pdf`, a thumbnail → `/api/documents/12/thumbnail.webp`.
 */
export function staticDocumentFile(url: string, mime: string): string {
  if (url.endsWith('/thumbnail')) return `${url}.webp`;
  const ext = (DOCUMENT_TYPES as Record<string, string>)[mime];
  return ext ? `${url}.${ext}` : url;
}
