import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { makeMember } from '../helpers/meeting.ts';
import { horizontalOverflow, overlappingControls } from '../helpers/ui-checks.ts';

const SHOTS = 'reports/screenshots';
const ADMIN = { id: 0, email: '', name: 'admin', isAdmin: true };

describe('a team lead keeps a card off the unit’s WOW wall, on a phone in Danish', () => {
  const e2e = useKadenceInChromium();

  it('shows the team’s praise, keeps one off the wall and puts it back', async () => {
    const { services } = e2e.kadence.app;
    const team = await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const lead = await makeMember(e2e.kadence.app, team.slug, 'lead@kundeservice.dk', 'Lise Leder', 'lead');
    await services.imports.ingestBatch(await services.teams.bySlug(team.slug), [
      {
        id: 'a',
        receivedAt: '2026-11-20T10:00:00Z',
        metric: 'nps',
        score: 10,
        comment: 'Mette var fantastisk',
        source: 'app',
      },
      {
        id: 'b',
        receivedAt: '2026-11-18T10:00:00Z',
        metric: 'nps',
        score: 9,
        comment: 'Hurtig levering',
        source: 'app',
      },
      {
        id: 'c',
        receivedAt: '2026-11-19T10:00:00Z',
        metric: 'nps',
        score: 2,
        comment: 'Alt for langsomt',
        source: 'app',
      },
    ]);
    const unit = await services.units.create(ADMIN, { name: 'Kundeafdelingen' });
    await services.units.addTeam(ADMIN, unit.id, team.slug);
    const onWall = async () =>
      (await services.wowWall.forUnit(await services.units.resolve('Kundeafdelingen'))).items.map((item) => item.quote);

    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 } });
    await context.addCookies([
      { name: 'kadence_session', value: lead.cookie.split('=')[1] ?? '', url: e2e.kadence.url },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${e2e.kadence.url}/#/teams/kundeservice`);
    const panel = page.getByTestId('team-wow');
    await panel.getByRole('heading', { name: 'På WOW-væggen' }).waitFor();
    const items = panel.getByTestId('team-wow-item');
    await items.first().waitFor();
    // The promoters, newest first; the detractor is not praise.
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('Mette var fantastisk'),
      expect.stringContaining('Hurtig levering'),
    ]);
    await items.first().getByRole('button', { name: 'Hold væk fra væggen' }).click();
    await items.first().getByText('Holdt væk fra væggen').waitFor();
    expect(await onWall()).toEqual(['Hurtig levering']);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await overlappingControls(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await panel.screenshot({ path: `${SHOTS}/team-wow-da-phone.png` });

    await items.first().getByRole('button', { name: 'Sæt på væggen igen' }).click();
    await expect.poll(() => items.first().getByText('Holdt væk fra væggen').count()).toBe(0);
    expect(await onWall()).toEqual(['Mette var fantastisk', 'Hurtig levering']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
