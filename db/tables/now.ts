import { sql } from 'drizzle-orm';

/** The current time as the tables store it: ISO 8601 UTC with milliseconds. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
