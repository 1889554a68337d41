/**
 * The workspace's calls for what the yearly returns tell: the signals, the demonstration-zone
 * readiness, and its thresholds (admins change them).
 */
import type { CountyCode, ReadinessSettings, ReadinessSettingsAnswer, Signals, ZoneReadiness } from '../../db/model';
import { apiGet, apiSend, toQuery } from '../lib/api';

/** Signal and readiness calls of the workspace. */
export const signalsApi = {
  /** The viewer's signals (an admin may name a county). */
  signals: (county: CountyCode | undefined, signal?: AbortSignal) => apiGet<Signals>(`/api/signals${toQuery({ county })}`, signal),
  /** The viewer's GIs in force against the thresholds. */
  readiness: (county: CountyCode | undefined, signal?: AbortSignal) => apiGet<ZoneReadiness>(`/api/readiness${toQuery({ county })}`, signal),
  /** Replaces the thresholds (admins; `version`: theirs as shown); answers them as kept, with their new version. */
  putSettings: (body: ReadinessSettings, version: string | undefined) =>
    apiSend<ReadinessSettingsAnswer>('PUT', '/api/readiness-settings', body, version),
};
