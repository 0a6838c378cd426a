import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../shared/meeting/index.ts';
import type { Action } from '../../shared/schemas/actions.ts';
import type { UnitThemes } from '../../shared/schemas/unit-themes.ts';
import { makeTestApp } from '../helpers/session-client.ts';
import { writeMark } from '../helpers/store-writes.ts';
import { type Org, buildOrg } from '../helpers/unit-org.ts';

/** The day the themes are read on: Q4 2026. */
const NOW = new Date('2026-12-02T12:00:00Z');

/**
 * The tree of tests/helpers/unit-org.ts: Department holds kundeservice, webshop and levering, and
 * the Squad below it holds app; salg sits in the Sibling unit. The held reviews, their boards'
 * themes and the actions decided on them (all teams in Europe/Copenhagen):
 *
 *   kundeservice 2026-10-13  Ventetid (101) → «Ring tilbage inden for en time»; Levering (102) → «Ny fragtaftale» (only in the actions table)
 *   kundeservice 2026-11-10  ventetiden (103) → «Fast svartid på mails» (done)
 *   webshop      2026-11-11  Lang ventetid (201) → «=Svar, før kunden ringer» (a formula-looking title); Returnering (202)
 *   app          2026-10-20  Ventetid (301)                       (the Squad, below the Department)
 *   levering     2026-09-30T22:30Z, 00:30 on 1 October in Copenhagen: Pakker (401)
 *   levering     2026-09-15  Ventetid (402)                        (Q3)
 *   salg         2026-11-12  Ventetid (501), Salgsmateriale (502)  (the sibling unit: never in the Department)
 *   webshop      2026-11-25  live, no summary yet: Ventetid       (not held: not counted)
 *
 * By hand, Q4 for the Department: Ventetid 3 teams (kundeservice 2 reviews, webshop 1, app 1) and
 * 4 reviews, with 3 decisions; then Levering, Pakker and Returnering, each 1 team and 1 review.
 */
describe('the unit dashboard’s themes across teams', () => {
  let app: FastifyInstance;
  let org: Org;
  const actionIds: Record<string, number> = {};

  const db = () => app.services.store.db;
  const teamId = async (slug: string) =>
    (await db().selectFrom('teams').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  async function review(
    slug: string,
    startsAt: string,
    themes: { id: number; name: string }[],
    decisions: { key: string; title: string; themeId: number | null; status?: Action['status']; due?: string | null }[],
    options: { inSummary?: boolean; held?: boolean } = {},
  ): Promise<number> {
    const team = await teamId(slug);
    const meeting = await db()
      .insertInto('meetings')
      .values({
        team_id: team,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        status: options.held === false ? 'live' : 'ended',
        agenda: '[]',
        window_end: startsAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary: MeetingSummary = {
      endedAt: Date.parse(startsAt) + 3_600_000,
      attendance: [],
      cards: 0,
      averageScores: [],
      themes: themes.map((theme) => ({ ...theme, votes: 1, cards: 1, comments: 0 })),
      decisions: [],
    };
    for (const decision of decisions) {
      const row = await db()
        .insertInto('actions')
        .values({
          team_id: team,
          title: decision.title,
          owner_id: decision.due === null ? null : org.userIds.member,
          due_date: decision.due === undefined ? '2026-12-18' : decision.due,
          status: decision.status ?? 'open',
          done_at: decision.status === 'done' ? '2026-11-20T10:00:00.000Z' : null,
          theme_id: decision.themeId,
          meeting_id: meeting.id,
          created_at: startsAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      actionIds[decision.key] = row.id;
      if (options.inSummary !== false && decision.key !== 'fragt')
        summary.decisions.push({
          actionId: row.id,
          title: decision.title,
          ownerId: null,
          ownerName: null,
          dueDate: null,
          themeId: decision.themeId,
          commentIds: [],
          cardIds: [],
          at: Date.parse(startsAt),
        });
    }
    if (options.held !== false)
      await db()
        .updateTable('meetings')
        .set({ summary: JSON.stringify(summary) })
        .where('id', '=', meeting.id)
        .execute();
    return meeting.id;
  }

  const meetings: Record<string, number> = {};

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
    meetings.ks1 = await review(
      'kundeservice',
      '2026-10-13T08:00:00.000Z',
      [
        { id: 101, name: 'Ventetid' },
        { id: 102, name: 'Levering' },
      ],
      [
        { key: 'ring', title: 'Ring tilbage inden for en time', themeId: 101 },
        // Decided on the theme but not in the summary (added after the review): still a decision on it.
        { key: 'fragt', title: 'Ny fragtaftale', themeId: 102 },
        { key: 'loose', title: 'Uden tema', themeId: null },
      ],
    );
    meetings.ks2 = await review(
      'kundeservice',
      '2026-11-10T09:00:00.000Z',
      [{ id: 103, name: 'ventetiden' }],
      [{ key: 'mails', title: 'Fast svartid på mails', themeId: 103, status: 'done' }],
    );
    meetings.web = await review(
      'webshop',
      '2026-11-11T09:00:00.000Z',
      [
        { id: 201, name: 'Lang ventetid' },
        { id: 202, name: 'Returnering' },
      ],
      [{ key: 'svar', title: '=Svar, før kunden ringer', themeId: 201, status: 'in_progress', due: null }],
    );
    meetings.app = await review('app', '2026-10-20T08:00:00.000Z', [{ id: 301, name: 'Ventetid' }], []);
    meetings.lev = await review('levering', '2026-09-30T22:30:00.000Z', [{ id: 401, name: 'Pakker' }], []);
    meetings.levQ3 = await review('levering', '2026-09-15T08:00:00.000Z', [{ id: 402, name: 'Ventetid' }], []);
    await review(
      'salg',
      '2026-11-12T09:00:00.000Z',
      [
        { id: 501, name: 'Ventetid' },
        { id: 502, name: 'Salgsmateriale' },
      ],
      [{ key: 'salg', title: 'Nyt salgsmateriale', themeId: 502 }],
    );
    await review('webshop', '2026-11-25T09:00:00.000Z', [{ id: 203, name: 'Ventetid' }], [], { held: false });
  });
  afterAll(async () => app.close());

  const themes = async (unit: number, quarter?: string): Promise<UnitThemes> =>
    app.services.unitDashboard.themes(await app.services.units.resolve(String(unit)), quarter, NOW);

  it('lists the quarter’s themes most teams first, matched across case, inflection and a word', async () => {
    const result = await themes(org.units.department);
    expect({ quarter: result.quarter, from: result.from, to: result.to }).toEqual({
      quarter: '2026Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect({ teams: result.teams, teamsWithThemes: result.teamsWithThemes }).toEqual({ teams: 4, teamsWithThemes: 4 });
    expect(result.themes.map((theme) => [theme.name, theme.teamCount, theme.meetingCount])).toEqual([
      ['Ventetid', 3, 4],
      ['Levering', 1, 1],
      ['Pakker', 1, 1],
      ['Returnering', 1, 1],
    ]);
    const waiting = result.themes[0];
    expect(waiting?.names).toEqual(['Lang ventetid', 'Ventetid', 'ventetiden']);
    expect(waiting?.teams.map((row) => [row.team.slug, row.meetings, row.meetingIds])).toEqual([
      ['kundeservice', 2, [meetings.ks2, meetings.ks1]],
      ['app', 1, [meetings.app]],
      ['webshop', 1, [meetings.web]],
    ]);
  });

  it('says what each team decided about a theme, as the actions stand now', async () => {
    const result = await themes(org.units.department);
    const waiting = result.themes.find((theme) => theme.name === 'Ventetid');
    expect(
      waiting?.decisions.map((decision) => [
        decision.title,
        decision.team.slug,
        decision.ownerName,
        decision.status,
        decision.dueDate,
        decision.meetingId,
      ]),
    ).toEqual([
      ['Ring tilbage inden for en time', 'kundeservice', 'member', 'open', '2026-12-18', meetings.ks1],
      ['Fast svartid på mails', 'kundeservice', 'member', 'done', '2026-12-18', meetings.ks2],
      ['=Svar, før kunden ringer', 'webshop', null, 'in_progress', null, meetings.web],
    ]);
    // An action that carries the review and the theme counts, though the summary was kept before it.
    expect(result.themes.find((theme) => theme.name === 'Levering')?.decisions.map((d) => d.actionId)).toEqual([
      actionIds.fragt,
    ]);
    // An action with no theme is no decision on any theme.
    const all = result.themes.flatMap((theme) => theme.decisions.map((decision) => decision.actionId));
    expect(all).not.toContain(actionIds.loose);
  });

  it('lists a theme raised by one team only as one team, the review counted by its day in the team’s zone', async () => {
    const result = await themes(org.units.department);
    const parcels = result.themes.find((theme) => theme.name === 'Pakker');
    expect(parcels?.teamCount).toBe(1);
    expect(parcels?.teams).toEqual([
      {
        team: { slug: 'levering', name: 'Levering', timezone: 'Europe/Copenhagen' },
        meetings: 1,
        meetingIds: [meetings.lev],
      },
    ]);
    expect(parcels?.decisions).toEqual([]);
  });

  it('never shows a sibling unit’s themes, and reads another quarter when asked', async () => {
    const result = await themes(org.units.department);
    expect(result.themes.map((theme) => theme.name)).not.toContain('Salgsmateriale');
    expect(result.themes.flatMap((theme) => theme.teams.map((row) => row.team.slug))).not.toContain('salg');
    const q3 = await themes(org.units.department, '2026Q3');
    expect(q3.themes.map((theme) => [theme.name, theme.teamCount, theme.meetingCount])).toEqual([['Ventetid', 1, 1]]);
    expect(q3.themes[0]?.teams[0]?.team.slug).toBe('levering');
    // The pulse's way of writing a quarter is read too.
    expect((await themes(org.units.department, '2026-Q3')).quarter).toBe('2026Q3');
    // The sibling's own lead sees the sibling's themes, and only those.
    const sibling = await themes(org.units.sibling);
    expect(sibling.themes.map((theme) => [theme.name, theme.teamCount])).toEqual([
      ['Salgsmateriale', 1],
      ['Ventetid', 1],
    ]);
  });

  it('serves the section over HTTP, refuses a malformed quarter with a clear message, and writes nothing', async () => {
    const lead = org.clients.departmentLead;
    const before = await writeMark(app.services.store);
    const ok = await lead.request('GET', `/api/units/${org.units.department}/dashboard/themes?quarter=2026Q4`);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as UnitThemes).themes.map((theme) => theme.name)).toEqual([
      'Ventetid',
      'Levering',
      'Pakker',
      'Returnering',
    ]);
    for (const bad of ['2026Q5', '26Q1', 'Q3-2026', 'x'])
      expect(
        (await lead.request('GET', `/api/units/${org.units.department}/dashboard/themes?quarter=${bad}`)).json(),
        bad,
      ).toEqual({
        error: {
          code: 'VALIDATION',
          message: `quarter must be a year and a quarter written as 2026Q3; "${bad}" is not`,
        },
      });
    expect(
      (await lead.request('GET', `/api/units/${org.units.department}/dashboard/themes?quarter=2026Q5`)).statusCode,
    ).toBe(400);
    expect(await writeMark(app.services.store)).toBe(before);
  });

  it('exports the themes as CSV, one line per theme, team and decision, formula-looking cells neutralised', async () => {
    const lead = org.clients.departmentLead;
    const csv = await lead.request(
      'GET',
      `/api/units/${org.units.department}/dashboard/export?table=themes&quarter=2026Q4`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 9)).toEqual([
      'quarter,theme,names,teams,meetings,team,team_meetings,action,owner,status,due_date',
      '2026Q4,Ventetid,Lang ventetid | Ventetid | ventetiden,3,4,Kundeservice,2,Ring tilbage inden for en time,member,open,2026-12-18',
      '2026Q4,Ventetid,Lang ventetid | Ventetid | ventetiden,3,4,Kundeservice,2,Fast svartid på mails,member,done,2026-12-18',
      '2026Q4,Ventetid,Lang ventetid | Ventetid | ventetiden,3,4,App,1,,,,',
      `2026Q4,Ventetid,Lang ventetid | Ventetid | ventetiden,3,4,Webshop,1,"'=Svar, før kunden ringer",,in_progress,`,
      '2026Q4,Levering,Levering,1,1,Kundeservice,1,Ny fragtaftale,member,open,2026-12-18',
      '2026Q4,Pakker,Pakker,1,1,Levering,1,,,,',
      '2026Q4,Returnering,Returnering,1,1,Webshop,1,,,,',
      '',
    ]);
    const semicolon = await lead.request(
      'GET',
      `/api/units/${org.units.department}/dashboard/export?table=themes&delimiter=semicolon`,
    );
    expect(semicolon.body).toContain(";'=Svar, før kunden ringer;;in_progress;");
    expect(
      (await lead.request('GET', `/api/units/${org.units.department}/dashboard/export?table=themes&quarter=nu`))
        .statusCode,
    ).toBe(400);
  });
});
