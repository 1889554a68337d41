/** The workspace's calls for conversions (统一认定): recording one, and starting one (a designation that converts another). */
import type { ConversionCreate, Designation, GiType } from '../../db/model';
import { apiSend } from '../lib/api';

/** Conversion calls of the workspace. */
export const conversionApi = {
  /**
   * Records the conversion of `id` (`version`: its version as shown; the body names the other designation's,
   * `designationVersion`); answers both designations as they now are.
   */
  record: (id: number, body: ConversionCreate, version: string | undefined) =>
    apiSend<{ converted: Designation; into: Designation }>('POST', `/api/designations/${id}/conversion`, body, version),
  /** Starts a designation of `giType` (cultivating, with the conversions' checklist) converting `sourceId`. */
  start: (productId: number, giType: GiType, sourceId: number) =>
    apiSend<Designation>('POST', `/api/products/${productId}/designations`, { giType, convertedFromId: sourceId }),
};
