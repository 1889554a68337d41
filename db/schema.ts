/**
 * The SQLite tables (drizzle), one file per area in db/tables/; this file gathers them, and drizzle-kit
 * reads it (drizzle.config.ts). Enum columns take their values from db/model.ts, so the vocabulary is
 * defined once. A new table goes in its area's file; a new area, in a new file exported here.
 */
export * from './tables/places';
export * from './tables/access';
export * from './tables/products';
export * from './tables/documents';
export * from './tables/marks';
export * from './tables/tally';
export * from './tables/relations';
