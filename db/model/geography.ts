/** Geography: locations, protected-area polygons, counties (Jincheng’s extent and a county’s days: geography-rules.ts). */
import { z } from 'zod';
import { CountyCode, Precision } from './vocabulary';
import { inJincheng } from './geography-rules';
import { IsoDate, text } from './scalars';

export * from './geography-rules';

// ---------------------------------------------------------------- geography

/** The 12-digit code a village- or township-precision location names. */
const LocationDivisionCode = z.string().regex(/^\d{12}$/, '须为 12 位区划代码 / A division code is 12 digits');

/**
 * A WGS84 point with a label and how exactly it is known. A village or township location names its unit
 * (`divisionCode`, of that level: a township's code ends in 000) and its point is where the official put
 * it inside that unit; an exact or county location names none. Whether the code is current and in the
 * product's counties is the server's check.
 */
export const Location = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    label: text(200).default(''),
    precision: Precision,
    divisionCode: LocationDivisionCode.nullable().default(null),
  })
  .strict()
  .refine((p) => inJincheng(p.lat, p.lng), { message: '位置不在晋城市范围内（请检查经纬度是否颠倒）', path: ['lat'] })
  .superRefine((p, ctx) => {
    const needs = p.precision === 'village' || p.precision === 'township';
    if (needs && p.divisionCode === null) {
      ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: '村级、乡镇级位置须选定村或乡镇（区划代码） / A village or township location names its village or township (its code)' });
    } else if (!needs && p.divisionCode !== null) {
      ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: '精确位置、县级位置不填区划代码 / An exact or county location names no village or township' });
    } else if (needs && p.divisionCode !== null && p.divisionCode.endsWith('000') !== (p.precision === 'township')) {
      ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: p.precision === 'township'
        ? '乡镇级位置须填乡镇的代码（以 000 结尾） / A township location names a township (its code ends in 000)'
        : '村级位置须填村的代码（不以 000 结尾） / A village location names a village (its code does not end in 000)' });
    }
  });
export type Location = z.infer<typeof Location>;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const LinearRing = z
  .array(Position)
  .min(4)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], '多边形的环必须闭合');
const PolygonCoords = z.array(LinearRing).min(1);

/** Most vertices a protected-area geometry may have. */
export const MAX_AREA_VERTICES = 20_000;

function vertexCount(coords: unknown): number {
  return Array.isArray(coords) && typeof coords[0] === 'number'
    ? 1
    : (coords as unknown[]).reduce<number>((n, c) => n + vertexCount(c), 0);
}

function allInJincheng(coords: unknown): boolean {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return inJincheng(coords[1] as number, coords[0] as number);
  return (coords as unknown[]).every(allInJincheng);
}

/** A GeoJSON Polygon or MultiPolygon in WGS84 ([lng, lat]) inside Jincheng. */
export const AreaGeometry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: PolygonCoords }).strict(),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoords).min(1) }).strict(),
  ])
  .refine((g) => vertexCount(g.coordinates) <= MAX_AREA_VERTICES, `多边形顶点不得超过 ${MAX_AREA_VERTICES} 个`)
  .refine((g) => allInJincheng(g.coordinates), '多边形不在晋城市范围内（坐标须为 WGS84 的 [经度, 纬度]）');
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** A protected area (地域保护范围): the announced scope as text, optionally its polygon. */
export const ProtectedArea = z
  .object({ text: text(5000).default(''), geometry: AreaGeometry.nullable().default(null) })
  .strict();
export type ProtectedArea = z.infer<typeof ProtectedArea>;

/**
 * A county as the API shows it. The set of counties is data (the boundary file, then dated division
 * changes): a county a change created exists from `startedOn`, one a change ended exists until the day
 * before `endedOn` and stays listed, so history before the change keeps its name.
 */
export const County = z.object({
  code: CountyCode,
  nameZh: z.string(),
  nameEn: z.string(),
  seat: z.object({ lat: z.number(), lng: z.number() }),
  label: z.object({ lat: z.number(), lng: z.number() }),
  /** The day the division change that created it took effect (null: it predates every recorded change). */
  startedOn: IsoDate.nullable(),
  /** The day a division change ended it (null: still a county). */
  endedOn: IsoDate.nullable(),
});
export type County = z.infer<typeof County>;
