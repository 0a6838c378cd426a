import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultAgenda } from '../../shared/agenda.ts';
import { en } from '../../client/lib/i18n/en.ts';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';

/**
 * Records, from the first paint on, every text that looks like a catalogue key (`pulse.title`) and
 * ever reached the page, so a page or a step that rendered before its catalogue area arrived is caught
 * even if the key was on screen for one frame only.
 */
function keyWatcher(groups: string[]): string {
  return `(() => {
    const key = new RegExp('(^|\\\\s)(${groups.join('|')})\\\\.[A-Za-z_]+');
    const seen = (window.__kadenceKeys = []);
    const check = (node) => {
      const text = node.nodeType === 3 ? node.textContent : node.nodeType === 1 ? node.innerText || node.textContent : '';
      if (text && key.test(text)) seen.push(text.trim().slice(0, 80));
    };
    new MutationObserver((records) => records.forEach((record) => {
      if (record.type === 'characterData') check(record.target);
      record.addedNodes.forEach(check);
    })).observe(document, { subtree: true, childList: true, characterData: true });
  })();`;
}

const keysSeen = (page: Page) => page.evaluate(() => (window as unknown as { __kadenceKeys: string[] }).__kadenceKeys);
/** The language is chosen in the account menu; each language is named in itself. */
async function switchTo(page: Page, account: 'Konto' | 'Account', lang: 'da' | 'en') {
  await page.getByRole('button', { name: new RegExp(`^${account}: `) }).click();
  await page.getByRole('menuitemradio', { name: lang === 'da' ? 'Dansk' : 'English', exact: true }).click();
  await page.keyboard.press('Escape');
}

describe('switching the language, with catalogues loaded per page and per step', () => {
  const e2e = useKadenceInChromium();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('turns the live board’s frame and step, and the team page, into the other language, and never shows a key', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Sprogholdet', slug: 'sprog' });
    const lea = await makeMember(app, 'sprog', 'lea@example.dk', 'Lea Larsen', 'lead');
    const meetingId = await makeMeeting(
      app,
      'sprog',
      [{ comment: 'Pakken kom for sent.', score: 3 }],
      defaultAgenda('da'),
      '2026-01-13T09:00:00.000Z',
    );
    const { page } = await e2e.open(lea.cookie, `#/teams/sprog/meetings/${meetingId}/live`, {
      locale: 'da-DK',
      prepare: async (context) => void (await context.addInitScript(keyWatcher(Object.keys(en)))),
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.getByRole('button', { name: 'Start mødet' }).click();
    await page.getByTestId('step-title').filter({ hasText: 'Check-in og KPI-puls' }).waitFor();
    await page.getByRole('heading', { name: 'Kunde-KPI’er pr. måned' }).waitFor();

    // The board's areas and the check-in's own (KPI, pulse, effects) arrive in English before it switches.
    await switchTo(page, 'Konto', 'en');
    await page.getByTestId('step-title').filter({ hasText: 'Check-in and KPI pulse' }).waitFor();
    await page.getByRole('heading', { name: 'Customer KPIs by month' }).waitFor();
    await page.getByRole('button', { name: 'Next step' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/language-switch-board-en.png` });

    // Another page's areas load with its route, in the language now chosen.
    const keys = await keysSeen(page);
    await page.goto(`${e2e.kadence.url}/#/teams/sprog`);
    await page.getByRole('heading', { name: 'Culture pulse' }).waitFor();
    await page.getByRole('heading', { name: 'Next review' }).waitFor();
    await switchTo(page, 'Account', 'da');
    await page.getByRole('heading', { name: 'Kulturmåling' }).waitFor();
    await page.getByRole('heading', { name: 'Næste gennemgang' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/language-switch-team-da.png`, fullPage: true });

    // Back on the board in Danish, with the areas fetched earlier in both languages.
    await page.goBack();
    await page.getByTestId('step-title').filter({ hasText: 'Check-in og KPI-puls' }).waitFor();
    await page.getByRole('heading', { name: 'Kunde-KPI’er pr. måned' }).waitFor();

    keys.push(...(await keysSeen(page)));
    expect(keys).toEqual([]);
    expect(errors).toEqual([]);
  });
});
