/**
 * The townships and villages as the API shows them (DivisionUnit), and the location picker's code list
 * (GET /api/divisions): filtered by county and level, searched by the lookup's own rule, code order.
 */
import {
  firstMatches, MAX_DIVISION_RESULTS, type CountyCode, type DivisionList, type DivisionQuery, type DivisionUnit,
} from '../../../db/model';
import { divisionIndex, type Division, type DivisionIndex } from '../../../seeds/divisions/divisions';

/** A division of the committed index as the API shows it. */
export function presentUnit(d: Division): DivisionUnit {
  return {
    code: d.code, name: d.name, level: d.level, countyCode: d.countyCode as CountyCode,
    townshipCode: d.level === 'village' ? d.parentCode : null,
  };
}

/** The unit of a current code, or null when the 2023 codes have no such unit. */
export function unitOf(code: string, index: DivisionIndex = divisionIndex()): DivisionUnit | null {
  const d = index.byCode.get(code);
  return d ? presentUnit(d) : null;
}

/** The units of one county, or of all, in code order (townships before their villages). */
function unitsIn(county: CountyCode | undefined, index: DivisionIndex): readonly Division[] {
  return county ? (index.byCounty.get(county) ?? []) : index.all;
}

/** GET /api/divisions: at most MAX_DIVISION_RESULTS units of the county and level whose name or code answers `q`. */
export function listDivisions(query: DivisionQuery, index: DivisionIndex = divisionIndex()): DivisionList {
  const candidates = unitsIn(query.county, index).filter((d) => !query.level || d.level === query.level);
  if (!query.q) {
    return { units: candidates.slice(0, MAX_DIVISION_RESULTS).map(presentUnit), truncated: candidates.length > MAX_DIVISION_RESULTS };
  }
  const { items, truncated } = firstMatches(candidates, query.q);
  return { units: items.map(presentUnit), truncated };
}
