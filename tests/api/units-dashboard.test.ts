// Store: SQLite only (writes its fixtures through the SQLite handle; not converted to the store yet)
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/session-client.ts';
import { type Org, buildOrg } from '../helpers/unit-org.ts';

/** The day the figures are read on: Q4 2026, after November's review and before December's. */
const NOW = new Date('2026-12-02T12:00:00Z');

describe('the unit dashboard: rhythm and actions from held and missed reviews', () => {
  let app: FastifyInstance;
  let org: Org;

  /** The team's reviews in 2026, oldest first, as the cadence scheduled them. */
  const reviews = (slug: string) =>
    app.db
      .prepare<[string], { id: number; starts_at: string }>(
        "SELECT m.id, m.starts_at FROM meetings m JOIN teams t ON t.id = m.team_id WHERE t.slug = ? AND m.starts_at < '2027' ORDER BY m.starts_at",
      )
      .all(slug);
  /** Holds the reviews whose months are listed, with `people` attending each (what the live board records). */
  const hold = (slug: string, months: number[], people: number) => {
    for (const row of reviews(slug).filter((entry) => months.includes(new Date(entry.starts_at).getUTCMonth() + 1))) {
      app.db.prepare("UPDATE meetings SET status = 'ended' WHERE id = ?").run(row.id);
      for (let index = 0; index < people; index++)
        app.db
          .prepare("INSERT INTO meeting_attendance (meeting_id, participant, name, role) VALUES (?, ?, ?, 'member')")
          .run(row.id, `u:${slug}-${index}`, `Person ${index}`);
    }
  };
  /** An action decided at the team's review of `month`. */
  const decide = (slug: string, month: number, title: string, fields: { due: string; doneAt?: string }) => {
    const meeting = reviews(slug).find((entry) => new Date(entry.starts_at).getUTCMonth() + 1 === month);
    if (!meeting) throw new Error(`no review in month ${month}`);
    app.db
      .prepare(
        `INSERT INTO actions (team_id, title, owner_id, due_date, status, meeting_id, created_at, done_at)
         SELECT t.id, ?, ?, ?, ?, ?, ?, ? FROM teams t WHERE t.slug = ?`,
      )
      .run(
        title,
        org.userIds.member,
        fields.due,
        fields.doneAt ? 'done' : 'open',
        meeting.id,
        meeting.starts_at,
        fields.doneAt ?? null,
        slug,
      );
  };

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
    for (const slug of ['kundeservice', 'webshop', 'levering']) {
      const set = await org.clients.admin.request('PUT', `/api/teams/${slug}/cadence`, {
        rrule: 'FREQ=MONTHLY;BYDAY=2TU',
        time: '10:00',
        durationMinutes: 60,
        from: '2026-01-01',
      });
      expect(set.statusCode).toBe(200);
    }
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    hold('kundeservice', all, 4);
    // Webshop held until September, then missed October and November: it lost the rhythm.
    hold('webshop', [1, 2, 3, 4, 5, 6, 7, 8, 9], 3);
    // Levering missed September only and is back.
    hold(
      'levering',
      all.filter((month) => month !== 9),
      5,
    );
    decide('kundeservice', 11, 'Ring de utilfredse op', { due: '2026-11-30', doneAt: '2026-11-20T10:00:00.000Z' });
    decide('kundeservice', 11, 'Ny FAQ om fragt', { due: '2026-11-30' });
    decide('levering', 1, 'Skift fragtfirma', { due: '2026-02-01' });
  });
  afterAll(async () => app.close());

  const dashboard = async () =>
    await app.services.unitDashboard.forUnit(await app.services.units.resolve('Department'), NOW);

  it('shows the team that lost the rhythm first, then the others by name, with each team’s figures', async () => {
    const { rhythm } = await dashboard();
    expect(rhythm.teams.map((row) => [row.team.slug, row.lost])).toEqual([
      ['webshop', 'missed_two'],
      ['app', null],
      ['kundeservice', null],
      ['levering', null],
    ]);
    const bySlug = Object.fromEntries(rhythm.teams.map((row) => [row.team.slug, row]));
    expect(bySlug.webshop).toMatchObject({
      quarter: { planned: 2, held: 0 },
      year: { planned: 11, held: 9 },
      streak: 0,
      attendanceAvg: 3,
      unitName: 'Department',
    });
    expect(bySlug.kundeservice).toMatchObject({
      quarter: { planned: 2, held: 2 },
      year: { planned: 11, held: 11 },
      streak: 11,
      attendanceAvg: 4,
      members: 2,
    });
    expect(bySlug.levering).toMatchObject({
      quarter: { planned: 2, held: 2 },
      year: { planned: 11, held: 10 },
      streak: 2,
    });
    // The squad's team below the department counts too; it has no rhythm yet, so none to lose.
    expect(bySlug.app).toMatchObject({ unitName: 'Squad', year: { planned: 0, held: 0 }, attendanceAvg: null });
    expect(rhythm.total).toEqual({
      teams: 4,
      lost: 1,
      quarter: { planned: 6, held: 4 },
      year: { planned: 33, held: 30 },
      attendanceAvg: 4, // (11 × 4 + 9 × 3 + 10 × 5) / 30 = 4.03
    });
  });

  it('says the same as each team’s own cadence health', async () => {
    for (const slug of ['kundeservice', 'webshop', 'levering']) {
      const health = await app.services.meetings.health(await app.services.teams.bySlug(slug), NOW);
      const row = (await dashboard()).rhythm.teams.find((entry) => entry.team.slug === slug);
      expect(row?.streak).toBe(health.streak);
      expect(row?.year.held).toBe(health.held);
    }
  });

  it('reads the cadence health of all the unit’s teams at once as each team’s own, never mixing teams', async () => {
    const teams = await Promise.all(
      ['kundeservice', 'webshop', 'levering', 'app'].map((slug) => app.services.teams.bySlug(slug)),
    );
    const together = await app.services.meetings.healthOfTeams(teams, NOW);
    expect([...together.keys()]).toEqual(teams.map((team) => team.id));
    for (const team of teams) {
      const { templateMinutes, ...alone } = await app.services.meetings.health(team, NOW);
      expect(templateMinutes).toBeGreaterThan(0);
      expect(together.get(team.id)).toEqual(alone);
    }
    // The fixtures give the teams different figures, so a mix-up could not pass unnoticed.
    expect(new Set(teams.map((team) => JSON.stringify(together.get(team.id)))).size).toBe(teams.length);
  });

  it('counts actions decided, done by the next review, open and overdue, and lists the oldest open', async () => {
    const { actions } = await dashboard();
    expect(
      actions.teams.map((row) => [
        row.team.slug,
        row.decided,
        row.doneByNext,
        row.doneByNextPct,
        row.open,
        row.overdue,
      ]),
    ).toEqual([
      ['app', 0, 0, null, 0, 0],
      ['kundeservice', 2, 1, 50, 1, 1],
      ['levering', 1, 0, 0, 1, 1],
      ['webshop', 0, 0, null, 0, 0],
    ]);
    expect(actions.total).toEqual({ decided: 3, doneByNext: 1, doneByNextPct: 33, open: 2, overdue: 2 });
    expect(
      actions.oldestOpen.map((row) => [row.title, row.team.slug, row.ownerName, row.dueDate, row.overdue]),
    ).toEqual([
      ['Skift fragtfirma', 'levering', 'member', '2026-02-01', true],
      ['Ny FAQ om fragt', 'kundeservice', 'member', '2026-11-30', true],
    ]);
  });

  it('serves the dashboard and its CSV tables to the department’s lead, and writes nothing', async () => {
    const before = (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const lead = org.clients.departmentLead;
    const response = await lead.request('GET', `/api/units/${org.units.department}/dashboard`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      unit: { name: string; path: { name: string }[] };
      rhythm: { teams: { team: { slug: string } }[] };
    };
    expect(body.unit).toMatchObject({ name: 'Department', path: [{ name: 'Company' }, { name: 'Division' }] });
    expect(body.rhythm.teams.map((row) => row.team.slug).sort()).toEqual([
      'app',
      'kundeservice',
      'levering',
      'webshop',
    ]);
    const csv = await lead.request(
      'GET',
      `/api/units/${org.units.department}/dashboard/export?table=oldest&delimiter=semicolon`,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[1]).toMatch(/^\d+;Levering;Skift fragtfirma;member;2026-02-01;yes;/);
    const summaries = (
      await lead.request('GET', `/api/units/${org.units.department}/teams/webshop/summaries`)
    ).json() as {
      meetings: unknown[];
    };
    expect(summaries.meetings).toHaveLength(9);
    expect((app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(before);
  });
});
