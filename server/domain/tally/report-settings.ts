/**
 * Who issues the annual report (发布单位): one row, read by every report and replaced by admins,
 * each change audited in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { ReportSettings, ReportSettingsAnswer } from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit, type Tx } from '../access/audit';
import type { Db } from '../../../db/open';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { settingsVersion } from '../access/resource-versions';

/** The settings' one row. */
const ROW_ID = 1;

/** What a report says when the row is missing (the migration seeds it; a restore of an odd copy may not). */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  issuerZh: '晋城市市场监督管理局（知识产权局）',
  issuerEn: 'Jincheng Administration for Market Regulation (Intellectual Property Office)',
};

/** The issuer of the annual report. */
export function getReportSettings(db: Tx): ReportSettings {
  const row = db.select().from(t.reportSettings).where(eq(t.reportSettings.id, ROW_ID)).get();
  return row ? { issuerZh: row.issuerZh, issuerEn: row.issuerEn } : DEFAULT_REPORT_SETTINGS;
}

/** Replaces the issuer (admins: the route checks), audited as `update` of `report_settings` 1. */
export function putReportSettings(db: Db, by: SignedIn, input: ReportSettings, check?: VersionCheck): ReportSettingsAnswer {
  return db.transaction((tx) => {
    const before = getReportSettings(tx);
    check?.(settingsVersion(before), versionedReportSettings(before));
    tx.insert(t.reportSettings).values({ id: ROW_ID, ...input })
      .onConflictDoUpdate({ target: t.reportSettings.id, set: { issuerZh: input.issuerZh, issuerEn: input.issuerEn } }).run();
    const after = getReportSettings(tx);
    recordAudit(tx, by, { action: 'update', entity: 'report_settings', entityId: ROW_ID, before, after });
    return versionedReportSettings(after);
  });
}

/** The settings as admins read them, with the version PUT replaces. */
export const versionedReportSettings = (s: ReportSettings): ReportSettingsAnswer => ({ ...s, version: settingsVersion(s) });
