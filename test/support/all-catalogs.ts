/**
 * Loads every message catalog, for the test of a module whose words it reads (`import '…/support/all-catalogs'`),
 * as the module's page loads the catalogs of the keys it uses; that each page does load them is
 * test/client/i18n/page-catalogs.test.ts's check. Not a global setup file: a test that mocks a db/model part
 * (test/server/public-surface-new-page.test.ts) must be the first to import it.
 */
import.meta.glob('../../client/i18n/*.ts', { eager: true });
