/**
 * The domain vocabulary shared by server and client: zod enums, schemas and their types.
 * It imports only zod (through its parts in db/model/), so the browser bundle can use it as the
 * API contract. The client's first page imports the zod-free parts directly (vocabulary-lists.ts,
 * partial-date.ts, tiles.ts…), not this whole, so the map loads without zod.
 */
export * from './model/vocabulary';
export * from './model/scalars';
export * from './model/partial-date';
export * from './model/geography';
export * from './model/registry';
export * from './model/documents';
export * from './model/tally';
export * from './model/accounts';
export * from './model/security';
export * from './model/exchange';
export * from './model/labels';
export * from './model/status-meanings';
export * from './model/gi-types';
export * from './model/dossiers';
export * from './model/todo';
export * from './model/conversion';
export * from './model/marks';
export * from './model/usage-returns';
export * from './model/report';
export * from './model/report-words';
export * from './model/verify-match';
export * from './model/decisions';
export * from './model/verify-misses';
export * from './model/audit-text';
export * from './model/public-surface';
export * from './model/public-paths';
export * from './model/map-layers';
export * from './model/map-clusters';
export * from './model/place-tally';
export * from './model/county-measure';
export * from './model/point-list';
export * from './model/map-summary';
export * from './model/map-summary-schema';
export * from './model/site-info';
export * from './model/no-site-info';
export * from './model/places';
export * from './model/specifications';
export * from './model/place-match';
export * from './model/product-search';
export * from './model/filter-values';
export * from './model/mark-signals';
export * from './model/zone-readiness';
export * from './model/versions';
