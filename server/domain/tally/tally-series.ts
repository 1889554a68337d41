/**
 * The tally over time: designations in force per GI type at the eve of a period and at the end of
 * each month (quarter, year) of it, for the page's chart. One sweep over the dated moves, applying
 * the same rule as the tally (the latest recorded move that counts by a date; in force iff granted), and
 * per type how many had been converted into another (an agricultural-product GI is `converted` from the
 * day, when the 地理标志产品 it became is in force instead: each GI counts once).
 */
import { perGiType, todayInShanghai, type GiType, type Period, type SeriesStep, type Status, type TallySeries } from '../../../db/model';
import type { Db } from '../../../db/open';
import { addDays, addMonths, type ReplayIndex } from './tally-replay';
import { loadReplayIndex } from './replay-store';

const MONTHS: Record<SeriesStep, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The dates a series samples: the eve of the period, then the last day of each step that has begun
 * by `until` (the period's end or today, whichever is earlier), the last one being `until` itself.
 */
export function sampleDates(period: Pick<Period, 'startsOn' | 'endsOn'>, step: SeriesStep, today: string): string[] {
  const until = today < period.endsOn ? today : period.endsOn;
  const eve = addDays(period.startsOn, -1);
  const dates = [eve < today ? eve : today];
  for (let start = period.startsOn; start <= until; start = addMonths(start, MONTHS[step])) {
    const end = addDays(addMonths(start, MONTHS[step]), -1);
    dates.push(end < until ? end : until);
  }
  return dates;
}

/**
 * The series of `period` at `step`, never past `today` (what happens later is not known yet);
 * `index` is the replay index of the current registry (loaded from `db` when not given).
 */
export function computeSeries(
  db: Db, period: Period, step: SeriesStep, today: string = todayInShanghai(), index: ReplayIndex = loadReplayIndex(db),
): TallySeries {
  const dates = sampleDates(period, step, today);
  const moves = index.movesUntil(dates.at(-1)!);
  const status = new Map<number, { id: number; to: Status }>();
  const inForce: Record<GiType, number> = perGiType(() => 0);
  const converted: Record<GiType, number> = perGiType(() => 0);
  const points: TallySeries['points'] = [];
  let i = 0;
  for (const on of dates) {
    for (; i < moves.length && moves[i].day <= on; i++) {
      const m = moves[i];
      const current = status.get(m.designationId);
      if (current && current.id > m.id) continue; // a move recorded later already counts
      if (current?.to === 'granted') inForce[m.giType]--;
      if (current?.to === 'converted') converted[m.giType]--;
      if (m.to === 'granted') inForce[m.giType]++;
      if (m.to === 'converted') converted[m.giType]++;
      status.set(m.designationId, { id: m.id, to: m.to });
    }
    points.push({ on, inForce: perGiType((g) => inForce[g]), converted: perGiType((g) => converted[g]) });
  }
  return {
    period: { id: period.id, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn },
    step,
    points,
  };
}
