/**
 * The security policy in the security log: at start, when the settings differ from those last recorded
 * (or none were), a `config_changed` event says which changed, from what to what, and the new ones are
 * remembered (`security_state`), so an assessor can see every change of the settings and when it took effect.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { recordSecurityEvent } from './events';

/** The settings as recorded: their environment names and values. */
export type PolicyValues = Record<string, number | boolean>;

const KEY = 'security_policy';

/** Records `config_changed` when `values` differ from the last recorded ones; whether it did. */
export function recordPolicyIfChanged(db: Db, values: PolicyValues, now: Date): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(t.securityState).where(eq(t.securityState.key, KEY)).get();
    const before = (row?.value ?? null) as PolicyValues | null;
    const changed = Object.keys(values).filter((k) => before?.[k] !== values[k]);
    if (before !== null && changed.length === 0) return false;
    recordSecurityEvent(tx, {
      kind: 'config_changed', actor: null, at: now,
      detail: { setting: KEY, changed, before, after: values },
    });
    if (row) tx.update(t.securityState).set({ value: values }).where(eq(t.securityState.key, KEY)).run();
    else tx.insert(t.securityState).values({ key: KEY, value: values }).run();
    return true;
  });
}
