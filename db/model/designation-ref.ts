/** How lists outside a product page (the cultivation board, verification) name a designation and its product. */
import { z } from 'zod';
import { CountyCode, GiType, MarkKind } from './vocabulary';

/** A designation with its product's names and counties. */
export const DesignationRef = z.object({
  productId: z.number().int(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  counties: z.array(CountyCode),
  designationId: z.number().int(),
  giType: GiType,
  markKind: MarkKind.nullable(),
});
export type DesignationRef = z.infer<typeof DesignationRef>;
