import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultAgenda } from '../../shared/agenda.ts';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element
      ? `${element.getAttribute('role') ?? element.tagName.toLowerCase()}: ${element.textContent?.trim()}`
      : '';
  });

describe('the menus (account and facilitator), one component', () => {
  const e2e = useKadenceInChromium();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('open from the keyboard on an item, move with the arrows, close on Escape or a click outside', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Menuholdet', slug: 'menu' });
    const lea = await makeMember(app, 'menu', 'lea@example.dk', 'Lea Larsen', 'lead');
    const meetingId = await makeMeeting(
      app,
      'menu',
      [{ comment: 'Pakken kom for sent.', score: 3 }],
      defaultAgenda('da'),
      '2026-01-13T09:00:00.000Z',
    );
    const { page } = await e2e.open(lea.cookie, `#/teams/menu/meetings/${meetingId}/live`, { locale: 'da-DK' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Start mødet' }).click();

    // The account menu: ArrowDown opens it on its first item, the arrows wrap, Escape gives focus back.
    const account = page.getByRole('button', { name: /^Konto: / });
    expect(await account.getAttribute('aria-haspopup')).toBe('menu');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    await account.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menu', { name: /^Konto: / }).waitFor();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused(page)).toBe('menuitem: Konto');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('menuitemradio: Dansk');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('menuitem: Log ud');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('menuitem: Konto');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('menuitem: Log ud');
    await page.getByRole('menuitemradio', { name: 'Dansk', checked: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/menu-account-da-390.png` });
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toMatch(/^button: LL/);

    // The facilitator's menu: Enter opens it on its first item, ArrowUp from the button on its last.
    const more = page.getByRole('button', { name: 'Mere' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^menuitem: (Vis|Skjul) forfatternavne$/);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('menuitem: Afslut mødet …');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^menuitem: (Vis|Skjul) forfatternavne$/);
    await page.screenshot({ path: `${SHOTS}/menu-facilitator-da-390.png` });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('button: Mere');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('menuitem: Afslut mødet …');
    // A click outside closes it and leaves focus where the person clicked.
    await page.mouse.click(3, 830);
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // Space opens it as Enter does; choosing an item closes the menu and gives focus back to its button.
    await more.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => focused(page)).toMatch(/^menuitem: (Vis|Skjul) forfatternavne$/);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focused(page)).toBe('button: Mere');
    expect(errors).toEqual([]);
  }, 120_000);
});
