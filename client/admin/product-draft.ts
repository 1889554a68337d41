/**
 * The product form's editable state (strings as typed) and its conversion to the API body, validated
 * with the same zod schemas the server uses.
 */
import {
  ProductCreate, ProductUpdate, type AreaGeometry, type Category, type CountyCode, type Product, type SourceValue, type Visibility,
} from '../../db/model';
import { t } from '../i18n';
import { fieldErrors, type FieldErrors } from './field-errors';
import { draftFromLocation, locationBody, locationErrors, type LocationDraft } from './location-draft';

export type { LocationDraft } from './location-draft';
export { parseNumber } from './typed-number';

/** Everything the product form edits. */
export interface ProductDraft {
  nameZh: string;
  nameEn: string;
  category: Category | '';
  counties: CountyCode[];
  description: string;
  quality: string;
  visibility: Visibility;
  locations: LocationDraft[];
  areaText: string;
  areaGeometry: AreaGeometry | null;
  /** One source per line: a title, an address, or `标题 https://…` (read by sourceFromText). */
  sources: string;
}

/** The result of checking a draft: the body to send, or the errors to show. */
export type DraftCheck<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

/** A new product's draft; an official's own county comes pre-checked. */
export function emptyProductDraft(county: CountyCode | null): ProductDraft {
  return {
    nameZh: '', nameEn: '', category: '', counties: county ? [county] : [], description: '', quality: '',
    visibility: 'draft', locations: [], areaText: '', areaGeometry: null, sources: '',
  };
}

/** The draft of an existing product. */
export function draftFromProduct(p: Product): ProductDraft {
  return {
    nameZh: p.nameZh, nameEn: p.nameEn ?? '', category: p.category, counties: [...p.counties],
    description: p.description, quality: p.quality, visibility: p.visibility,
    locations: p.locations.map(draftFromLocation),
    areaText: p.protectedArea?.text ?? '', areaGeometry: p.protectedArea?.geometry ?? null,
    sources: p.sources.map(sourceLine).join('\n'),
  };
}

/** A source as a line of the form: `标题 https://…`, the address or the title (read back the same way). */
export function sourceLine(s: SourceValue): string {
  return [s.title, s.url].filter(Boolean).join(' ');
}

/** The first error of the source lines, naming its line (`sources.2.url` → line 3), or undefined. */
export function sourceLineError(errors: FieldErrors): string | undefined {
  if (errors.sources) return errors.sources;
  const key = Object.keys(errors).find((k) => /^sources\.\d+(\.|$)/.test(k));
  return key ? t('form.sourceLine', { n: Number(key.split('.')[1]) + 1, message: errors[key] }) : undefined;
}

/** Non-empty trimmed lines of a text. */
export function splitLines(value: string): string[] {
  return value.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
}

/** The JSON body of a draft (before validation). */
export function productBody(d: ProductDraft): Record<string, unknown> {
  const hasArea = d.areaText.trim() !== '' || d.areaGeometry !== null;
  return {
    nameZh: d.nameZh.trim(),
    nameEn: d.nameEn.trim() === '' ? null : d.nameEn.trim(),
    category: d.category === '' ? undefined : d.category,
    counties: d.counties,
    description: d.description,
    quality: d.quality,
    visibility: d.visibility,
    locations: d.locations.map(locationBody),
    protectedArea: hasArea ? { text: d.areaText, geometry: d.areaGeometry } : null,
    sources: splitLines(d.sources),
  };
}

/** Checks a draft with ProductCreate (new) or ProductUpdate (existing), after what its locations still lack. */
export function checkProduct(d: ProductDraft, mode: 'create'): DraftCheck<ProductCreate>;
export function checkProduct(d: ProductDraft, mode: 'update'): DraftCheck<ProductUpdate>;
export function checkProduct(d: ProductDraft, mode: 'create' | 'update'): DraftCheck<ProductCreate | ProductUpdate> {
  const body = productBody(d);
  const result = mode === 'create' ? ProductCreate.safeParse(body) : ProductUpdate.safeParse(body);
  const missing = locationErrors(d.locations);
  if (result.success && Object.keys(missing).length === 0) return { ok: true, body: result.data };
  return { ok: false, errors: { ...(result.success ? {} : fieldErrors(result.error.issues)), ...missing } };
}
