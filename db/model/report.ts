/**
 * The annual report (年度报告) of a calendar year: totals in force at year end against the period's
 * targets, what was new in the year, the counties, the farmers behind the GIs, the year's industry
 * figures and the trademarks to renew next year, with who issues it and when. The JSON of
 * GET /api/reports/annual; the Word and Excel files and the report page are drawn from it.
 */
import { z } from 'zod';
import { AuthorizationBasis, AuthorizationStatus } from './marks';
import { IsoDate } from './scalars';
import { Period } from './tally';
import { CountyCode, GiType, MarkKind } from './vocabulary';

/** A grant or a filing in the year: the designation, its product and the date as it was recorded. */
export const ReportMove = z.object({
  designationId: z.number().int(),
  productId: z.number().int(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  counties: z.array(CountyCode),
  giType: GiType,
  markKind: MarkKind.nullable(),
  /** The registration / certificate / application number. */
  number: z.string().nullable(),
  /** The date at the precision it is known (`2013`, `2013-07`, `2013-07-03`). */
  on: z.string(),
});
export type ReportMove = z.infer<typeof ReportMove>;

/** An authorised user whose authorisation started in the year. */
export const ReportAuthorizedUser = z.object({
  name: z.string(),
  creditCode: z.string().nullable(),
  productId: z.number().int(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  giType: GiType,
  basis: AuthorizationBasis,
  from: IsoDate,
  until: IsoDate.nullable(),
  reference: z.string().nullable(),
  /** Its status as recorded now. */
  status: AuthorizationStatus,
});
export type ReportAuthorizedUser = z.infer<typeof ReportAuthorizedUser>;

/** One GI type at year end: in force against the period's baseline and target, and what the year added. */
export const ReportTotal = z.object({
  giType: GiType,
  inForce: z.number().int(),
  /** Of this type, how many had been converted into another type by asOf (as the tally's TallyType). */
  converted: z.number().int(),
  /** Of `inForce`, how many came from a conversion of another type. */
  fromConversion: z.number().int(),
  /** What is read against the target: inForce − fromConversion + converted. */
  towardTarget: z.number().int(),
  baseline: z.number().int(),
  target: z.number().int(),
  /** towardTarget / target; null when there is no target. */
  progress: z.number().nullable(),
  remaining: z.number().int(),
  /** Designations of this type granted in the year. */
  newInYear: z.number().int(),
  /** Designations of this type filed in the year. */
  filedInYear: z.number().int(),
});
export type ReportTotal = z.infer<typeof ReportTotal>;

/** One county at year end (a product of several counties counts in each). */
export const ReportCounty = z.object({
  code: CountyCode,
  nameZh: z.string(),
  nameEn: z.string(),
  inForce: z.record(GiType, z.number().int()),
  newGrants: z.number().int(),
  authorizedUsers: z.number().int(),
});
export type ReportCounty = z.infer<typeof ReportCounty>;

/** The industry figures of the year, summed over the products that have them (null: none has that figure). */
export const ReportFigures = z.object({
  year: z.number().int(),
  /** How many products have figures for the year. */
  products: z.number().int(),
  households: z.number().int().nullable(),
  areaMu: z.number().nullable(),
  outputTonnes: z.number().nullable(),
  valueWanYuan: z.number().nullable(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** A trademark in force whose term ends in the next year. */
export const ReportRenewal = z.object({
  designationId: z.number().int(),
  productId: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  number: z.string().nullable(),
  validUntil: IsoDate,
});
export type ReportRenewal = z.infer<typeof ReportRenewal>;

/** GET /api/reports/annual: the annual report of a calendar year. */
export const AnnualReport = z.object({
  year: z.number().int(),
  /** The year of the first recorded fact: the earliest year with a report (the page's year picker starts there). */
  firstYear: z.number().int(),
  /** The year's last day, or today while the year is not over (the texts then say 截至 / as of). */
  asOf: IsoDate,
  /** Whether the year is over (asOf is 31 December). */
  complete: z.boolean(),
  issuer: z.object({ zh: z.string(), en: z.string() }),
  /** The day the report was made. */
  issuedOn: IsoDate,
  /** The period whose targets it measures against: the one containing the year end, else the latest started; null if none. */
  period: Period.pick({ id: true, name: true, nameEn: true, startsOn: true, endsOn: true }).nullable(),
  totals: z.array(ReportTotal),
  newInYear: z.object({
    grants: z.array(ReportMove),
    filings: z.array(ReportMove),
    authorizedUsers: z.array(ReportAuthorizedUser),
  }),
  byCounty: z.array(ReportCounty),
  /** Distinct products with at least one GI in force at asOf. */
  productsInForce: z.number().int(),
  /** Authorised users (用标企业) in force at asOf. */
  authorizedUsersInForce: z.number().int(),
  /** Farm households in the cooperative-farmer models of the products in force. */
  households: z.number().int(),
  /** Households of the products in force from their latest industry figures up to the year. */
  latestHouseholds: z.number().int(),
  figures: ReportFigures,
  renewalsDueNextYear: z.array(ReportRenewal),
});
export type AnnualReport = z.infer<typeof AnnualReport>;
