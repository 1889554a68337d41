/** The relations drizzle's relational queries follow. */
import { relations } from 'drizzle-orm';
import { users } from './access';
import { counties } from './places';
import { products, productCounties, locations, protectedAreas, designations, transitions, participants } from './products';
import { periods, targets } from './tally';

/** Product relations. */
export const productRelations = relations(products, ({ many, one }) => ({
  counties: many(productCounties),
  locations: many(locations),
  designations: many(designations),
  participants: many(participants),
  protectedArea: one(protectedAreas, { fields: [products.id], references: [protectedAreas.productId] }),
}));

/** Product↔county relations. */
export const productCountyRelations = relations(productCounties, ({ one }) => ({
  product: one(products, { fields: [productCounties.productId], references: [products.id] }),
  county: one(counties, { fields: [productCounties.countyCode], references: [counties.code] }),
}));

/** Location relations. */
export const locationRelations = relations(locations, ({ one }) => ({
  product: one(products, { fields: [locations.productId], references: [products.id] }),
}));

/** Designation relations. */
export const designationRelations = relations(designations, ({ one, many }) => ({
  product: one(products, { fields: [designations.productId], references: [products.id] }),
  transitions: many(transitions),
}));

/** Transition relations. */
export const transitionRelations = relations(transitions, ({ one }) => ({
  designation: one(designations, { fields: [transitions.designationId], references: [designations.id] }),
  user: one(users, { fields: [transitions.userId], references: [users.id] }),
}));

/** Participant relations. */
export const participantRelations = relations(participants, ({ one }) => ({
  product: one(products, { fields: [participants.productId], references: [products.id] }),
}));

/** Period relations. */
export const periodRelations = relations(periods, ({ many }) => ({ targets: many(targets) }));

/** Target relations. */
export const targetRelations = relations(targets, ({ one }) => ({
  period: one(periods, { fields: [targets.periodId], references: [periods.id] }),
}));
