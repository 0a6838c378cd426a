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

  it('shows the team that lost the rhythm first, the rhythm, actions, customers, culture and themes across teams, and follows a theme to a team’s decision', async () => {
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
    // Customers: last month's answers; Kundeservice and Webshop on NPS, Levering on CSAT, never mixed.
    const lastMonth = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 7);
    const answers = (metric: string, scores: number[]) =>
      scores.map((score, index) => ({
        id: `${metric}-${index}`,
        receivedAt: `${lastMonth}-1${index % 9}T10:00:00Z`,
        metric,
        score,
        source: 'app',
        // Promoters say why: the WOW wall quotes them, the phone number masked.
        ...(score >= 9 || (metric === 'csat' && score >= 4)
          ? {
              comment:
                index === 0 ? 'Fantastisk hjælp, ring gerne på 12 34 56 78' : `Rigtig god service ${metric} ${index}`,
            }
          : {}),
      }));
    const kundeservice = await services.teams.bySlug('kundeservice');
    await services.imports.ingestBatch(kundeservice, answers('nps', [10, 10, 10, 9, 3, 7]));
    await services.imports.ingestBatch(await services.teams.bySlug('webshop'), answers('nps', [10, 2, 2, 9]));
    await services.imports.ingestBatch(await services.teams.bySlug('levering'), answers('csat', [5, 4, 4, 3, 5]));
    db.prepare(
      `INSERT INTO actions (team_id, title, status, effect_metric, created_at, done_at) VALUES (?, ?, 'done', 'nps', ?, ?)`,
    ).run(kundeservice.id, 'Ring de utilfredse op', `${lastMonth}-02T10:00:00.000Z`, `${lastMonth}-15T10:00:00.000Z`);
    // Culture: Kundeservice's five answer the pulse; the other teams have one person each, too few to pool.
    const people = [];
    for (const person of ['Anne', 'Bo', 'Carl', 'Dea', 'Emil'])
      people.push(
        await makeMember(e2e.kadence.app, 'kundeservice', `${person.toLowerCase()}@kundeservice.dk`, person, 'member'),
      );
    const opener = await services.users.create({
      email: 'puls@example.dk',
      name: 'Puls Admin',
      password: 'a-long-password',
      isAdmin: true,
    });
    const round = await services.pulse.openRound(opener, {
      quarter: '2026-Q4',
      teams: ['kundeservice', 'webshop', 'levering'],
      endsOn: '2099-12-31',
    });
    const asked = (await services.pulse.rounds(opener, 'kundeservice'))[0]?.statements ?? [];
    for (const [index, person] of people.entries())
      await services.pulse.answer(
        { id: person.id, email: '', name: '', isAdmin: false },
        'kundeservice',
        round.id,
        asked.map((statement) => ({ statementId: statement.statementId, score: 3 + (index % 3) })),
      );
    await services.pulse.closeRound(opener, 'kundeservice', round.id);

    // Themes: Kundeservice and Levering each held a review an hour ago (this quarter) with waiting
    // time on the board, named apart ("Ventetid", "Ventetiden"), and each decided something about it.
    const themed = async (slug: string, themes: [number, string][], decision: [number, string, string]) => {
      const team = await services.teams.bySlug(slug);
      const startsAt = new Date(Date.now() - 3_600_000).toISOString();
      const meeting = db
        .prepare(
          `INSERT INTO meetings (team_id, starts_at, ends_at, status, agenda, window_end)
           VALUES (?, ?, ?, 'ended', '[]', ?) RETURNING id`,
        )
        .get(team.id, startsAt, new Date().toISOString(), startsAt) as { id: number };
      const [themeId, title, status] = decision;
      const action = db
        .prepare(
          `INSERT INTO actions (team_id, title, owner_id, due_date, status, theme_id, meeting_id, created_at)
           SELECT ?, ?, (SELECT user_id FROM memberships WHERE team_id = ? AND role = 'lead'), '2026-12-18', ?, ?, ?, ?
           RETURNING id`,
        )
        .get(team.id, title, team.id, status, themeId, meeting.id, startsAt) as { id: number };
      const summary = {
        endedAt: Date.now(),
        attendance: [],
        cards: 4,
        averageScores: [],
        themes: themes.map(([id, name]) => ({ id, name, votes: 3, cards: 2, comments: 1 })),
        decisions: [
          {
            actionId: action.id,
            title,
            ownerId: null,
            ownerName: `Leder ${team.name}`,
            dueDate: '2026-12-18',
            themeId,
            commentIds: [],
            cardIds: [],
            at: Date.now(),
          },
        ],
      };
      db.prepare('UPDATE meetings SET summary = ? WHERE id = ?').run(JSON.stringify(summary), meeting.id);
    };
    await themed(
      'kundeservice',
      [
        [9001, 'Ventetid'],
        [9002, 'Returret'],
      ],
      [9001, 'Ring tilbage inden for en time', 'open'],
    );
    await themed(
      'levering',
      [
        [9101, 'Ventetiden'],
        [9102, 'Emballage'],
      ],
      [9101, 'Sms når pakken er forsinket', 'in_progress'],
    );

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

      // Customers: the unit's pooled NPS above each team's, CSAT apart, and the completed action's marker.
      const customers = page.getByTestId('customers-section');
      await customers.getByRole('heading', { name: 'Kunder' }).waitFor();
      const nps = page.getByTestId('customers-nps');
      expect(await nps.getByTestId('customers-team-row').count()).toBe(2);
      expect(await nps.getByTestId('customers-unit-row').textContent()).toContain('samlet over 2 teams');
      expect(await nps.getByTestId('customers-unit-row').textContent()).toContain('n=10');
      expect(await page.getByTestId('customers-csat').getByTestId('customers-team-row').textContent()).toContain(
        'Levering',
      );
      expect(await page.getByTestId('customers-completed').textContent()).toContain('Ring de utilfredse op');
      // Culture: Kundeservice's round is pooled, the two teams of one person are not.
      const culture = page.getByTestId('culture-section');
      await culture.getByRole('heading', { name: 'Kultur' }).waitFor();
      expect(await page.getByTestId('culture-result').textContent()).toContain('Enheden 2026-Q4 (5 svar)');
      const teams = await page.getByTestId('culture-teams').textContent();
      expect(teams).toContain('For få svar: 0 af mindst 5');
      expect(teams).toContain('Med');
      // No round in the quarter before: each statement says so instead of a change.
      expect(await page.getByTestId('culture-change').first().textContent()).toContain('Ingen runde i 2026-Q3');
      // The customers drawn: the pooled NPS with its band, and the completed action's marker.
      const chart = page.getByTestId('customers-chart-nps');
      expect(await chart.locator('[data-band]').count()).toBe(1);
      expect(await chart.locator('[data-marker]').count()).toBe(1);
      expect(await chart.getByRole('img').getAttribute('aria-label')).toContain('NPS måned for måned');
      // The WOW wall: the promoters' words of all three teams, newest first, masked.
      const wow = page.getByTestId('wow-section');
      await wow.getByRole('heading', { name: 'WOW-væggen' }).waitFor();
      await wow.getByTestId('wow-item').first().waitFor();
      expect(await wow.getByTestId('wow-item').count()).toBe(10);
      const wall = (await wow.textContent()) ?? '';
      expect(wall).toContain('Fantastisk hjælp, ring gerne på [telefon]');
      expect(wall).not.toContain('12 34 56 78');
      for (const name of names) expect(wall).toContain(name);

      // Themes across teams: waiting time, raised by two teams under two names, comes first.
      const themesSection = page.getByTestId('themes-section');
      await themesSection.getByRole('heading', { name: 'Temaer på tværs' }).waitFor();
      const recurring = themesSection.getByTestId('theme').first();
      await recurring.waitFor();
      expect(await recurring.locator('summary').textContent()).toMatch(/Ventetid\s*2 teams · 2 møder/);
      expect(await themesSection.getByTestId('theme').count()).toBe(3);
      await recurring.locator('summary').click();
      expect(await recurring.textContent()).toContain('Også kaldt: Ventetiden');
      const decisions = recurring.getByTestId('theme-decision');
      expect(await decisions.count()).toBe(2);
      expect(await decisions.first().textContent()).toContain('Ring tilbage inden for en time');
      expect(await decisions.first().textContent()).toContain('Åben');
      expect(await decisions.nth(1).textContent()).toContain('Sms når pakken er forsinket');
      expect(await decisions.nth(1).textContent()).toContain('I gang');
      expect(await decisions.nth(1).textContent()).toContain('Leder Levering');
      expect(await decisions.nth(1).textContent()).toContain('Frist 18. dec. 2026');

      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await overlappingControls(page)).toEqual([]);
      expect(await textInOtherLanguage(page, ENGLISH_ONLY, [...names, 'Kundeafdelingen', 'Dorte Direktør'])).toEqual(
        [],
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });

      // The director follows Levering's decision to the team's reviews, a team they have no role in.
      await decisions.nth(1).getByTestId('decision-team').click();
      await page.getByRole('heading', { name: 'Levering · møder og handlinger' }).waitFor();
      const focused = page.locator('[data-testid="unit-team-review"][aria-current="true"]');
      expect(await focused.textContent()).toContain('Ventetiden · Emballage');
      expect(await focused.textContent()).toContain('Sms når pakken er forsinket');
      expect(await focused.textContent()).toContain('Leder Levering');
      expect(await page.getByTestId('unit-team-actions').textContent()).toContain('I gang');
      expect(await page.getByRole('link', { name: 'Tilbage til oversigten for Kundeafdelingen' }).isVisible()).toBe(
        true,
      );
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await overlappingControls(page)).toEqual([]);
      expect(await textInOtherLanguage(page, ENGLISH_ONLY, [...names, 'Kundeafdelingen', 'Dorte Direktør'])).toEqual(
        [],
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${shot.replace('unit-dashboard', 'unit-team')}`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
