import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';

describe('setting the rhythm in Chromium', () => {
  const e2e = useKadenceInChromium();

  beforeAll(async () => {
    const { services } = e2e.kadence.app;
    await services.users.create({ email: 'lead@example.dk', name: 'Lene Leder', password: 'correct horse battery' });
    await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice', timezone: 'Europe/Copenhagen' });
    await services.teams.addMember('kundeservice', 'lead@example.dk', 'lead');
    // Feedback from the last weeks, so the next review has something waiting.
    const team = await services.teams.bySlug('kundeservice');
    await services.imports.ingestBatch(
      team,
      Array.from({ length: 45 }, (_, index) => ({
        id: `f${index}`,
        receivedAt: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
        metric: 'nps' as const,
        score: index % 11,
        comment: `Svar nummer ${index}`,
        source: index % 2 ? 'trustpilot' : 'webshop',
      })),
    );
  });

  it(
    'sets a cadence, downloads the calendar, prepares the next board and sees the cadence health',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${e2e.kadence.url}/#/teams/kundeservice`);
      await page.getByLabel('E-mail').fill('lead@example.dk');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('No cadence yet').waitFor();
      await page.getByRole('link', { name: 'Cadence and agenda' }).click();

      await page.getByRole('combobox', { name: /^Which/ }).selectOption('-1');
      await page.getByRole('combobox', { name: /^Weekday/ }).selectOption('TH');
      await page.getByLabel('Start time').fill('14:00');
      await page.getByRole('button', { name: 'Save cadence' }).click();
      await page.getByText('Saved: FREQ=MONTHLY;BYDAY=-1TH at 14:00.').waitFor();
      await page.getByText('Total 60 of 60 minutes').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The agenda editor warns when the steps do not fill the meeting.
      await page.getByLabel('Minutes 7').fill('10');
      await page.getByText('The agenda does not fill the meeting’s 60 minutes exactly.').waitFor();
      await page.getByLabel('Minutes 7').fill('3');

      await page.getByRole('button', { name: 'Make a new feed address' }).click();
      const feedUrl = await page.getByTestId('feed-url').inputValue();
      const feed = await (await fetch(feedUrl)).text();
      expect(feed).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1TH');
      expect(feed).toContain('BEGIN:VTIMEZONE');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Add to calendar (.ics)' }).first().click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^kadence-meeting-\d+\.ics$/);

      await page.getByTestId('cadence-health').waitFor();
      expect(await page.getByTestId('cadence-health').textContent()).toContain('Current streak: 0 in a row');

      await page.getByRole('link', { name: 'Kundeservice' }).click();
      await page.getByTestId('next-meeting').waitFor();
      await page.getByText('45 feedback items arrived since the last review').waitFor();
      await page.getByRole('link', { name: 'Prepare the board' }).click();
      await page.getByTestId('board-arrived').waitFor();
      await page.getByRole('button', { name: 'Propose a board' }).click();
      await page.getByRole('heading', { name: 'On the board (30)' }).waitFor();
      await page.getByRole('button', { name: 'Take off the board' }).first().click();
      await page.getByRole('heading', { name: 'On the board (29)' }).waitFor();
      await page.getByRole('button', { name: 'Put on the board' }).first().click();
      await page.getByRole('heading', { name: 'On the board (30)' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // A lead sees the rhythm of every team they lead side by side.
      await page.getByRole('link', { name: 'Rhythm' }).click();
      await page.getByTestId('teams-health').getByRole('rowheader', { name: 'Kundeservice' }).waitFor();
      expect(await page.getByTestId('teams-health').textContent()).toContain('0 / ');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
