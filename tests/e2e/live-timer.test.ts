import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { AGENDA, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** The step timer as shown, in seconds left (negative once overrun). */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer').locator('strong').textContent()) ?? '';
  const match = /^(−?)(\d+):(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`unexpected timer text "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

describe('the step timer in browsers with different clocks', () => {
  const e2e = useKadenceInChromium();

  it('shows the same time left on a browser whose clock is ten minutes fast', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea Lead', 'lead');
    const bo = await makeMember(app, 'support', 'bo@example.dk', 'Bo Berg', 'member');
    const meetingId = await makeMeeting(
      app,
      'support',
      [{ comment: 'Fine', score: 9 }],
      AGENDA.map((step) => ({ ...step, minutes: 5 })),
    );
    const pages: Page[] = [];
    for (const [cookie, skewMs] of [
      [lea.cookie, 0],
      [bo.cookie, 10 * 60_000],
    ] as const) {
      // Bo's computer clock is wrong; the board must use the server's time, not his.
      const prepare = async (context: BrowserContext) => {
        if (skewMs) await context.clock.install({ time: Date.now() + skewMs });
      };
      const { page } = await e2e.open(cookie, `#/teams/support/meetings/${meetingId}/live`, { prepare });
      pages.push(page);
    }
    const [facilitator, boPage] = pages as [Page, Page];
    expect((await boPage.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(9 * 60_000);
    await facilitator.getByRole('button', { name: 'Start meeting' }).click();
    await facilitator.getByRole('button', { name: 'Start timer' }).click();
    await boPage.getByRole('button', { name: 'Raise hand' }).waitFor();
    for (const page of pages) await page.getByTestId('timer').filter({ hasText: '4:5' }).waitFor();
    const [a, b] = [await shownSeconds(facilitator), await shownSeconds(boPage)];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  }, 60_000);
});
