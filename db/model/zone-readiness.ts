/**
 * Readiness for the national GI protection demonstration zone (国家地理标志产品保护示范区; CNIPA named
 * 54 on 2025-12-04): per GI in force, the share of producers that are authorised users, the share of
 * output sold under the mark, and the years since registration, each against thresholds admins set.
 * README "Demonstration-zone readiness (示范区条件)".
 */
import { z } from 'zod';
import { DesignationRef } from './designation-ref';
import { CountyCode } from './vocabulary';
import { IsoDate, PartialDate } from './scalars';
import { versionField } from './versions';

/** The most years an admin may ask for since registration. */
export const MAX_READINESS_YEARS = 20;

const shareMessage = '须为 0 到 1 之间的比例（如 0.6 即 60%） / A share from 0 to 1 (0.6 is 60 %)';
const yearsMessage = `须为 0 到 ${MAX_READINESS_YEARS} 之间的整数年 / Whole years from 0 to ${MAX_READINESS_YEARS}`;
const share = z.number({ error: shareMessage }).min(0, shareMessage).max(1, shareMessage);

/** The thresholds (national defaults 0.6, 0.6, 3 years; a province may use 0.5). GET and PUT /api/readiness-settings. */
export const ReadinessSettings = z.object({
  /** Share of producers that are authorised users in force. */
  producerShare: share,
  /** Share of the year's output declared under the mark. */
  outputShare: share,
  /** Whole years since registration. */
  minYears: z.number({ error: yearsMessage }).int(yearsMessage).min(0, yearsMessage).max(MAX_READINESS_YEARS, yearsMessage),
}).strict();
export type ReadinessSettings = z.infer<typeof ReadinessSettings>;

/** The thresholds as GET and PUT answer them, with the version PUT replaces. */
export const ReadinessSettingsAnswer = ReadinessSettings.extend({ version: versionField() });
export type ReadinessSettingsAnswer = z.infer<typeof ReadinessSettingsAnswer>;

/** How one criterion stands: met, not met, or not known (a figure is missing). */
export const CriterionResult = z.enum(['pass', 'fail', 'unknown']);
export type CriterionResult = z.infer<typeof CriterionResult>;

/**
 * Who counts as producers: `figures_households` the year's figures (households, 户), else
 * `participants` the cooperative-farmer model (enterprises + cooperatives + farmer households),
 * else `unknown`.
 */
export const PRODUCER_BASES = ['figures_households', 'participants', 'unknown'] as const;
export const ProducerBasis = z.enum(PRODUCER_BASES);
export type ProducerBasis = z.infer<typeof ProducerBasis>;

const criterion = {
  result: CriterionResult,
  /** The measured share (0–1, may pass 1) or years; null when unknown. */
  value: z.number().nullable(),
  threshold: z.number(),
  /** How far below the threshold, as a part of it (0 when met, 1 when unknown): what "closest" sorts by. */
  gap: z.number(),
};

/** One GI in force and how it stands against the thresholds. */
export const ZoneReadinessItem = DesignationRef.extend({
  producers: z.object({
    ...criterion,
    /** Authorised users in force today. */
    users: z.number().int(),
    producers: z.number().int().nullable(),
    basis: ProducerBasis,
    /** The figures' year when the basis is `figures_households`. */
    basisYear: z.number().int().nullable(),
  }),
  output: z.object({
    ...criterion,
    /** Accepted returns' marked tonnes in the reference year. */
    markedTonnes: z.number(),
    reporters: z.number().int(),
    /** The product's output in the reference year (figures). */
    outputTonnes: z.number().nullable(),
  }),
  years: z.object({
    ...criterion,
    /** The grant (registration) date, as well as it is known. */
    grantedOn: PartialDate.nullable(),
  }),
  /** Criteria met (0–3). */
  met: z.number().int(),
  eligible: z.boolean(),
  /** The sum of the criteria's gaps. */
  gap: z.number(),
});
export type ZoneReadinessItem = z.infer<typeof ZoneReadinessItem>;

/** GET /api/readiness: the viewer's GIs in force (an official's county; an admin's city, or one county). */
export const ZoneReadiness = z.object({
  asOf: IsoDate,
  /** The year of the figures and returns compared: the last complete year. */
  year: z.number().int(),
  county: CountyCode.nullable(),
  /** The thresholds applied (for admins, who may change them, with their version). */
  settings: ReadinessSettingsAnswer,
  items: z.array(ZoneReadinessItem),
  /** Designation ids of the GIs not yet eligible, closest first (most criteria met, then the smallest gap); at most 10. */
  closest: z.array(z.number().int()),
});
export type ZoneReadiness = z.infer<typeof ZoneReadiness>;
