import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';

/** A Danish Excel-style export whose date column has a name Kadence cannot guess. */
function exportFile(): string {
  const now = new Date();
  const month = `${String(now.getMonth() + 1).padStart(2, '0')}.${now.getFullYear()}`;
  const rows = [10, 9, 9, 8, 6, 3, 10, 7].map(
    (score, index) => `0${1 + index}.${month} 10:00;${score};Kommentar ${index + 1} om leveringen`,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'kadence-upload-')), 'nps-eksport.csv');
  writeFileSync(path, `Hvornår;Hvor sandsynligt er det at du vil anbefale os?;Begrundelse\n${rows.join('\n')}\n`);
  return path;
}

/** A Danish Excel export saved as Windows-1252, with rows that cannot be answers: a phone number for a date, a score above 10, a short row. */
function rejectedRowsFile(): string {
  const text =
    'Dato;NPS;Kundekommentar\r\n01.11.2026;9;God service, tak\r\n+45 12 34 56 78;8;Ok\r\n02.11.2026;11;For høj score\r\n03.11.2026;5\r\n04.11.2026;10;Rigtig fin oplevelse med leveringen\r\n';
  const path = join(mkdtempSync(join(tmpdir(), 'kadence-upload-')), 'afviste.csv');
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
}

/** An English export whose comment column has a name Kadence does not recognise. */
function unrecognisedCommentFile(): string {
  const comments = [
    'The parcel arrived two days late and nobody told me why',
    'Friendly driver, but the box was badly damaged on arrival',
    'I could not pay with my card in the app, it kept crashing',
    'Quick answer from support and they fixed the invoice',
    'Great value for money, I will order again next month',
  ];
  const rows = comments.map((comment, index) => `2026-10-0${index + 1} 12:00,${[9, 6, 2, 10, 8][index]},"${comment}"`);
  const path = join(mkdtempSync(join(tmpdir(), 'kadence-upload-')), 'nps-october.csv');
  writeFileSync(path, `Submitted,NPS,In your own words\n${rows.join('\n')}\n`);
  return path;
}

describe('importing a file through the browser', () => {
  const e2e = useKadenceInChromium();

  beforeAll(async () => {
    const { services } = e2e.kadence.app;
    await services.users.create({
      email: 'lene@example.dk',
      name: 'Lene Leder',
      password: 'correct horse battery',
      isAdmin: true,
    });
    await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice', timezone: 'Europe/Copenhagen' });
    await services.teams.addMember('kundeservice', 'lene@example.dk', 'lead');
  });

  it(
    'uploads, maps the date column, watches the progress bar finish and sees the KPI chart',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      await page.goto(e2e.kadence.url);
      await page.getByLabel('E-mail').fill('lene@example.dk');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('a[href="#/teams/kundeservice"]').first().click();
      await page.getByRole('link', { name: 'Import feedback' }).click();
      await page.getByRole('heading', { name: 'Import feedback' }).waitFor();

      await page.getByLabel('File').setInputFiles(exportFile());
      await page.getByRole('cell', { name: 'Kommentar 1 om leveringen' }).waitFor();
      await page.getByText('Still missing: Date').waitFor();
      expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('combobox', { name: /^Date/ }).selectOption('Hvornår');
      await expect.poll(() => page.getByText('Still missing').count()).toBe(0);
      await page.getByRole('button', { name: 'Import', exact: true }).click();

      await page.getByTestId('import-outcome').waitFor();
      expect(await page.getByTestId('import-outcome').textContent()).toBe('Imported 8, duplicates 0, rejected 0.');
      expect(await page.getByLabel('Import progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
      await page.getByRole('cell', { name: '8 imported · 0 duplicates · 0 rejected' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // 4 promoters, 2 passives, 2 detractors of 8: NPS 25 this month.
      await page.locator('a[href="#/teams/kundeservice"]').first().click();
      const chart = page.getByTestId('kpi-chart');
      await chart.waitFor();
      await expect.poll(() => chart.locator('circle').count()).toBe(1);
      expect(await chart.textContent()).toContain('n=8');
      await page.getByText('Show the numbers as a table').click();
      await page.getByRole('cell', { name: '25', exact: true }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Feedback inbox' }).click();
      await page.getByText('Kommentar 8 om leveringen').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // An improvement action made between meetings, straight from a customer's words.
      const card = page.locator('article.feedback').filter({ hasText: 'Kommentar 8 om leveringen' });
      await card.getByRole('button', { name: 'Make an action' }).click();
      await card.getByLabel('Action', { exact: true }).fill('Sms når pakken er forsinket');
      await card.getByRole('button', { name: 'Create action' }).click();
      await page.getByText('Action created: Sms når pakken er forsinket.').waitFor();
      const created = e2e.kadence.app.db
        .prepare('SELECT a.title, o.kind FROM actions a JOIN action_origins o ON o.action_id = a.id')
        .all();
      expect(created).toEqual([{ title: 'Sms når pakken er forsinket', kind: 'feedback' }]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'warns about an unmapped column of long free text, and imports its comments once it is mapped',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(e2e.kadence.url);
      await page.getByLabel('E-mail').fill('lene@example.dk');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('a[href="#/teams/kundeservice"]').first().click();
      await page.getByRole('link', { name: 'Import feedback' }).click();

      await page.getByLabel('File').setInputFiles(unrecognisedCommentFile());
      const warning = page
        .getByTestId('import-warnings')
        .getByText('The column “In your own words” holds long free text but is not imported.', { exact: false });
      await warning.waitFor();
      expect(await page.getByTestId('import-mapped').textContent()).toBe('Mapped: Date ← Submitted · Score ← NPS');
      expect(await page.getByTestId('import-unmapped').textContent()).toBe(
        'Not imported (no field chosen): In your own words',
      );
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('combobox', { name: /^Comment/ }).selectOption('In your own words');
      await expect.poll(() => page.getByTestId('import-warnings').count()).toBe(0);
      await expect.poll(() => page.getByTestId('import-unmapped').count()).toBe(0);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-outcome').waitFor();
      expect(await page.getByTestId('import-outcome').textContent()).toBe('Imported 5, duplicates 0, rejected 0.');
      const comments = e2e.kadence.app.db
        .prepare("SELECT comment FROM feedback WHERE received_at LIKE '2026-10-%' ORDER BY received_at")
        .all() as { comment: string }[];
      expect(comments.map((row) => row.comment)).toEqual([
        'The parcel arrived two days late and nobody told me why',
        'Friendly driver, but the box was badly damaged on arrival',
        'I could not pay with my card in the app, it kept crashing',
        'Quick answer from support and they fixed the invoice',
        'Great value for money, I will order again next month',
      ]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'names the tool and the encoding and lists rejected rows in Danish, with masks, scales and plural forms',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(e2e.kadence.url);
      await page.getByLabel('E-mail').fill('lene@example.dk');
      await page.getByLabel('Adgangskode').fill('correct horse battery');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.locator('a[href="#/teams/kundeservice"]').first().click();
      await page.getByRole('link', { name: 'Importér feedback' }).first().click();

      await page.getByLabel('Fil', { exact: true }).setInputFiles(rejectedRowsFile());
      await page.getByTestId('import-recognised').waitFor();
      expect(await page.getByTestId('import-recognised').textContent()).toBe(
        'Læst som CSV i Windows-1252, genkendt som en almindelig tabel.',
      );
      await page.getByRole('button', { name: 'Importér', exact: true }).click();
      await expect
        .poll(() => page.getByTestId('import-outcome').textContent())
        .toBe('Importeret 2, dubletter 0, afvist 3.');
      expect(await page.getByTestId('import-rejected').locator('li').allTextContents()).toEqual([
        'Linje 3: “[telefon]” er ikke en dato, Kadence kan læse',
        'Linje 4: scoren 11 ligger uden for 0–10 for NPS',
        'Linje 5: rækken har 2 felter; overskriften har 3',
      ]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'reports/screenshots/import-rejected-da.png', fullPage: true });

      await page.evaluate(() => localStorage.setItem('kadence.lang', 'en'));
      await page.reload();
      await page.getByLabel('File', { exact: true }).setInputFiles(rejectedRowsFile());
      await page.getByText('Read as CSV in Windows-1252, recognised as a general table').waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'a Google Play review that comes back with new stars and a reply is counted as updated and shown edited, in Danish',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));

      await page.goto(e2e.kadence.url);
      await page.getByLabel('E-mail').fill('lene@example.dk');
      await page.getByLabel('Adgangskode').fill('correct horse battery');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.locator('a[href="#/teams/kundeservice"]').first().click();
      await page.getByRole('link', { name: 'Importér feedback' }).first().click();
      for (const [name, outcome] of [
        ['google-play.csv', 'Importeret 2, dubletter 0, afvist 0.'],
        ['google-play-later.csv', 'Importeret 1, opdateret 1, dubletter 1, afvist 0.'],
      ] as const) {
        await page.getByLabel('Fil', { exact: true }).setInputFiles(fixture(name));
        await page.getByText('genkendt som Google Play').waitFor();
        await page.getByRole('button', { name: 'Importér', exact: true }).click();
        await expect.poll(() => page.getByTestId('import-outcome').textContent()).toBe(outcome);
      }
      await page.getByRole('cell', { name: '1 importeret · 1 opdateret · 1 dublet · 0 afvist' }).waitFor();

      await page.goto(`${e2e.kadence.url}/#/teams/kundeservice/feedback`);
      const card = page.locator('article.feedback').filter({ hasText: 'Betalingen virker nu' });
      await card.getByText('redigeret (var 2★)').waitFor();
      await card.getByText('Tak for beskeden! Version 4.1.5 retter fejlen ved betaling.').waitFor();
      expect(await page.locator('article.feedback').filter({ hasText: 'Love it' }).getByText('redigeret').count()).toBe(
        0,
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'reports/screenshots/inbox-edited.png', fullPage: true });
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
