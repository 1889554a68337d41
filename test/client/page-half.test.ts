import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../client/i18n';
import { errorText, pageHalf } from '../../client/lib/page-half';
import { ApiRequestError } from '../../client/lib/api';

describe('a server message on a page', () => {
  afterEach(() => {
    setLang('zh');
    vi.unstubAllGlobals();
  });

  it('shows only the page\'s half of a two-language message', () => {
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }); // setLang marks <html lang>
    const refused = new ApiRequestError(409, 'conflict', '记录已被他人修改 / The record was changed by someone else');
    setLang('zh');
    expect(errorText(refused)).toBe('记录已被他人修改');
    setLang('en');
    expect(errorText(refused)).toBe('The record was changed by someone else');
    expect(pageHalf('HTTP 502')).toBe('HTTP 502');
  });
});
