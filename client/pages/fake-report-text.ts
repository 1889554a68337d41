/**
 * The text of a report of a suspected fake label, in the page's language: the GI and its number, the
 * company on the label, that it was not a valid authorised user when checked (with the check's address),
 * and where the buyer saw it. Assembled in the browser from what the buyer typed; nothing here is sent.
 */
import { GI_TYPE_RULES, type GiType, type MarkKind } from '../../db/model';
import { localName, t } from '../i18n';

/** A GI the label claims, as the report names it. */
export interface ReportedGi {
  productZh: string;
  productEn: string | null;
  giType: GiType;
  markKind: MarkKind | null;
  number: string | null;
  announcement: string | null;
}

/** What a report says. */
export interface FakeReport {
  /** The GI the label claims, or null when the buyer is not sure. */
  gi: ReportedGi | null;
  /** The company on the label, as it was checked (its name, or the code typed). */
  company: string;
  /** The day of the check. */
  checkedOn: string;
  /** The address of the check (the verification page with its query). */
  url: string;
  shop: string;
  place: string;
  seenOn: string;
}

/** The number a label of this GI shows (its type's rule), else whichever the registry has; null when neither. */
export function labelReferenceOf(gi: ReportedGi): { kind: 'announcement' | 'number'; value: string } | null {
  const preferred = GI_TYPE_RULES[gi.giType].labelReference;
  const other = preferred === 'announcement' ? 'number' : 'announcement';
  for (const kind of [preferred, other] as const) {
    const value = gi[kind];
    if (value) return { kind, value };
  }
  return null;
}

/** A GI's type in words, with its kind of mark when it has one. */
export function giTypeText(gi: Pick<ReportedGi, 'giType' | 'markKind'>): string {
  return t(`giType.${gi.giType}`) + (gi.markKind ? t('product.paren', { x: t(`markKind.${gi.markKind}`) }) : '');
}

/** The report as lines of text, ready to paste into a complaint. */
export function fakeReportText(r: FakeReport): string {
  const given = (s: string) => s.trim() || t('fake.t.notGiven');
  const gi = r.gi;
  const ref = gi ? labelReferenceOf(gi) : null;
  return [
    t('fake.t.title'),
    gi
      ? t('fake.t.gi', {
        gi: localName({ nameZh: gi.productZh, nameEn: gi.productEn }), type: giTypeText(gi),
        ref: ref ? t(`fake.t.ref.${ref.kind}`, { value: ref.value }) : '',
      })
      : t('fake.t.giUnknown'),
    t('fake.t.company', { q: r.company }),
    t('fake.t.notValid', { date: r.checkedOn, url: r.url }),
    t('fake.t.seen', { shop: given(r.shop), place: given(r.place), date: given(r.seenOn) }),
  ].join('\n');
}
