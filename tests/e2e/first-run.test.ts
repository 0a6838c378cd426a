import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';

describe('first run, team and invite in Chromium', () => {
  const e2e = useKadenceInChromium();

  it('creates the admin, a team, and lets an invited person join; Danish works; no serious axe violations', async () => {
    const admin = await e2e.browser.newContext({ locale: 'en-GB' });
    const page = await admin.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(e2e.kadence.url);
    await page.getByRole('heading', { name: 'Welcome to Kadence' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Mette Admin');
    await page.getByLabel('E-mail').fill('mette@example.dk');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Team name').fill('Kundeservice');
    await page.getByLabel('Short name (slug)').fill('kundeservice');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.getByRole('heading', { name: 'Kundeservice' }).waitFor();
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const inviteUrl = await page.getByTestId('invite-url').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${e2e.kadence.url}/#/invite/[A-Za-z0-9_-]{43}$`));
    expect(await seriousAxeViolations(page)).toEqual([]);

    const invitee = await e2e.browser.newContext({ locale: 'da-DK' });
    const other = await invitee.newPage();
    await other.goto(inviteUrl);
    // The second browser prefers Danish, so the invite opens in Danish.
    await other.getByRole('heading', { name: 'Bliv en del af Kundeservice' }).waitFor();
    expect(await seriousAxeViolations(other)).toEqual([]);
    await other.getByLabel('Navn').fill('Jonas Medlem');
    await other.getByLabel('E-mail').fill('jonas@example.dk');
    await other.getByLabel('Adgangskode').fill('sommerfugl-2026');
    await other.getByRole('button', { name: 'Opret konto og deltag' }).click();
    await other.getByRole('heading', { name: 'Kundeservice' }).waitFor();
    await other.getByRole('cell', { name: 'Jonas Medlem' }).waitFor();
    expect(await other.getByRole('cell', { name: 'Medlem', exact: true }).count()).toBe(1);

    // The admin makes the new member a facilitator from the team page.
    await page.reload();
    await page.getByLabel('Role: Jonas Medlem').selectOption('facilitator');
    await other.reload();
    await other.getByRole('cell', { name: 'Facilitator', exact: true }).waitFor();

    // The admin switches to Danish in the account menu and the choice is remembered after a reload.
    await page.getByRole('button', { name: /^Account: / }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('menuitemradio', { name: 'Dansk', exact: true }).click();
    await page.getByRole('menuitemradio', { name: 'English', exact: true, checked: false }).waitFor();
    await page.getByRole('link', { name: 'Alle teams' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Alle teams' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);

    await admin.close();
    await invitee.close();
  });
});
