import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { ENGLISH_ONLY, horizontalOverflow, overlappingControls, textInOtherLanguage } from '../helpers/ui-checks.ts';

const SHOTS = 'reports/screenshots';

describe('the admin builds the organisation in the browser, in Danish', () => {
  const e2e = useKadenceInChromium();

  it('creates a department below the company, places a team in it and makes a director its lead', async () => {
    const { services } = e2e.kadence.app;
    const admin = await services.users.create({
      email: 'admin@example.dk',
      name: 'Anne Admin',
      password: 'a-long-password',
      isAdmin: true,
    });
    await services.users.create({ email: 'direktor@example.dk', name: 'Dorte Direktør', password: 'a-long-password' });
    await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'kadence_session', value: (await services.auth.startSession(admin.id)).token, url: e2e.kadence.url },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(e2e.kadence.url);
    await page.getByRole('link', { name: 'Byg organisationen' }).click();
    await page.getByRole('heading', { name: 'Organisationen' }).waitFor();
    const form = page.getByTestId('unit-create');
    await form.getByLabel('Navn').fill('Koncernen');
    await form.getByRole('button', { name: 'Opret enhed' }).click();
    await page
      .getByTestId('unit')
      .filter({ has: page.locator('strong', { hasText: 'Koncernen' }) })
      .waitFor();
    await form.getByLabel('Navn').fill('Kundeafdelingen');
    await form.getByLabel('Placeret under').selectOption({ label: 'Koncernen' });
    await form.getByRole('button', { name: 'Opret enhed' }).click();
    const department = page.getByTestId('unit').filter({ has: page.locator('strong', { hasText: 'Kundeafdelingen' }) });
    await department.waitFor();
    await department.getByLabel('Tilføj team').selectOption('kundeservice');
    await department.getByRole('button', { name: 'Fjern Kundeservice fra enheden' }).waitFor();
    await department.getByPlaceholder('Tilføj leder (e-mail)').fill('direktor@example.dk');
    await department.getByRole('button', { name: 'Tilføj leder (e-mail)' }).click();
    await department.getByRole('button', { name: 'Fjern Dorte Direktør som leder' }).waitFor();

    const tree = await services.units.list({ id: admin.id, email: admin.email, name: admin.name, isAdmin: true });
    expect(tree.map((unit) => [unit.name, unit.parentId === null ? null : 'below'])).toEqual([
      ['Koncernen', null],
      ['Kundeafdelingen', 'below'],
    ]);
    expect(tree[1]?.teams).toEqual([{ slug: 'kundeservice', name: 'Kundeservice' }]);

    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await overlappingControls(page)).toEqual([]);
    expect(
      await textInOtherLanguage(page, ENGLISH_ONLY, ['Koncernen', 'Kundeafdelingen', 'Kundeservice', 'Dorte Direktør']),
    ).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/units-admin-da.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
