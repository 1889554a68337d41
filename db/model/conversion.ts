/**
 * Converting an agricultural-product GI (农产品地理标志) into a 地理标志产品 under the unified system
 * (《地理标志统一认定制度实施方案》, 2024): the AGI's history ends `converted` on the day, and the new
 * designation links back to it (`designations.converted_from_id`). Which types convert into which is
 * a rule of the types (GI_TYPE_RULES.convertsTo).
 */
import { z } from 'zod';
import { GiType } from './vocabulary';
import { IsoDate, line } from './scalars';

/**
 * The other side of a conversion, as a designation answer carries it: that designation, its type and its
 * own announcement (on the converted AGI: the 地理标志产品's 公告, e.g. 第646号; on the 地理标志产品: the
 * AGI's), and the day of the conversion (null while it is under way: started, not yet recorded).
 */
export const ConversionRef = z.object({
  designationId: z.number().int(),
  giType: GiType,
  announcement: z.string().nullable(),
  on: IsoDate.nullable(),
});
export type ConversionRef = z.infer<typeof ConversionRef>;

/**
 * The body of POST /api/designations/:id/conversion: the day it took effect (not before the AGI's grant,
 * not after today), the 公告号 announcing the 地理标志产品, its number if known, and optionally the
 * designation it became (in progress, or granted on exactly that day); without one, a new designation
 * of the target type is recorded granted on the day.
 */
export const ConversionCreate = z.object({
  on: IsoDate,
  announcement: line(500),
  number: line(200).optional(),
  designationId: z.number().int().min(1).optional(),
  /**
   * The version of that designation the official saw (its `version`): the conversion changes it too, so it
   * is refused (412) when that designation changed since. The converted one's version goes in `If-Match`.
   */
  designationVersion: z.string().min(1).max(64).optional(),
}).strict();
export type ConversionCreate = z.infer<typeof ConversionCreate>;
