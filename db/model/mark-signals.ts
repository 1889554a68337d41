/**
 * What the yearly usage returns (年度用标情况) tell: per GI and year the declared marked volume against
 * the ceiling the product's figures allow, authorised users silent for two years and terms about to
 * end (signals to officials), and the same volumes as public aggregates that never show one company's.
 * Why a ceiling, and why area × yield first: README "Signals from the yearly returns (用标提醒)".
 */
import { z } from 'zod';
import { DesignationRef } from './designation-ref';
import { CountyCode, GiType, MarkKind } from './vocabulary';
import { IsoDate, Sources } from './scalars';

// ---------------------------------------------------------------- the ceiling

/**
 * How a year's ceiling was found: `area_yield` the area times the yield per mu (what the land can
 * grow), `output` the year's recorded output, `unknown` neither is known (never a flag).
 */
export const CEILING_BASES = ['area_yield', 'output', 'unknown'] as const;
export const CeilingBasis = z.enum(CEILING_BASES);
export type CeilingBasis = z.infer<typeof CeilingBasis>;

/** The most tonnes a year's figures allow to carry the mark, with the figures it came from. */
export const VolumeCeiling = z.object({
  basis: CeilingBasis,
  /** Tonnes to the kilogram; null when the basis is `unknown`. */
  tonnes: z.number().nullable(),
  areaMu: z.number().nullable(),
  yieldKgPerMu: z.number().nullable(),
  outputTonnes: z.number().nullable(),
});
export type VolumeCeiling = z.infer<typeof VolumeCeiling>;

/** The figures of a year a ceiling is read from (null: no figures that year). */
export interface CeilingFigures { areaMu: number | null; yieldKgPerMu: number | null; outputTonnes: number | null }

/** Tonnes to the kilogram, so sums of decimals compare as people read them (0.1 + 0.2 is 0.3). */
export const toKilogram = (tonnes: number): number => Math.round(tonnes * 1000) / 1000;

/**
 * The ceiling of a year: `areaMu × yieldKgPerMu / 1000` tonnes when both are known, else the year's
 * output, else unknown. Area times yield comes first: a recorded output may be a single company's or
 * a processed figure, while the area bounds what the protected land can grow at all.
 */
export function volumeCeiling(f: CeilingFigures | null): VolumeCeiling {
  const figures = { areaMu: f?.areaMu ?? null, yieldKgPerMu: f?.yieldKgPerMu ?? null, outputTonnes: f?.outputTonnes ?? null };
  if (figures.areaMu !== null && figures.yieldKgPerMu !== null) {
    return { basis: 'area_yield', tonnes: toKilogram((figures.areaMu * figures.yieldKgPerMu) / 1000), ...figures };
  }
  if (figures.outputTonnes !== null) return { basis: 'output', tonnes: toKilogram(figures.outputTonnes), ...figures };
  return { basis: 'unknown', tonnes: null, ...figures };
}

/** Whether a declared volume is above its ceiling (to the kilogram; equal is not above; no ceiling never is). */
export function exceedsCeiling(declaredTonnes: number, ceiling: VolumeCeiling): boolean {
  return ceiling.tonnes !== null && toKilogram(declaredTonnes) > ceiling.tonnes;
}

// ---------------------------------------------------------------- signals to officials

/** How many days ahead a term's end is signalled. */
export const TERM_SIGNAL_DAYS = 90;

/** One GI's year: the accepted returns' marked volume against the ceiling. */
export const VolumeSignal = DesignationRef.extend({
  year: z.number().int(),
  /** Sum of the accepted returns' marked tonnes. */
  declaredTonnes: z.number(),
  /** Accepted returns that declared a marked volume. */
  returns: z.number().int(),
  ceiling: VolumeCeiling,
  /** Declared is above the ceiling. */
  exceeds: z.boolean(),
});
export type VolumeSignal = z.infer<typeof VolumeSignal>;

/** An authorised user of a GI, as a signal names it. */
const SignalUser = DesignationRef.extend({
  authorizedUserId: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
});

/** An active user with no accepted or submitted return for any of the years checked. */
export const SilentUser = SignalUser.extend({
  /** The last two complete years in which it was authorised (one when it was authorised in only one). */
  yearsChecked: z.array(z.number().int()),
});
export type SilentUser = z.infer<typeof SilentUser>;

/** An active user whose term ends within TERM_SIGNAL_DAYS of today. */
export const TermEnding = SignalUser.extend({ until: IsoDate, daysLeft: z.number().int() });
export type TermEnding = z.infer<typeof TermEnding>;

/** GET /api/signals: what officials should look at, for their county (an admin: every county, or one). */
export const Signals = z.object({
  asOf: IsoDate,
  county: CountyCode.nullable(),
  /** The two complete years a user must have returned for (e.g. on 2026-12-05: 2024 and 2025). */
  silentYears: z.array(z.number().int()),
  termDays: z.number().int(),
  /** Every GI and year with accepted returns: the flagged ones first, then by year (newest first). */
  volumes: z.array(VolumeSignal),
  silent: z.array(SilentUser),
  termsEnding: z.array(TermEnding),
});
export type Signals = z.infer<typeof Signals>;

/** Query of GET /api/signals and GET /api/readiness: a county (admins; an official may name only their own). */
export const CountyScopeQuery = z.object({ county: CountyCode.optional() }).strict();
export type CountyScopeQuery = z.infer<typeof CountyScopeQuery>;

// ---------------------------------------------------------------- public aggregates

/** Below this many users reporting, a year's total is not published: one company's figure could be read off it. */
export const MIN_REPORTERS = 3;

/** One year of a GI's mark use as the public reads it: how many reported, their total (or why not), the ceiling. */
export const MarkUseYear = z.object({
  year: z.number().int(),
  /** Users whose accepted return declared a marked volume. */
  reporters: z.number().int(),
  /** Their total marked tonnes; null when withheld (fewer than MIN_REPORTERS). */
  markedTonnes: z.number().nullable(),
  withheld: z.boolean(),
  ceiling: VolumeCeiling,
  /** Where the year's figures (the ceiling) came from. */
  ceilingSources: Sources,
});
export type MarkUseYear = z.infer<typeof MarkUseYear>;

/** GET /api/products/{id}/mark-use: per designation of the product, per year, aggregates only. */
export const MarkUse = z.object({
  productId: z.number().int(),
  minReporters: z.number().int(),
  designations: z.array(z.object({
    designationId: z.number().int(),
    giType: GiType,
    markKind: MarkKind.nullable(),
    /** Years with accepted returns, newest first. */
    years: z.array(MarkUseYear),
  })),
  /** Where the totals come from: the users' yearly returns as accepted by the county. */
  sources: Sources,
});
export type MarkUse = z.infer<typeof MarkUse>;
