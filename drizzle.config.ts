import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads db/schema.ts and writes SQL migrations into db/migrations (committed). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
