/**
 * The demonstration-zone thresholds (示范区条件): one row, read by every readiness answer and replaced
 * by admins (a province may ask for 50 % instead of the national 60 %), each change audited in the
 * same transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { ReadinessSettings, ReadinessSettingsAnswer } from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit, type Tx } from '../access/audit';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { settingsVersion } from '../access/resource-versions';

/** The settings' one row. */
const ROW_ID = 1;

/** The national thresholds (CNIPA, 2025), used when the row is missing (migration 0011 seeds it). */
export const NATIONAL_THRESHOLDS: ReadinessSettings = { producerShare: 0.6, outputShare: 0.6, minYears: 3 };

/** The thresholds in force. */
export function getReadinessSettings(db: Tx): ReadinessSettings {
  const row = db.select().from(t.readinessSettings).where(eq(t.readinessSettings.id, ROW_ID)).get();
  return row ? { producerShare: row.producerShare, outputShare: row.outputShare, minYears: row.minYears } : NATIONAL_THRESHOLDS;
}

/** Replaces the thresholds (admins: the route checks), audited as `update` of `readiness_settings` 1. */
export function putReadinessSettings(db: Db, by: SignedIn, input: ReadinessSettings, check?: VersionCheck): ReadinessSettingsAnswer {
  return db.transaction((tx) => {
    const before = getReadinessSettings(tx);
    check?.(settingsVersion(before), versionedReadinessSettings(before));
    tx.insert(t.readinessSettings).values({ id: ROW_ID, ...input })
      .onConflictDoUpdate({ target: t.readinessSettings.id, set: { ...input } }).run();
    const after = getReadinessSettings(tx);
    recordAudit(tx, by, { action: 'update', entity: 'readiness_settings', entityId: ROW_ID, before, after });
    return versionedReadinessSettings(after);
  });
}

/** The settings as admins read them, with the version PUT replaces. */
export const versionedReadinessSettings = (s: ReadinessSettings): ReadinessSettingsAnswer => ({ ...s, version: settingsVersion(s) });
