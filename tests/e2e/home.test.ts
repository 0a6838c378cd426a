import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLiveRepo } from '../../server/live/repo.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { AGENDA, inLanguage, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';

describe('home and the meeting archive in Danish, in Chromium', () => {
  const e2e = useKadenceInChromium();

  it('shows Mo the next review and his open action, and the archive links to a held review’s summary', async () => {
    const { services, db } = e2e.kadence.app;
    const team = await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const mo = await makeMember(e2e.kadence.app, 'kundeservice', 'mo@example.dk', 'Mo Madsen', 'member');
    await makeMember(e2e.kadence.app, 'kundeservice', 'lea@example.dk', 'Lea Lund', 'lead');
    const day = 86_400_000;
    const meeting = db.prepare(
      'INSERT INTO meetings (team_id, starts_at, ends_at, agenda, window_end) VALUES (?, ?, ?, ?, ?)',
    );
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const held = Number(
      meeting.run(
        team.id,
        at(-30 * day),
        at(-30 * day + 3_600_000),
        JSON.stringify(inLanguage(AGENDA, team.language)),
        at(-30 * day),
      ).lastInsertRowid,
    );
    meeting.run(
      team.id,
      at(7 * day),
      at(7 * day + 3_600_000),
      JSON.stringify(inLanguage(AGENDA, team.language)),
      at(7 * day),
    );
    await services.actions.repo.create({
      teamId: team.id,
      title: 'Ring til fragtfirmaet',
      ownerId: mo.id,
      dueDate: '2030-01-31',
      effectMetric: 'nps',
      createdBy: mo.id,
    });
    const live = createLiveRepo(services.store.db, services.store.dialect);
    await live.attend(held, { key: `u:${mo.id}`, name: 'Mo Madsen', role: 'member' });
    await live.attend(held, { key: `u:${mo.id}`, name: 'Mo Madsen', role: 'member' });
    await live.end(
      held,
      JSON.stringify({
        endedAt: Date.now() - 30 * day + 3_600_000,
        attendance: await live.attendance(held),
        cards: 0,
        averageScores: [],
        themes: [{ id: 1, name: 'Levering', votes: 3, cards: 0, comments: 0 }],
        decisions: [
          {
            actionId: 1,
            title: 'Ring til fragtfirmaet',
            ownerId: mo.id,
            ownerName: 'Mo Madsen',
            dueDate: '2030-01-31',
            themeId: 1,
            commentIds: [],
            cardIds: [],
            at: 0,
          },
        ],
      }),
    );

    const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 800 } });
    const [name, value] = mo.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: e2e.kadence.url }]);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(SHOTS, { recursive: true });

    await page.goto(e2e.kadence.url);
    await page.getByRole('heading', { name: 'Hej Mo Madsen' }).waitFor();
    const reviews = page.getByTestId('next-reviews');
    await reviews.getByRole('heading', { name: 'Dine næste gennemgange' }).waitFor();
    await reviews.getByRole('link', { name: 'Deltag' }).waitFor();
    expect(await reviews.getByRole('link', { name: 'Forbered tavlen' }).count()).toBe(0);
    expect(await reviews.textContent()).toContain('Kundeservice');
    const actions = page.getByTestId('open-actions');
    await actions.getByRole('link', { name: 'Ring til fragtfirmaet' }).waitFor();
    expect(await actions.textContent()).toContain('frist 31. jan. 2030');
    expect(await page.getByTestId('team-rhythm').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/home-da.png`, fullPage: true });

    await page.getByRole('link', { name: 'Kundeservice', exact: true }).click();
    await page.getByRole('link', { name: 'Tidligere gennemgange' }).click();
    await page.getByRole('heading', { name: 'Tidligere gennemgange' }).waitFor();
    const archive = page.getByTestId('archive');
    expect(await archive.getByRole('listitem').first().textContent()).toContain('Deltagere: 1');
    expect(await archive.textContent()).toContain('Levering');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/archive-da.png`, fullPage: true });

    await archive.getByRole('link', { name: /^Opsummering af / }).click();
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('summary-team').textContent()).toBe('Kundeservice');
    expect(page.url()).toContain(`/meetings/${held}/summary`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
