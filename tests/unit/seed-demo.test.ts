import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { createLiveEngine } from '../../server/live/engine.ts';
import { liveActions } from '../../server/live/actions.ts';
import { seedDemo, type SeedReport } from '../../server/seed/index.ts';
import { createServices, type Services } from '../../server/services.ts';
import { sharedSqliteStore } from '../../server/db/kysely/store.ts';
import type { User } from '../../shared/schemas/auth.ts';

const DAY = 86_400_000;

describe('npm run seed:demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-seed-'));
  const now = new Date();
  let db: Database;
  let services: Services;
  let report: SeedReport;
  let mette: User;

  beforeAll(async () => {
    db = openDatabase(join(dataDir, 'kadence.db'));
    services = createServices(sharedSqliteStore(db), { sessionDays: 14, publicUrl: 'http://127.0.0.1:3000' });
    report = await seedDemo(services, db, now);
    mette = (await services.users.byId(1)) as User;
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes a Danish and an English team, and the admin signs in with the printed password', async () => {
    expect(report.teams.map((team) => [team.slug, team.language])).toEqual([
      ['kundeservice', 'da'],
      ['webshop', 'en'],
    ]);
    expect(report.signIn.email).toBe(mette.email);
    expect(mette.isAdmin).toBe(true);
    expect((await services.auth.login(report.signIn.email, report.signIn.password)).user.id).toBe(mette.id);
  });

  it('holds twelve monthly reviews per team, each with a board that was grouped, voted on and decided', async () => {
    const engine = createLiveEngine({ store: services.store, ...liveActions(services) });
    for (const slug of ['kundeservice', 'webshop']) {
      const team = await services.teams.bySlug(slug);
      const held = (await services.meetings.meetings(team)).filter((row) => row.status === 'ended');
      expect(held).toHaveLength(12);
      const followUps: string[] = [];
      const archive = await services.meetings.archive(team);
      expect(archive).toHaveLength(12);
      for (const row of held) {
        // The log folds, through the shared reducer, to what the meeting kept when it ended.
        const state = await engine.state(row.id);
        expect(state.status).toBe('ended');
        expect(Object.keys(state.cards).length).toBeGreaterThanOrEqual(20);
        expect(Object.keys(state.comments).length).toBeGreaterThan(0);
        expect(Object.values(state.comments).some((comment) => comment.themeId !== null)).toBe(true);
        expect(state.summary?.themes.length).toBeGreaterThanOrEqual(3);
        expect(state.summary?.themes.some((theme) => theme.votes > 0 && theme.cards > 0)).toBe(true);
        expect(state.summary?.decisions.length).toBeGreaterThanOrEqual(1);
        expect(state.summary?.attendance.length).toBeGreaterThanOrEqual(4);
        expect(state.summary?.rating?.count).toBeGreaterThan(0);
        // Dated to the review's own hour, not to the day the demo was made.
        const start = Date.parse(row.starts_at);
        expect(state.summary?.endedAt).toBeGreaterThan(start);
        expect(state.summary?.endedAt).toBeLessThan(start + 2 * 3_600_000);
        for (const comment of Object.values(state.comments))
          expect(Math.abs(comment.at - start)).toBeLessThan(2 * 3_600_000);
        followUps.push(...(state.followUps ?? []).map((change) => change.to));
        expect(state.decisions.map((decision) => decision.actionId).sort()).toEqual(
          (await services.actions.list(mette, { team: slug })).actions
            .filter((action) => action.meetingId === row.id)
            .map((action) => action.id)
            .sort(),
        );
      }
      expect(held.at(-1)?.starts_at.localeCompare(new Date(now.getTime() - 14 * DAY).toISOString())).toBeLessThan(0);
      expect(Date.parse(held[0]?.starts_at ?? '')).toBeLessThan(now.getTime() - 330 * DAY);
      // Last month's actions were moved on the board in the follow-up step, as well as in the tracker.
      expect(new Set(followUps)).toEqual(new Set(['in_progress', 'done', 'dropped']));
      const health = await services.meetings.health(team, now);
      expect(health.streak).toBe(12);
    }
  });

  it('has themes that come back across months under one theme id, and the Danish board speaks Danish', async () => {
    const engine = createLiveEngine({ store: services.store, ...liveActions(services) });
    const team = await services.teams.bySlug('kundeservice');
    const held = (await services.meetings.meetings(team)).filter((row) => row.status === 'ended');
    const themes = (await Promise.all(held.map((row) => engine.state(row.id)))).flatMap(
      (state) => state.summary?.themes ?? [],
    );
    const delivery = themes.filter((theme) => theme.name === 'Levering');
    expect(delivery.length).toBeGreaterThanOrEqual(4);
    expect(new Set(delivery.map((theme) => theme.id)).size).toBe(1);
    expect(themes.filter((theme) => theme.name === 'Fragtpris').length).toBeGreaterThanOrEqual(3);
    expect(themes.filter((theme) => theme.name === 'Ventetid').length).toBeGreaterThanOrEqual(6);
    expect(themes.some((theme) => theme.name === 'Delivery')).toBe(false);
    expect((await services.meetings.archive(team))[0]?.themes).toContain('Størrelser');
  });

  it('has decided actions in every state, with effects on the KPIs they aim at', async () => {
    for (const slug of ['kundeservice', 'webshop']) {
      const actions = (await services.actions.list(mette, { team: slug }, now)).actions;
      const states = new Set(actions.map((action) => action.status));
      expect([...states].sort()).toEqual(['done', 'dropped', 'in_progress', 'open']);
      expect(actions.some((action) => action.status === 'open' && action.dueState === 'overdue')).toBe(true);
      expect(actions.some((action) => action.status === 'open' && action.dueState !== 'overdue')).toBe(true);
      expect(
        actions.every((action) => action.meetingId !== null && action.effectMetric !== null && action.themeId !== null),
      ).toBe(true);
      expect(actions.find((action) => action.status === 'dropped')?.dropReason).toBeTruthy();
      const done = actions.filter((action) => action.status === 'done');
      expect(done.length).toBeGreaterThanOrEqual(6);
      const effects = await Promise.all(done.map((action) => services.actions.effect(mette, action.id, now)));
      for (const effect of effects) {
        expect(effect.comparison?.after?.n).toBeGreaterThan(0);
        expect(effect.markers.some((marker) => marker.kind === 'done' && marker.actionId === effect.actionId)).toBe(
          true,
        );
        expect(effect.months.filter((month) => month.value !== null).length).toBeGreaterThanOrEqual(4);
      }
      expect(effects.filter((effect) => effect.comparison?.verdict === 'improved').length).toBeGreaterThanOrEqual(1);
      // The KPI moves over the year: the last quarter's NPS is well above the first one's.
      const team = await services.teams.bySlug(slug);
      const nps = (await services.feedback.monthly(team, 'nps', 12, undefined, now)).map((month) => month.value ?? 0);
      expect(nps.slice(-3).reduce((a, b) => a + b, 0) / 3).toBeGreaterThan(
        nps.slice(0, 3).reduce((a, b) => a + b, 0) / 3 + 20,
      );
    }
  });

  it('has pulse rounds answered above the anonymity threshold over four quarters, and one open now', async () => {
    for (const slug of ['kundeservice', 'webshop']) {
      const results = await services.pulse.results(mette, slug);
      const shown = results.filter((result) => result.enough);
      expect(shown).toHaveLength(4);
      expect(new Set(shown.map((result) => result.quarter)).size).toBe(4);
      for (const result of shown) expect(result.respondents).toBeGreaterThanOrEqual(result.threshold);
      expect(shown[0]?.statements.every((statement) => statement.change !== null)).toBe(true);
      const open = (await services.pulse.rounds(mette, slug)).filter((round) => round.open);
      expect(open).toHaveLength(1);
      expect(open[0]?.mayAnswer && !open[0].answered).toBe(true);
    }
    expect((await services.pulse.latestForTeam((await services.teams.bySlug('kundeservice')).id))?.enough).toBe(true);
  });

  it('prepares the next review for next week', async () => {
    for (const [slug, days] of [
      ['kundeservice', 7],
      ['webshop', 9],
    ] as const) {
      const team = await services.teams.bySlug(slug);
      const next = await services.meetings.next(team, now);
      expect(next?.status).toBe('planned');
      const inDays = (Date.parse(next?.starts_at ?? '') - now.getTime()) / DAY;
      expect(inDays).toBeGreaterThan(days - 1);
      expect(inDays).toBeLessThan(days + 1);
      expect(next?.prepared_at).not.toBeNull();
      const board = await services.meetings.board(team, next?.id ?? 0);
      expect(board.cards.length).toBeGreaterThanOrEqual(20);
      // Its follow-up step has last month's open and overdue actions to go through.
      expect(
        (
          await services.actions.followUp(mette, slug, (await services.meetings.archive(team))[0]?.startsAt ?? null)
        ).some((action) => action.status === 'open'),
      ).toBe(true);
    }
  });

  it('refuses a data folder that already has data, and changes nothing', () => {
    const before = (db.prepare('SELECT COUNT(*) AS n FROM meeting_events').get() as { n: number }).n;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/demo.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/already has accounts/);
    expect((db.prepare('SELECT COUNT(*) AS n FROM meeting_events').get() as { n: number }).n).toBe(before);
  }, 30_000);
});
