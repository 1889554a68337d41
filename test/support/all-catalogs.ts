/**
 * Loads every message catalog before the unit tests (vitest.config.ts `setupFiles`), as a page loads
 * the catalogs of the keys its modules use: the words a module's test reads are then the page's. That
 * each page does load them is test/client/i18n/page-catalogs.test.ts's check.
 */
import.meta.glob('../../client/i18n/*.ts', { eager: true });
