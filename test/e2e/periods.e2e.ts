/**
 * Plan periods that follow the calendar, in Chromium, on the seeded registry with the app's clock on
 * 2026-12-05 (Asia/Shanghai): the public tally says 十四五 has ended (Chinese and English, phone and
 * desktop); an admin is asked for the next period in the workspace, finds the dates and baselines filled
 * and the names and targets empty, is refused until they are typed, saves; the public tally then shows
 * 十五五 / 15th Five-Year Plan, and the prompt is gone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS, type Period, type Tally } from '../../db/model';
import { addAccount, signIn } from '../server/fixtures';
import { useSession } from './support/session';
import { call, startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
type Viewport = typeof PHONE;

let s: TestServer;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  s = await startServer({ now: () => new Date('2026-12-05T04:00:00Z') }); // noon in Shanghai
  await addAccount(s.db, 'city', 'admin');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function open(path: string, viewport: Viewport, admin = false): Promise<Page> {
  const watched = await openPage(browser, s.url, { viewport });
  opened.push(watched);
  if (admin) {
    await useSession(watched.context, s.url, await signIn(s.url, 'city'));
  }
  await watched.page.goto(path);
  return watched.page;
}

const periods = async () => (await call(`${s.url}/api/periods`)).body as Period[];

const ENDED = {
  zh: '十四五规划期已于 2025-12-31 结束，以下为期末统计；下一规划期尚未录入。',
  en: 'The 14th Five-Year Plan period ended on 2025-12-31; figures are as of its end. The next period has not been entered yet.',
};

describe('before the next period is entered', () => {
  it.each([['zh', 'phone', PHONE], ['zh', 'desktop', DESKTOP], ['en', 'phone', PHONE], ['en', 'desktop', DESKTOP]] as const)(
    'the public tally says at the top that 十四五 ended (%s, %s)', async (lang, size, viewport) => {
      const page = await open(`/tally${lang === 'en' ? '?lang=en' : ''}`, viewport);
      const note = page.getByRole('note');
      await expect.poll(() => note.textContent()).toBe(ENDED[lang]);
      const title = page.getByRole('heading', { level: 2, name: /晋城市地理标志发展统计|Jincheng geographical indications/ });
      await expect.poll(() => title.textContent()).toContain(lang === 'en' ? '14th Five-Year Plan, as of 2025-12-31' : '十四五，截至 2025-12-31');
      // At the top: above the controls and the figures, in view without scrolling, and not cut off on a phone.
      const box = (await note.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y).toBeLessThan((await page.locator('gi-tally-controls').boundingBox())!.y);
      expect(box.y).toBeLessThan((await page.locator('gi-tally-card').first().boundingBox())!.y);
      if (lang === 'en') expect(await page.getByRole('combobox', { name: 'Plan period' }).textContent()).toContain('14th Five-Year Plan (2021-01-01 to 2025-12-31)');
      expect(await seriousViolations(page)).toEqual([]);
      await saveShot(page, `periods-ended-${lang}-${size}`);
    });

  it('an English admin on a phone is asked for the next period too', async () => {
    const page = await open('/admin?lang=en', PHONE, true);
    const prompt = page.getByRole('region', { name: 'The 14th Five-Year Plan period has ended: add the next one' });
    await prompt.getByRole('button', { name: 'Add the next period' }).click();
    await expect.poll(() => prompt.getByLabel('Name in English').inputValue()).toBe('');
    expect(await prompt.getByText('Usually: 15th Five-Year Plan').count()).toBe(1);
    const box = (await prompt.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, 'periods-prompt-en-phone');
  });
});

describe('adding the next period from the prompt', () => {
  it('is prefilled with the dates that follow and the baselines at 十四五’s end, refused until the names and targets are typed, then saved', async () => {
    const page = await open('/admin', DESKTOP, true);
    const prompt = page.getByRole('region', { name: '十四五规划期已结束，请添加下一规划期' });
    const opener = prompt.getByRole('button', { name: '添加下一规划期' });
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');

    await expect.poll(() => prompt.getByLabel('开始日期').inputValue()).toBe('2026-01-01');
    expect(await prompt.getByLabel('结束日期').inputValue()).toBe('2030-12-31');
    expect(await prompt.getByLabel('中文名称').inputValue()).toBe('');
    expect(await prompt.getByLabel('英文名称').inputValue()).toBe('');
    expect(await prompt.getByText('通常为：十五五').count()).toBe(1);
    expect(await prompt.getByText('通常为：15th Five-Year Plan').count()).toBe(1);
    const atEnd = (await call(`${s.url}/api/tally?period=1&asOf=2025-12-31`)).body as Tally;
    const group = (giType: Tally['types'][number]['giType']) => prompt.getByRole('group', { name: LABELS.giType[giType].zh });
    for (const x of atEnd.types) {
      expect(await group(x.giType).getByLabel('期初基数').inputValue(), x.giType).toBe(String(x.towardTarget));
      expect(await group(x.giType).getByLabel('目标').inputValue(), x.giType).toBe('');
    }
    await saveShot(page, 'periods-prompt-zh-desktop', true);

    // Nothing is invented: without names and targets the form refuses, and nothing reaches the server.
    await prompt.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => prompt.getByRole('alert').textContent()).toContain('请更正标出的字段');
    expect(await prompt.getByLabel('中文名称').getAttribute('aria-invalid')).toBe('true');
    expect(await group(atEnd.types[0].giType).getByLabel('目标').getAttribute('aria-invalid')).toBe('true');
    expect((await periods()).map((p) => p.name)).toEqual(['十四五']);

    await prompt.getByLabel('中文名称').fill('十五五');
    await prompt.getByLabel('英文名称').fill('15th Five-Year Plan');
    const targets = atEnd.types.map((x, i) => x.towardTarget + 3 + i);
    for (const [i, x] of atEnd.types.entries()) await group(x.giType).getByLabel('目标').fill(String(targets[i]));
    await prompt.getByRole('button', { name: '保存' }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: '已添加规划期' }).textContent()).toContain('十五五');
    await expect.poll(() => prompt.count()).toBe(0);
    const saved = (await periods()).find((p) => p.name === '十五五')!;
    expect(saved).toMatchObject({ nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31' });
    expect(saved.targets).toEqual(atEnd.types.map((x, i) => ({ giType: x.giType, baseline: x.towardTarget, target: targets[i] })));
    // A fresh visit to the workspace asks for nothing.
    const again = await open('/admin', DESKTOP, true);
    await again.locator('gi-next-period').waitFor({ state: 'attached' });
    await again.waitForLoadState('networkidle');
    expect(await again.getByRole('region', { name: /规划期已结束/ }).count()).toBe(0);
  });

  it.each([['zh', PHONE], ['en', DESKTOP]] as const)('the public tally then shows the new period by default, not ended (%s)', async (lang, viewport) => {
    const page = await open(`/tally${lang === 'en' ? '?lang=en' : ''}`, viewport);
    const title = page.getByRole('heading', { level: 2, name: /晋城市地理标志发展统计|Jincheng geographical indications/ });
    await expect.poll(() => title.textContent()).toContain(lang === 'en' ? '15th Five-Year Plan, as of 2026-12-05' : '十五五，截至 2026-12-05');
    expect(await page.getByRole('note').count()).toBe(0);
    // 十四五 picked by hand still says it ended, now without "not entered yet".
    await page.goto(`/tally?period=1${lang === 'en' ? '&lang=en' : ''}`);
    await expect.poll(() => page.getByRole('note').textContent()).toBe(lang === 'en'
      ? 'The 14th Five-Year Plan period ended on 2025-12-31; figures are as of its end.'
      : '十四五规划期已于 2025-12-31 结束，以下为期末统计。');
    await saveShot(page, `periods-after-${lang}`);
  });

  it('made no request to another host and logged no error but failed responses', () => {
    for (const w of opened) {
      expect(w.foreignRequests).toEqual([]);
      // Chromium logs the public's 401 from /api/session.
      expect(w.consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    }
  });
});
