import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLiveRepo } from '../../server/live/repo.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { makeMember } from '../helpers/meeting.ts';
import { ENGLISH_ONLY, horizontalOverflow, overlappingControls, textInOtherLanguage } from '../helpers/ui-checks.ts';

const SHOTS = 'reports/screenshots';
const ADMIN = { id: 0, email: '', name: 'admin', isAdmin: true };
const DAY = 86_400_000;

describe('a director opens the dashboard of a department with three teams, in Danish', () => {
  const e2e = useKadenceInChromium();

  it('shows the team that lost the rhythm first, with the rhythm, the actions and the oldest open ones', async () => {
    const { services, db } = e2e.kadence.app;
    const live = createLiveRepo(services.store.db, services.store.dialect);
    const names = ['Kundeservice', 'Webshop', 'Levering'];
    const from = new Date(Date.now() - 200 * DAY).toISOString().slice(0, 10);
    for (const name of names) {
      const team = await services.teams.create({ name, slug: name.toLowerCase() });
      await makeMember(e2e.kadence.app, team.slug, `lead@${team.slug}.dk`, `Leder ${name}`, 'lead');
      await services.meetings.setCadence(
        await services.teams.bySlug(team.slug),
        { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from },
        null,
      );
    }
    // Every review whose hour is over was held, except Webshop's last two: Webshop lost the rhythm.
    const now = new Date().toISOString();
    for (const name of names) {
      const team = await services.teams.bySlug(name.toLowerCase());
      const due = (await services.meetings.meetings(team)).filter((row) => row.ends_at <= now);
      const held = name === 'Webshop' ? due.slice(0, -2) : due;
      for (const row of held) {
        db.prepare("UPDATE meetings SET status = 'ended' WHERE id = ?").run(row.id);
        for (const person of ['a', 'b', 'c'])
          await live.attend(row.id, { key: `u:${person}`, name: person, role: 'member' });
      }
      const last = held.at(-1);
      if (name !== 'Webshop' && last)
        db.prepare(
          `INSERT INTO actions (team_id, title, owner_id, due_date, meeting_id, created_at)
           SELECT ?, ?, (SELECT user_id FROM memberships WHERE team_id = ?), ?, ?, ?`,
        ).run(team.id, `Følg op på ${name.toLowerCase()}`, team.id, '2026-01-05', last.id, last.starts_at);
    }
    const department = await services.units.create(ADMIN, { name: 'Kundeafdelingen' });
    for (const name of names) await services.units.addTeam(ADMIN, department.id, name.toLowerCase());
    const director = await services.users.create({
      email: 'direktor@example.dk',
      name: 'Dorte Direktør',
      password: 'a-long-password',
    });
    await services.units.addLead(ADMIN, department.id, director.email);
    const token = (await services.auth.startSession(director.id)).token;

    mkdirSync(SHOTS, { recursive: true });
    for (const [width, height, shot] of [
      [1280, 900, 'unit-dashboard-da.png'],
      [390, 844, 'unit-dashboard-da-phone.png'],
    ] as const) {
      const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width, height } });
      await context.addCookies([{ name: 'kadence_session', value: token, url: e2e.kadence.url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      await page.goto(e2e.kadence.url);
      await page.getByTestId('home-units').getByRole('link', { name: 'Overblik · Kundeafdelingen' }).click();
      await page.getByRole('heading', { name: 'Overblik · Kundeafdelingen' }).waitFor();
      const rows = page.getByTestId('rhythm-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(3);
      expect(await rows.first().locator('th').textContent()).toContain('Webshop');
      expect(await rows.first().textContent()).toContain('To gennemgange sprunget over');
      expect(await page.getByTestId('lost-count').textContent()).toContain('1 team har tabt rytmen');
      const oldest = page.getByTestId('oldest-table');
      expect(await oldest.textContent()).toContain('Følg op på kundeservice');
      expect(await oldest.textContent()).toContain('5. jan. 2026');
      await page.getByRole('link', { name: 'CSV (dansk Excel)' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(true);

      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await overlappingControls(page)).toEqual([]);
      expect(await textInOtherLanguage(page, ENGLISH_ONLY, [...names, 'Kundeafdelingen', 'Dorte Direktør'])).toEqual(
        [],
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
