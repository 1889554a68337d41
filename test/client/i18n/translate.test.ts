/** `t()`: a loaded key in the current language, and a key no loaded catalog has shown as itself and reported once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t, type MessageKey } from '../../../client/i18n';
import '../../support/all-catalogs';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('t', () => {
  it('reads a loaded catalog and fills its slots', () => {
    expect(t('products.count', { n: 3 })).toBe('共 3 个产品');
  });

  it('shows a key no loaded catalog has as itself and reports it on the console once', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const missing = 'nowhere.key' as MessageKey;
    expect(t(missing)).toBe('nowhere.key');
    expect(t(missing)).toBe('nowhere.key');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain('"nowhere.key"');
  });
});
