/**
 * The participants editor's rows (strings as typed), their conversion to the PUT body, and the
 * 企业/协会 → 地理标志 → 合作社 → 农户 chain with per-link totals.
 */
import { Participants, type Participant, type ParticipantRole } from '../../db/model';
import { fieldErrors } from './field-errors';
import { parseNumber, type DraftCheck } from './product-draft';

/** One participant row as typed. */
export interface ParticipantDraft {
  role: ParticipantRole;
  name: string;
  creditCode: string;
  households: string;
  areaMu: string;
  outputTonnes: string;
  valueWanYuan: string;
}

/** The numeric columns, in display order. */
export const MEASURES = ['households', 'areaMu', 'outputTonnes', 'valueWanYuan'] as const;
/** A numeric column of a participant. */
export type Measure = (typeof MEASURES)[number];

/** A new, empty row of a role. */
export function emptyParticipant(role: ParticipantRole = 'cooperative'): ParticipantDraft {
  return { role, name: '', creditCode: '', households: '', areaMu: '', outputTonnes: '', valueWanYuan: '' };
}

/** The row of a saved participant. */
export function draftFromParticipant(p: Participant): ParticipantDraft {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    role: p.role, name: p.name ?? '', creditCode: p.creditCode ?? '', households: s(p.households),
    areaMu: s(p.areaMu), outputTonnes: s(p.outputTonnes), valueWanYuan: s(p.valueWanYuan),
  };
}

/** The JSON of one row: farmers carry no name; empty cells are null; credit codes are upper-cased. */
export function participantBody(d: ParticipantDraft): Record<string, unknown> {
  const code = d.creditCode.trim().toUpperCase();
  return {
    role: d.role,
    name: d.role === 'farmers' || d.name.trim() === '' ? null : d.name.trim(),
    creditCode: code === '' ? null : code,
    households: parseNumber(d.households),
    areaMu: parseNumber(d.areaMu),
    outputTonnes: parseNumber(d.outputTonnes),
    valueWanYuan: parseNumber(d.valueWanYuan),
  };
}

/** Checks all rows with the shared Participants schema; errors are keyed `0.name`, `2.creditCode`… */
export function checkParticipants(rows: readonly ParticipantDraft[]): DraftCheck<Participant[]> {
  const result = Participants.safeParse(rows.map(participantBody));
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}

/** The rows that parse as participants (for a live preview while some rows are still wrong). */
export function validRows(rows: readonly ParticipantDraft[]): Participant[] {
  return rows.flatMap((r) => {
    const one = Participants.element.safeParse(participantBody(r));
    return one.success ? [one.data] : [];
  });
}
