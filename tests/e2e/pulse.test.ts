import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';

describe('the culture pulse in Chromium', () => {
  const e2e = useKadenceInChromium();

  beforeAll(async () => {
    const { services } = e2e.kadence.app;
    await services.users.create({ email: 'lead@example.dk', name: 'Lise Leder', password: PASSWORD });
    await services.teams.create({ name: 'Butikken', slug: 'butikken', timezone: 'Europe/Copenhagen' });
    await services.teams.addMember('butikken', 'lead@example.dk', 'lead');
    for (let index = 1; index <= 5; index++) {
      await services.users.create({ email: `m${index}@example.dk`, name: `Medarbejder ${index}`, password: PASSWORD });
      await services.teams.addMember('butikken', `m${index}@example.dk`, 'member');
    }
  });

  async function signIn(email: string, locale: string, team = { slug: 'butikken', name: 'Butikken' }): Promise<Page> {
    const context = await e2e.browser.newContext({ locale });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.kadence.url}/#/teams/${team.slug}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(locale.startsWith('da') ? 'Adgangskode' : 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: locale.startsWith('da') ? 'Log ind' : 'Sign in' }).click();
    await page.getByRole('heading', { name: team.name }).waitFor();
    return page;
  }

  /** A member answers every statement (in Danish) with the given point on the scale. */
  async function answer(email: string, point: string): Promise<void> {
    const page = await signIn(email, 'da-DK');
    await page.getByRole('heading', { name: /Dine svar for/ }).waitFor();
    const statements = page.locator('.pulse-form fieldset');
    const count = await statements.count();
    expect(count).toBe(7);
    for (let index = 0; index < count; index++)
      await statements.nth(index).getByRole('radio', { name: point, exact: true }).check();
    await statements.first().getByLabel('Kommentar (valgfri)').fill(`Vi taler for lidt om kunderne (${point})`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send mine svar' }).click();
    await page.getByText(/Tak — dine svar for/).waitFor();
    await page.context().close();
  }

  async function openRound(lead: Page, quarter: string): Promise<void> {
    await lead.getByText('Open a round').click();
    await lead.getByLabel('Quarter').fill(quarter);
    await lead.getByRole('button', { name: 'Open round' }).click();
    await lead.getByText(new RegExp(`${quarter}: 0 of 6 have answered`)).waitFor();
  }

  async function closeRound(lead: Page, quarter: string): Promise<void> {
    await lead.reload();
    await lead.getByText(new RegExp(`${quarter}: \\d of 6 have answered`)).waitFor();
    await lead.getByRole('button', { name: 'Close round' }).click();
    await lead.getByText(new RegExp(`${quarter}: \\d of 6 have answered`)).waitFor({ state: 'detached' });
  }

  it(
    'with four answers the lead sees "not enough answers"; with five, the result without names',
    { timeout: 240_000 },
    async () => {
      const lead = await signIn('lead@example.dk', 'en-GB');
      await openRound(lead, '2026-Q3');
      for (let index = 1; index <= 4; index++)
        await answer(`m${index}@example.dk`, index % 2 === 0 ? 'Enig' : 'Helt enig');
      await lead.reload();
      // While the round is open only the response rate is shown.
      await lead.getByTestId('pulse-while-open').waitFor();
      await closeRound(lead, '2026-Q3');
      await lead.getByTestId('pulse-not-enough').waitFor();
      expect(await lead.getByTestId('pulse-not-enough').textContent()).toBe(
        'Not enough answers yet for 2026-Q3: 4 of at least 5.',
      );
      expect(await lead.getByText('Vi taler for lidt om kunderne').count()).toBe(0);
      expect(await seriousAxeViolations(lead)).toEqual([]);

      await openRound(lead, '2026-Q4');
      for (let index = 1; index <= 4; index++)
        await answer(`m${index}@example.dk`, index % 2 === 0 ? 'Enig' : 'Helt enig');
      await answer('m5@example.dk', 'Uenig');
      await closeRound(lead, '2026-Q4');
      const table = lead.getByTestId('pulse-result');
      await table.waitFor();
      expect(await table.locator('caption').textContent()).toBe('Result 2026-Q4 (5 answers)');
      // 2 × 5, 2 × 4, 1 × 2 → mean 4.0
      await lead
        .getByRole('row', { name: /Top management leads the way/ })
        .getByRole('cell', { name: '4', exact: true })
        .waitFor();
      expect(await lead.getByText('Vi taler for lidt om kunderne (Uenig)').count()).toBe(1);
      // The pulse section names nobody: no member's name appears next to answers or comments.
      const section = await lead.locator('section[aria-labelledby="pulse-title"]').textContent();
      expect(section).not.toMatch(/Medarbejder|Lise Leder|example\.dk/);
      expect(await seriousAxeViolations(lead)).toEqual([]);

      // A lead edits the team's own statements; the workspace's are the admin's and are not offered.
      await lead.getByText('Add a team statement').click();
      await lead.getByLabel('Statement in English').fill('We celebrate WOW moments with customers.');
      await lead.getByLabel('Statement in Danish').fill('Vi fejrer WOW-øjeblikke med kunderne.');
      await lead.getByRole('button', { name: 'Add statement' }).click();
      await lead.getByText('Edit statements').click();
      await expect.poll(() => lead.locator('details li.card').count()).toBe(1);
      await lead.getByRole('button', { name: 'Retire' }).click();
      await lead.getByRole('button', { name: 'Ask again' }).waitFor();
      expect(await seriousAxeViolations(lead)).toEqual([]);
      await lead.context().close();
    },
  );

  it(
    'warns the lead of a team too small for results, in Danish; someone who joined later is told they answer next time, in English',
    { timeout: 180_000 },
    async () => {
      const { services } = e2e.kadence.app;
      const small = { slug: 'lillebutik', name: 'Lillebutik' };
      await services.teams.create({ ...small, timezone: 'Europe/Copenhagen' });
      await services.users.create({ email: 'lille.leder@example.dk', name: 'Lone Leder', password: PASSWORD });
      await services.teams.addMember(small.slug, 'lille.leder@example.dk', 'lead');
      await services.teams.addMember(small.slug, 'm1@example.dk', 'member');

      const lead = await signIn('lille.leder@example.dk', 'da-DK', small);
      await lead.getByText('Start en måling').click();
      await lead.getByLabel('Kvartal').fill('2027-Q1');
      await lead.getByRole('button', { name: 'Start måling' }).click();
      const warning = lead.getByTestId('pulse-open-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toBe(
        'Målingen er startet, men resultatet for Lillebutik bliver aldrig vist: kun 2 medlemmer kan svare, og et resultat kræver mindst 5.',
      );
      expect(await seriousAxeViolations(lead)).toEqual([]);
      await lead.context().close();

      // An account added after the round opened sees why it cannot answer, and no answer form.
      await services.teams.addMember(small.slug, 'm2@example.dk', 'member');
      const late = await signIn('m2@example.dk', 'en-GB', small);
      const note = late.getByTestId('pulse-not-eligible');
      await note.waitFor();
      expect(await note.textContent()).toBe(
        'You joined the team after the 2027-Q1 round opened, so you answer from the next round.',
      );
      expect(await late.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
      await late.context().close();
    },
  );
});
