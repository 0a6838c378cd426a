import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../server/db/kysely/store.ts';
import { createPeriods } from '../../../server/feedback/periods.ts';
import { createFeedbackRepo, TAG_SEPARATOR, type FeedbackRepo } from '../../../server/feedback/repo.ts';
import { createRollups } from '../../../server/feedback/rollups.ts';
import { createPulseRepo } from '../../../server/pulse/repo.ts';
import { createThemeTrendsRepo } from '../../../server/theme-trends/repo.ts';
import { createThemesRepo } from '../../../server/themes/repo.ts';
import { METRICS, type Metric } from '../../../shared/schemas/imports.ts';
import { onBothStores, type OpenedStore } from '../../helpers/both-stores.ts';

const ZONE = 'Europe/Copenhagen';
const NOW = new Date('2026-12-15T12:00:00Z');

interface Item {
  at: string;
  metric: Metric | null;
  score: number | null;
  source?: string;
  title?: string | null;
  comment?: string | null;
  language?: 'da' | 'en' | null;
  customer?: string | null;
  importId?: number | null;
}

onBothStores('feedback, rollups, pulse and themes repositories', (open) => {
  let opened: OpenedStore;
  let store: Store;
  let repo: FeedbackRepo;
  let team: number;
  let otherTeam: number;
  let lead: number;
  let member: number;
  let dedupe = 0;

  const insertTeam = async (name: string, slug: string) =>
    (
      await store.db
        .insertInto('teams')
        .values({ name, slug, timezone: ZONE })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const insertUser = async (email: string) =>
    (
      await store.db
        .insertInto('users')
        .values({ email, name: email, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const insertImport = async (teamId: number, status: 'running' | 'done') =>
    (
      await store.db
        .insertInto('feedback_imports')
        .values({ team_id: teamId, channel: 'file', preset: 'generic', status })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const insertItem = async (teamId: number, item: Item) =>
    (
      await store.db
        .insertInto('feedback')
        .values({
          team_id: teamId,
          import_id: item.importId ?? null,
          source: item.source ?? 'webshop',
          dedupe_key: `d${dedupe++}`,
          received_at: item.at,
          metric: item.metric,
          score: item.score,
          title: item.title ?? null,
          comment: item.comment ?? null,
          language: item.language ?? null,
          customer_ref: item.customer ?? null,
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  /** The import's index step, as each store's imports repository runs it. */
  const indexAll = async () => {
    if (store.dialect === 'postgres')
      await sql`INSERT INTO feedback_search (feedback_id, document)
        SELECT id, kadence_feedback_document(language, title, comment) FROM feedback
        ON CONFLICT (feedback_id) DO NOTHING`.execute(store.db);
    else
      await sql`INSERT INTO feedback_fts (rowid, title, comment) SELECT id, title, comment FROM feedback
        WHERE id NOT IN (SELECT id FROM feedback_fts_docsize)`.execute(store.db);
  };
  /** The KPI's answers per score, month by month, counted from the rows. */
  const rawMonths = async (teamId: number, metric: Metric, source?: string) => {
    const result = new Map<string, Map<number, number>>();
    for (const period of createPeriods(ZONE).months(24, NOW)) {
      const counts = await repo.scoreCounts({ teamId, metric, source, from: period.start, to: period.end });
      if (counts.size > 0) result.set(period.month, counts);
    }
    return result;
  };
  const fromRollups = async (teamId: number, metric: Metric, source?: string) => {
    const months = createPeriods(ZONE).months(24, NOW);
    const counts = await createRollups(store.db).teamMonths(
      teamId,
      metric,
      months[0]?.month ?? '',
      months[months.length - 1]?.month ?? '',
      source,
    );
    return new Map([...counts].filter(([, cell]) => cell.size > 0));
  };
  const expectRollupsEqualRows = async (teamId: number) => {
    for (const metric of METRICS)
      for (const source of [undefined, 'webshop', 'app'])
        expect(await fromRollups(teamId, metric, source), `${metric} ${source ?? 'all'}`).toEqual(
          await rawMonths(teamId, metric, source),
        );
  };

  let ids: Record<'late' | 'december' | 'october' | 'unscored' | 'hidden' | 'other', number>;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
    repo = createFeedbackRepo(store.db, store.dialect);
    team = await insertTeam('Kundeservice', 'ks');
    otherTeam = await insertTeam('Webshop', 'ws');
    lead = await insertUser('lead@example.dk');
    member = await insertUser('member@example.dk');
    await store.db
      .insertInto('memberships')
      .values([
        { team_id: team, user_id: lead, role: 'lead' },
        { team_id: team, user_id: member, role: 'member' },
      ])
      .execute();
    const running = await insertImport(team, 'running');
    ids = {
      late: await insertItem(team, {
        at: '2026-11-30T22:59:59.999Z', // still November in Copenhagen
        metric: 'nps',
        score: 9,
        title: 'Levering',
        comment: 'Pakken kom for sent',
        language: 'da',
        customer: 'c1',
      }),
      december: await insertItem(team, {
        at: '2026-11-30T23:00:00.000Z', // December's first instant in Copenhagen
        metric: 'nps',
        score: 2,
        source: 'app',
        comment: 'The parcels were delayed',
        language: 'en',
        customer: 'c2',
      }),
      october: await insertItem(team, {
        at: '2026-10-05T10:00:00.000Z',
        metric: 'csat',
        score: 5,
        comment: 'Fragtprisen er høj',
        customer: 'c1',
      }),
      unscored: await insertItem(team, { at: '2026-10-06T10:00:00.000Z', metric: null, score: null, comment: 'Hej' }),
      hidden: await insertItem(team, {
        at: '2026-10-07T10:00:00.000Z',
        metric: 'nps',
        score: 10,
        comment: 'Levering igen',
        importId: running,
      }),
      other: await insertItem(otherTeam, {
        at: '2026-10-08T10:00:00.000Z',
        metric: 'nps',
        score: 0,
        comment: 'Levering',
      }),
    };
    await indexAll();
  });
  afterAll(async () => {
    await opened?.done();
  });

  describe('feedback reads', () => {
    it('pages newest first through visible_feedback, by keyset, one team only', async () => {
      const first = await repo.page({ teamId: team }, null, 2);
      expect(first.map((row) => row.id)).toEqual([ids.december, ids.late]);
      const last = first[first.length - 1];
      if (!last) throw new Error('no page');
      const next = await repo.page({ teamId: team }, { at: last.received_at, id: last.id }, 10);
      expect(next.map((row) => row.id)).toEqual([ids.unscored, ids.october]);
      expect(first[0]).toMatchObject({
        source: 'app',
        received_at: '2026-11-30T23:00:00.000Z',
        metric: 'nps',
        score: 2,
        language: 'en',
        flagged: 0,
        tags: null,
        edited_at: null,
        was_metric: null,
        was_score: null,
      });
    });

    it('filters by time, source, metric, band, language, flag and ids', async () => {
      const found = async (filter: Omit<Parameters<FeedbackRepo['page']>[0], 'teamId'>) =>
        (await repo.page({ teamId: team, ...filter }, null, 50)).map((row) => row.id).sort((a, b) => a - b);
      expect(await found({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:00:00.000Z' })).toEqual([ids.late]);
      expect(await found({ source: 'app' })).toEqual([ids.december]);
      expect(await found({ metric: 'csat' })).toEqual([ids.october]);
      expect(await found({ bands: [{ metric: 'nps', low: 0, high: 6 }] })).toEqual([ids.december]);
      expect(
        await found({
          bands: [
            { metric: 'nps', low: 9, high: 10 },
            { metric: 'csat', low: 4, high: 5 },
          ],
        }),
      ).toEqual([ids.late, ids.october]);
      expect(await found({ language: 'da' })).toEqual([ids.late]);
      expect(await found({ ids: [ids.october, ids.hidden, ids.other] })).toEqual([ids.october]);
      expect(await found({ flagged: true })).toEqual([]);
    });

    it("searches each store's full-text index, words in either language, hidden rows never", async () => {
      const found = async (match: string) =>
        (await repo.page({ teamId: team, match }, null, 50)).map((row) => row.id).sort((a, b) => a - b);
      expect(await found('levering')).toEqual([ids.late]);
      expect(await found('Pakken sent')).toEqual([ids.late]);
      expect(await found('parcels delayed')).toEqual([ids.december]);
      expect(await found('fragtprisen')).toEqual([ids.october]);
      expect(await found('"; DROP TABLE feedback; --')).toEqual([]);
      expect(await found('nothing-like-this')).toEqual([]);
    });

    it('counts answers per score for a KPI', async () => {
      expect(await repo.scoreCounts({ teamId: team, metric: 'nps' })).toEqual(
        new Map([
          [9, 1],
          [2, 1],
        ]),
      );
      expect(await repo.scoreCounts({ teamId: team, metric: 'nps', source: 'webshop' })).toEqual(new Map([[9, 1]]));
    });

    it('tags, flags and reads items by id with their tags', async () => {
      expect(await repo.addTag(team, ids.late, 'levering')).toBe(1);
      expect(await repo.addTag(team, ids.late, 'levering')).toBe(0);
      expect(await repo.addTag(team, ids.late, 'pris')).toBe(1);
      expect(await repo.addTag(otherTeam, ids.late, 'pris')).toBe(0);
      expect(await repo.addTag(team, ids.hidden, 'skjult')).toBe(0);
      expect(await repo.setFlag(team, ids.late, true)).toBe(1);
      expect(await repo.setFlag(otherTeam, ids.late, true)).toBe(0);
      const [row] = await repo.byIds(team, [ids.late, ids.other]);
      expect(row?.id).toBe(ids.late);
      expect(row?.flagged).toBe(1);
      expect(row?.tags?.split(TAG_SEPARATOR).sort()).toEqual(['levering', 'pris']);
      expect(await repo.byIds(team, [])).toEqual([]);
      expect((await repo.page({ teamId: team, tag: 'pris' }, null, 10)).map((item) => item.id)).toEqual([ids.late]);
      expect((await repo.page({ teamId: team, flagged: true }, null, 10)).map((item) => item.id)).toEqual([ids.late]);
      expect(await repo.tags(team)).toEqual(['levering', 'pris']);
      expect(await repo.removeTag(team, ids.late, 'pris')).toBe(1);
      expect(await repo.removeTag(otherTeam, ids.late, 'levering')).toBe(0);
      expect(await repo.tags(team)).toEqual(['levering']);
      expect(await repo.sources(team)).toEqual(['app', 'webshop']);
    });

    it('finds a rating that changed after a reply from the history', async () => {
      const done = await insertImport(team, 'done');
      const replied = await insertItem(team, { at: '2026-09-01T10:00:00.000Z', metric: 'rating', score: 5 });
      await store.db
        .updateTable('feedback')
        .set({ reply: 'Tak!', replied_at: '2026-09-02T10:00:00.000Z', received_at: '2026-09-03T10:00:00.000Z' })
        .where('id', '=', replied)
        .execute();
      await store.db
        .insertInto('feedback_item_history')
        .values({
          feedback_id: replied,
          import_id: done,
          changed_at: '2026-09-03T11:00:00.000Z',
          received_at: '2026-09-01T10:00:00.000Z',
          metric: 'rating',
          score: 2,
          original: '{}',
        })
        .execute();
      const rows = await repo.page({ teamId: team, ratingAfterReply: true }, null, 10);
      expect(rows.map((row) => row.id)).toEqual([replied]);
      expect(rows[0]).toMatchObject({ edited_at: '2026-09-03T11:00:00.000Z', was_metric: 'rating', was_score: 2 });
    });
  });

  describe('monthly rollups', () => {
    it('equal the raw computation after a rebuild, in the team’s months', async () => {
      await store.transaction((trx) => createRollups(trx).rebuild(team));
      await expectRollupsEqualRows(team);
      // The last instant of November in Copenhagen is November's, the next one December's.
      expect(await fromRollups(team, 'nps')).toEqual(
        new Map([
          ['2026-11', new Map([[9, 1]])],
          ['2026-12', new Map([[2, 1]])],
        ]),
      );
    });

    it('follow an import marked done and then undone, inside its transaction', async () => {
      const importId = await insertImport(team, 'running');
      await insertItem(team, { at: '2026-08-10T10:00:00.000Z', metric: 'nps', score: 7, importId, source: 'app' });
      await insertItem(team, { at: '2026-08-11T10:00:00.000Z', metric: 'ces', score: 6, importId });
      await store.transaction(async (trx) => {
        await createRollups(trx).importDone(importId);
        await trx.updateTable('feedback_imports').set({ status: 'done' }).where('id', '=', importId).execute();
      });
      expect((await fromRollups(team, 'ces')).get('2026-08')).toEqual(new Map([[6, 1]]));
      await expectRollupsEqualRows(team);
      await store.transaction(async (trx) => {
        await createRollups(trx).importUndone(importId);
        await trx.updateTable('feedback_imports').set({ status: 'undone' }).where('id', '=', importId).execute();
      });
      expect((await fromRollups(team, 'ces')).get('2026-08')).toBeUndefined();
      await expectRollupsEqualRows(team);
    });

    it('lose deleted rows, and several teams are read at once', async () => {
      await store.transaction((trx) => createRollups(trx).rebuild(otherTeam));
      const rollups = createRollups(store.db);
      expect(await rollups.teamsMonths([team, otherTeam], '2026-10', '2026-12')).toEqual([
        { teamId: team, metric: 'csat', month: '2026-10', counts: new Map([[5, 1]]) },
        { teamId: team, metric: 'nps', month: '2026-11', counts: new Map([[9, 1]]) },
        { teamId: team, metric: 'nps', month: '2026-12', counts: new Map([[2, 1]]) },
        { teamId: otherTeam, metric: 'nps', month: '2026-10', counts: new Map([[0, 1]]) },
      ]);
      expect(await rollups.teamsMonths([], '2026-10', '2026-12')).toEqual([]);
      const gone = await insertItem(team, { at: '2026-07-01T10:00:00.000Z', metric: 'nps', score: 1 });
      await store.transaction((trx) => createRollups(trx).rebuild(team));
      await store.transaction(async (trx) => {
        await createRollups(trx).rowsDeleted(team, [gone]);
        await createFeedbackRepo(trx, store.dialect).deleteRows(team, [gone]);
      });
      expect((await fromRollups(team, 'nps')).get('2026-07')).toBeUndefined();
      await expectRollupsEqualRows(team);
    });

    it('are built at start-up for teams without them', async () => {
      await store.db.deleteFrom('feedback_rollups').execute();
      await store.db.deleteFrom('feedback_rollup_zones').execute();
      const rollups = createRollups(store.db);
      expect(await rollups.buildMissing()).toBe(2);
      expect(await rollups.buildMissing()).toBe(0);
      await expectRollupsEqualRows(team);
      await expectRollupsEqualRows(otherTeam);
    });
  });

  describe('erasure steps', () => {
    it('finds a customer’s rows by id range, reads their words and deletes them in one transaction', async () => {
      const last = await repo.lastId();
      expect(last).toBeGreaterThanOrEqual(ids.other);
      expect(await repo.customerRowsIn(team, 'c1', 0, last)).toEqual([ids.late, ids.october].sort((a, b) => a - b));
      expect(await repo.customerRowsIn(team, 'c1', 0, Math.min(ids.late, ids.october))).toHaveLength(1);
      expect(await repo.customerRowsIn(otherTeam, 'c1', 0, last)).toEqual([]);
      const texts = await repo.textsOf(team, [ids.october]);
      expect(texts).toEqual([{ id: ids.october, title: null, comment: 'Fragtprisen er høj' }]);
      const deleted = await store.transaction(async (trx) => {
        const rows = createFeedbackRepo(trx, store.dialect);
        await rows.secureIndexDeletes(true);
        const count = await rows.deleteRows(team, [ids.october, ids.other]);
        await rows.secureIndexDeletes(false);
        return count;
      });
      expect(deleted).toBe(1); // the other team's row is not this team's to erase
      expect(await repo.byIds(team, [ids.october])).toEqual([]);
      expect((await repo.page({ teamId: team, match: 'fragtprisen' }, null, 10)).map((row) => row.id)).toEqual([]);
      expect(await repo.deleteRows(team, [])).toBe(0);
    });
  });

  describe('pulse repository', () => {
    it('keeps statements, opens a round for the members of the moment, and counts answers apart from who gave them', async () => {
      const pulse = createPulseRepo(store.db);
      const before = await pulse.statements(team);
      const workspace = await pulse.insertStatement(null, 'We listen', 'Vi lytter');
      const own = await pulse.insertStatement(team, 'We act', 'Vi handler');
      await pulse.insertStatement(otherTeam, 'Not ours', 'Ikke vores');
      const listed = await pulse.statements(team);
      expect(listed.map((row) => row.id)).toEqual([
        ...before.filter((row) => row.team_id === null).map((row) => row.id),
        workspace,
        ...before.filter((row) => row.team_id !== null).map((row) => row.id),
        own,
      ]);
      expect(await pulse.updateStatement(own, 'We act now', 'Vi handler nu', '2026-12-01T10:00:00.000Z')).toBe(1);
      expect(await pulse.statement(own)).toEqual({
        id: own,
        team_id: team,
        text_en: 'We act now',
        text_da: 'Vi handler nu',
        retired_at: '2026-12-01T10:00:00.000Z',
      });
      expect(await pulse.statement(-1)).toBeUndefined();

      const asked = listed.filter((row) => row.id === workspace || row.id === own);
      const round = await store.transaction((trx) =>
        createPulseRepo(trx).insertRound('2026-Q4', '2026-12-31', lead, [team], asked),
      );
      expect(await pulse.round(round)).toEqual({
        id: round,
        quarter: '2026-Q4',
        ends_on: '2026-12-31',
        closed_at: null,
      });
      expect(await pulse.roundsOfTeam(team)).toEqual([await pulse.round(round)]);
      expect(await pulse.roundsOfTeam(otherTeam)).toEqual([]);
      expect(await pulse.roundTeams(round)).toEqual([team]);
      expect(await pulse.roundStatements(round)).toEqual([
        { statementId: workspace, textEn: 'We listen', textDa: 'Vi lytter' },
        // The round keeps the texts it was opened with.
        { statementId: own, textEn: 'We act', textDa: 'Vi handler' },
      ]);
      expect(await pulse.openForTeamQuarter(team, '2026-Q4')).toBe(true);
      expect(await pulse.openForTeamQuarter(otherTeam, '2026-Q4')).toBe(false);
      expect(await pulse.eligible(round, team)).toBe(2);
      expect(await pulse.isEligible(round, team, member)).toBe(true);
      const newcomer = await insertUser('new@example.dk');
      expect(await pulse.isEligible(round, team, newcomer)).toBe(false);

      await store.transaction((trx) =>
        createPulseRepo(trx).recordAnswers(round, member, team, [
          { statementId: workspace, score: 4, comment: 'Godt' },
          { statementId: own, score: 2, comment: null },
        ]),
      );
      await store.transaction((trx) =>
        createPulseRepo(trx).recordAnswers(round, lead, team, [
          { statementId: workspace, score: 4, comment: 'Altid' },
          { statementId: own, score: 5, comment: '' },
        ]),
      );
      expect(await pulse.hasAnswered(round, member)).toBe(true);
      expect(await pulse.hasAnswered(round, newcomer)).toBe(false);
      expect(await pulse.respondents(round, team)).toBe(2);
      const distribution = await pulse.distribution(round, team);
      expect(distribution.sort((a, b) => a.statementId - b.statementId || a.score - b.score)).toEqual(
        [
          { statementId: workspace, score: 4, n: 2 },
          { statementId: own, score: 2, n: 1 },
          { statementId: own, score: 5, n: 1 },
        ].sort((a, b) => a.statementId - b.statementId || a.score - b.score),
      );
      expect(await pulse.comments(round, team)).toEqual([
        { statementId: workspace, text: 'Altid' },
        { statementId: workspace, text: 'Godt' },
      ]);

      expect(await pulse.close(round)).toBe(1);
      expect(await pulse.close(round)).toBe(0);
      expect((await pulse.round(round))?.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await pulse.openForTeamQuarter(team, '2026-Q4')).toBe(false);

      expect(await pulse.setting('pulse_threshold')).toBeUndefined();
      await pulse.writeSetting('pulse_threshold', '7');
      await pulse.writeSetting('pulse_threshold', '8');
      expect(await pulse.setting('pulse_threshold')).toBe('8');
    });
  });

  describe('themes', () => {
    it('lists the team’s themes with merges, earlier names newest first, and when grouped items arrived', async () => {
      const theme = async (name: string, created: string, mergedInto: number | null = null) =>
        (
          await store.db
            .insertInto('themes')
            .values({ team_id: team, name, created_at: created, merged_into: mergedInto })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const delivery = await theme('Levering', '2026-10-01T10:00:00.000Z');
      const price = await theme('Fragtpris', '2026-11-01T10:00:00.000Z');
      const merged = await theme('Pakker', '2026-11-02T10:00:00.000Z', delivery);
      const trends = createThemeTrendsRepo(store.db, store.dialect);
      expect((await trends.themes(team)).sort((a, b) => a.id - b.id)).toEqual([
        { id: delivery, name: 'Levering', merged_into: null },
        { id: price, name: 'Fragtpris', merged_into: null },
        { id: merged, name: 'Pakker', merged_into: delivery },
      ]);
      expect(await trends.receivedAt(team, [ids.late, ids.hidden, ids.other])).toEqual(
        new Map([[ids.late, '2026-11-30T22:59:59.999Z']]),
      );
      expect(await trends.receivedAt(team, [])).toEqual(new Map());
      expect(await createThemesRepo(store.db).earlierThemeNames(team)).toEqual(['Fragtpris', 'Levering']);
    });

    it('reads the window’s visible items newest first, and given items’ texts, for the suggestion model', async () => {
      const trends = createThemeTrendsRepo(store.db, store.dialect);
      const window = await trends.windowItems(team, '2026-10-06', 10);
      // Not the hidden import's item, not October 5th's, not the other team's.
      expect(window.map((row) => row.id)).toEqual([ids.december, ids.late, ids.unscored]);
      expect(window[1]).toEqual({ id: ids.late, title: 'Levering', comment: 'Pakken kom for sent', language: 'da' });
      expect((await trends.windowItems(team, '2026-10-06', 1)).map((row) => row.id)).toEqual([ids.december]);
      const texts = await trends.textsOf(team, [ids.december, ids.hidden, ids.other]);
      expect(texts.map((row) => row.comment)).toEqual(['The parcels were delayed']);
      expect(await trends.textsOf(team, [])).toEqual([]);
      expect(await trends.teamLanguage(team)).toMatch(/^(da|en)$/);
    });
  });
});
