/**
 * The cooperative-farmer model of a product (企业/协会 → 地理标志 → 合作社 → 农户), replaced as a whole.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { Participant } from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit } from '../access/audit';
import { productForWrite } from '../access/permissions';
import { getProduct } from './products-read';
import { touchProduct } from './product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { currentParticipants } from '../access/resource-versions';

/**
 * Replaces the whole participant list of a product, in one transaction with its audit entry; `check`
 * (the route's If-Match) sees the list's version first.
 */
export function replaceParticipants(db: Db, viewer: SignedIn, productId: number, list: readonly Participant[], check?: VersionCheck): Participant[] {
  return db.transaction(() => {
    productForWrite(db, viewer, productId);
    const before = getProduct(db, productId, viewer)!.participants;
    if (check) {
      const current = currentParticipants(before);
      check(current.version, current);
    }
    db.delete(t.participants).where(eq(t.participants.productId, productId)).run();
    if (list.length > 0) {
      db.insert(t.participants).values(list.map((p, position) => ({ productId, position, ...p }))).run();
    }
    touchProduct(db, productId);
    const after = getProduct(db, productId, viewer)!.participants;
    recordAudit(db, viewer, { action: 'replace_participants', entity: 'product', entityId: productId, before, after });
    return after;
  });
}
