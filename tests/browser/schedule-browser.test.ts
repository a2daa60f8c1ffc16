/**
 * The time-zone switch in Debian's Chromium, on the real GopherChina schedule (Asia/Shanghai, +08:00): without JS
 * the button stays hidden and the times are the conference's; with JS a reader in Berlin sees the button name their
 * zone, and one click shows every schedule time in Berlin time (and the date, where it moves), a second click
 * brings the conference's times back.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';

const session = useBrowserAndSite();
const url = (path: string) => session.site.url.replace(/\/$/, '') + path;
const firstTalkTime = 'li.talk time';

describe('time-zone switch', () => {
  it('is hidden without JavaScript; the times are the conference\'s', async () => {
    await withContextPage(session.browser, { javaScriptEnabled: false, timezoneId: 'Europe/Berlin' }, async (page) => {
      await page.goto(url('/en/gopherchina-2016/'));
      await expect(page.locator('.tz-switch').isVisible()).resolves.toBe(false);
      await expect(page.locator(firstTalkTime).first().textContent()).resolves.toBe('09:10');
    });
  });

  it('shows the schedule in the reader\'s zone and back', async () => {
    await withContextPage(session.browser, { timezoneId: 'Europe/Berlin', locale: 'en-GB' }, async (page) => {
      await page.goto(url('/en/gopherchina-2016/'));
      const button = page.locator('.tz-switch');
      await expect(button.textContent()).resolves.toBe('Show in my time zone (Europe/Berlin)');
      await button.click();
      // 09:10 in Beijing (UTC+8) on 16 April 2016 is 03:10 in Berlin (summer time, UTC+2).
      await expect.poll(() => page.locator(firstTalkTime).first().textContent()).toBe('03:10');
      await expect(button.textContent()).resolves.toBe('Back to conference time (Asia/Shanghai (UTC+08:00))');
      // The evening party, 20:15–22:00 in Beijing, is 14:15–16:00 in Berlin; registration at 08:20 moves to the night before.
      await expect(page.locator('li.slot.registration time').first().textContent()).resolves.toBe('02:20');
      await button.click();
      await expect.poll(() => page.locator(firstTalkTime).first().textContent()).toBe('09:10');
    });
  });

  it('works on the talk page too', async () => {
    await withContextPage(session.browser, { timezoneId: 'America/Los_Angeles', locale: 'en-US' }, async (page) => {
      await page.goto(url('/zh/gopherchina-2016/go-and-ai/'));
      const times = page.locator('.when time');
      const before = await times.first().textContent();
      await page.locator('.tz-switch').click();
      await expect.poll(() => times.first().textContent()).not.toBe(before);
      await expect(times.first().textContent()).resolves.toMatch(/^(4月\d+日 )?\d\d:\d\d$/);
    });
  });
});
