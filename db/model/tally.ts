/** Plan periods with targets, and the tally against them. */
import { z } from 'zod';
import { CountyCode, GI_TYPES, GiType } from './vocabulary';
import { IsoDate, line } from './scalars';
import { versionField } from './versions';

// ---------------------------------------------------------------- periods and tally

/** Baseline and target of one GI type in a plan period. */
export const Target = z
  .object({ giType: GiType, baseline: z.number().int().min(0).max(100_000), target: z.number().int().min(0).max(100_000) })
  .strict();
export type Target = z.infer<typeof Target>;

/** A plan period (规划期) with its targets. */
export const Period = z.object({
  id: z.number().int(),
  name: line(50),
  /** The name in English (14th Five-Year Plan); '' for a period stored before periods had one. */
  nameEn: z.string().max(100),
  startsOn: IsoDate,
  endsOn: IsoDate,
  targets: z.array(Target).max(GI_TYPES.length).refine((t) => new Set(t.map((x) => x.giType)).size === t.length, '同一类型的目标重复'),
  /** Admins' answers only: the version PUT replaces. */
  version: versionField(),
});
export type Period = z.infer<typeof Period>;

/** The body that creates or replaces a period: both names are required (each unique, dates never overlapping another's). */
export const PeriodInput = Period.omit({ id: true, version: true })
  .extend({ nameEn: line(100) })
  .strict()
  .refine((p) => p.endsOn > p.startsOn, { message: '结束日期须晚于开始日期', path: ['endsOn'] });
export type PeriodInput = z.infer<typeof PeriodInput>;

/** A period's name in a language: its English name on English pages and files, when it has one. */
export function periodName(p: Pick<Period, 'name' | 'nameEn'>, lang: 'zh' | 'en'): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.name;
}

/** Query string of GET /api/tally. */
export const TallyQuery = z
  .object({ period: z.coerce.number().int().min(1).optional(), asOf: IsoDate.optional() })
  .strict();
export type TallyQuery = z.infer<typeof TallyQuery>;

/**
 * Counts of one GI type in a tally. Every GI is counted once on any date: an agricultural-product GI
 * converted into a 地理标志产品 is `converted` (not in force as what it was) from the day, and the 地理标志产品
 * is in force from then. Against the plan's targets (`towardTarget`), a converted one still counts for the
 * type it was obtained as (obtaining it was the target), and not for the type it became (that target is
 * about new ones).
 */
export const TallyType = z.object({
  giType: GiType,
  inForce: z.number().int(),
  /** Of this type, how many had been converted into another type by asOf (0 for a type that does not convert). */
  converted: z.number().int(),
  /** Of `inForce`, how many came from a conversion of another type. */
  fromConversion: z.number().int(),
  /** What is read against this type's target: inForce − fromConversion + converted. */
  towardTarget: z.number().int(),
  baseline: z.number().int(),
  target: z.number().int(),
  pipeline: z.object({
    cultivating: z.number().int(), filed: z.number().int(), published: z.number().int(),
    /** Of those cultivating on asOf, how many have a complete dossier now (ready to file). */
    readyToFile: z.number().int(),
  }),
  /** towardTarget / target (1 = reached; above 1 = exceeded); null when there is no target. */
  progress: z.number().nullable(),
  /** How many more must count toward the target to reach it (0 once reached). */
  remaining: z.number().int(),
});
export type TallyType = z.infer<typeof TallyType>;

/** A trademark due for renewal. */
export const RenewalDue = z.object({
  designationId: z.number().int(),
  productId: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  validUntil: IsoDate,
  /** The term ended on or before asOf but no `expired` move is recorded: renew (grace period) or record it. */
  lapsed: z.boolean(),
});
export type RenewalDue = z.infer<typeof RenewalDue>;

/** GET /api/tally. */
export const Tally = z.object({
  period: Period.pick({ id: true, name: true, nameEn: true, startsOn: true, endsOn: true }),
  asOf: IsoDate,
  /** Today (Asia/Shanghai) is after the period's last day, whatever `asOf` is: its figures can no longer change. */
  periodEnded: z.boolean(),
  types: z.array(TallyType),
  counties: z.array(z.object({ code: CountyCode, types: z.array(TallyType), authorizedUsers: z.number().int() })),
  productsInForce: z.number().int(),
  households: z.number().int(),
  /** Authorised users (用标企业) in force on asOf: active, within their dates, of a GI in force. */
  authorizedUsers: z.number().int(),
  /** Households of the products in force, from each one's latest industry figures up to asOf's year. */
  latestHouseholds: z.number().int(),
  renewalsDue: z.array(RenewalDue),
});
export type Tally = z.infer<typeof Tally>;

/** How far apart the points of a tally series are. */
export const SERIES_STEPS = ['month', 'quarter', 'year'] as const;
/** A series step. */
export const SeriesStep = z.enum(SERIES_STEPS);
export type SeriesStep = z.infer<typeof SeriesStep>;

/** Query string of GET /api/tally/series. */
export const TallySeriesQuery = z
  .object({ period: z.coerce.number().int().min(1).optional(), step: SeriesStep.default('month') })
  .strict();
export type TallySeriesQuery = z.infer<typeof TallySeriesQuery>;

/** GET /api/tally/series: designations in force per GI type at the start and each step's end, up to today. */
export const TallySeries = z.object({
  period: Period.pick({ id: true, name: true, nameEn: true, startsOn: true, endsOn: true }),
  step: SeriesStep,
  points: z.array(z.object({
    on: IsoDate,
    inForce: z.record(GiType, z.number().int()),
    /** Per type, how many had been converted into another type by then (see TallyType). */
    converted: z.record(GiType, z.number().int()),
  })),
});
export type TallySeries = z.infer<typeof TallySeries>;
