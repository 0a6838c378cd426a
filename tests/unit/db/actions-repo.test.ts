import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActionsRepo, type ActionsRepo } from '../../../server/actions/repo.ts';
import { createWebhooksRepo, type WebhooksRepo } from '../../../server/actions/webhooks-repo.ts';
import type { Store } from '../../../server/db/kysely/store.ts';
import { onBothStores, type OpenedStore } from '../../helpers/both-stores.ts';

const REVIEW = '2026-12-08T09:00:00.000Z';
const LATER_REVIEW = '2027-01-12T09:00:00.000Z';

onBothStores('actions repository', (open) => {
  let opened: OpenedStore;
  let store: Store;
  let repo: ActionsRepo;
  let hooks: WebhooksRepo;
  let lea: number;
  let anna: number;
  let team: number;
  let otherTeam: number;
  let meeting: number;
  let theme: number;

  beforeAll(async () => {
    opened = await open();
    store = opened.store;
    repo = createActionsRepo(store.db);
    hooks = createWebhooksRepo(store.db, store.dialect);
    const user = async (email: string, name: string) =>
      (
        await store.db
          .insertInto('users')
          .values({ email, name, password_hash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const newTeam = async (slug: string, timezone: string) =>
      (
        await store.db
          .insertInto('teams')
          .values({ name: slug, slug, timezone })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    lea = await user('lea@example.dk', 'Lea');
    anna = await user('anna@example.dk', 'Anna');
    team = await newTeam('kundeservice', 'Europe/Copenhagen');
    otherTeam = await newTeam('salg', 'America/New_York');
    const review = async (startsAt: string, status: 'planned' | 'ended') =>
      (
        await store.db
          .insertInto('meetings')
          .values({ team_id: team, starts_at: startsAt, ends_at: startsAt, agenda: '[]', window_end: startsAt, status })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    meeting = await review(REVIEW, 'planned');
    await review(LATER_REVIEW, 'planned');
    await review('2026-12-20T09:00:00.000Z', 'ended');
    theme = (
      await store.db
        .insertInto('themes')
        .values({ team_id: team, name: 'Levering' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => opened?.done());

  const clear = async () => {
    await store.db.deleteFrom('action_webhook_deliveries').execute();
    await store.db.deleteFrom('action_webhooks').execute();
    await store.db.deleteFrom('actions').execute();
  };

  describe('actions', () => {
    beforeAll(clear);

    it('creates an action with its origins (each once) and its first history entry, and reads it back', async () => {
      const id = await repo.create({
        teamId: team,
        title: 'Ring tilbage',
        description: 'Samme dag',
        ownerId: anna,
        dueDate: '2026-12-07',
        effectMetric: 'nps',
        themeId: theme,
        meetingId: meeting,
        createdBy: lea,
        decidedIn: REVIEW,
        origins: [
          { kind: 'feedback', ref: '7' },
          { kind: 'comment', ref: 'c-1' },
          { kind: 'feedback', ref: '7' },
        ],
      });
      const row = await repo.byId(id);
      expect(row).toMatchObject({
        id,
        team_id: team,
        team_slug: 'kundeservice',
        team_name: 'kundeservice',
        team_timezone: 'Europe/Copenhagen',
        team_language: 'da',
        title: 'Ring tilbage',
        description: 'Samme dag',
        owner_id: anna,
        owner_name: 'Anna',
        owner_email: 'anna@example.dk',
        due_date: '2026-12-07',
        status: 'open',
        drop_reason: null,
        effect_metric: 'nps',
        theme_id: theme,
        meeting_id: meeting,
        done_at: null,
      });
      expect(row?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(row?.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(await repo.origins(id)).toEqual([
        { kind: 'comment', ref: 'c-1' },
        { kind: 'feedback', ref: '7' },
      ]);
      expect(await repo.history(id)).toEqual([
        expect.objectContaining({
          actor_id: lea,
          actor_name: 'Lea',
          kind: 'decided',
          from_value: null,
          to_value: REVIEW,
          note: null,
        }),
      ]);
      expect(await repo.byId(id + 1000)).toBeUndefined();
    });

    it('records a tracker action as created, with an empty description by default and no owner', async () => {
      const id = await repo.create({ teamId: team, title: 'Ny FAQ', ownerId: null, dueDate: null, createdBy: lea });
      expect(await repo.byId(id)).toMatchObject({ description: '', owner_id: null, owner_name: null, theme_id: null });
      expect(await repo.origins(id)).toEqual([]);
      expect((await repo.history(id)).map((entry) => [entry.kind, entry.to_value])).toEqual([['created', 'open']]);
    });

    it('lists the actions of the given teams, dated ones first by due date, then by id', async () => {
      const make = (title: string, dueDate: string | null, teamId = team) =>
        repo.create({ teamId, title, ownerId: null, dueDate, createdBy: null });
      await make('Late', '2027-02-01');
      const early = await make('Early', '2026-11-01');
      await make('Late too', '2027-02-01');
      const elsewhere = await make('Elsewhere', '2026-10-01', otherTeam);
      // Dated first by date (a tie by id), the undated last by id.
      expect((await repo.forTeams([team])).map((row) => row.title)).toEqual([
        'Early',
        'Ring tilbage',
        'Late',
        'Late too',
        'Ny FAQ',
      ]);
      expect((await repo.forTeams([team, otherTeam])).map((row) => row.id).slice(0, 2)).toEqual([elsewhere, early]);
      expect(await repo.forTeams([])).toEqual([]);
    });

    it('adds history entries; a progress note also marks the action as updated', async () => {
      const id = await repo.create({ teamId: team, title: 'Noter', ownerId: anna, dueDate: null, createdBy: anna });
      await store.db
        .updateTable('actions')
        .set({ updated_at: '2026-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      await repo.addHistory(id, anna, 'due', null, '2026-12-24', null);
      expect((await repo.byId(id))?.updated_at).toBe('2026-01-01T00:00:00.000Z');
      await repo.addHistory(id, anna, 'note', null, null, 'I gang');
      expect((await repo.byId(id))?.updated_at).not.toBe('2026-01-01T00:00:00.000Z');
      expect(
        (await repo.history(id)).map((entry) => [entry.kind, entry.to_value, entry.note, entry.actor_name]),
      ).toEqual([
        ['created', 'open', null, 'Anna'],
        ['due', '2026-12-24', null, 'Anna'],
        ['note', null, 'I gang', 'Anna'],
      ]);
    });

    it('updates the fields, moves the status (done stamps done_at, reopening clears it) and removes', async () => {
      const id = await repo.create({ teamId: team, title: 'Før', ownerId: null, dueDate: null, createdBy: lea });
      const row = await repo.byId(id);
      if (!row) throw new Error('no row');
      await repo.update({
        ...row,
        title: 'Efter',
        description: 'Mere',
        owner_id: lea,
        due_date: '2026-12-31',
        effect_metric: 'csat',
        theme_id: theme,
      });
      expect(await repo.byId(id)).toMatchObject({
        title: 'Efter',
        description: 'Mere',
        owner_id: lea,
        owner_name: 'Lea',
        due_date: '2026-12-31',
        effect_metric: 'csat',
        theme_id: theme,
      });
      await repo.setStatus(id, 'done', null);
      const done = await repo.byId(id);
      expect(done?.status).toBe('done');
      expect(done?.done_at).toMatch(/Z$/);
      await repo.setStatus(id, 'in_progress', null);
      expect((await repo.byId(id))?.done_at).toBe(done?.done_at);
      await repo.setStatus(id, 'open', null);
      expect((await repo.byId(id))?.done_at).toBeNull();
      await repo.setStatus(id, 'dropped', 'Ikke længere relevant');
      expect(await repo.byId(id)).toMatchObject({ status: 'dropped', drop_reason: 'Ikke længere relevant' });
      expect(await repo.remove(id)).toBe(1);
      expect(await repo.remove(id)).toBe(0);
      expect(await repo.byId(id)).toBeUndefined();
      expect(await repo.history(id)).toEqual([]);
    });

    it('finds the review an action is decided in and the next planned review', async () => {
      expect(await repo.meetingOf(meeting, team)).toEqual({ startsAt: REVIEW, timezone: 'Europe/Copenhagen' });
      expect(await repo.meetingOf(meeting, otherTeam)).toBeUndefined();
      expect(await repo.nextMeetingStart(team, '2026-12-01T00:00:00.000Z')).toBe(REVIEW);
      expect(await repo.nextMeetingStart(team, REVIEW)).toBe(LATER_REVIEW);
      expect(await repo.nextMeetingStart(team, LATER_REVIEW)).toBeUndefined();
      expect(await repo.nextMeetingStart(otherTeam, '2026-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('checks feedback and themes against the team, and counts a theme’s mentions per period', async () => {
      const item = async (teamId: number, key: string, receivedAt: string) =>
        (
          await store.db
            .insertInto('feedback')
            .values({ team_id: teamId, source: 'survey', dedupe_key: key, received_at: receivedAt, original: '{}' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const november = await item(team, 'f-1', '2026-11-10T10:00:00.000Z');
      const december = await item(team, 'f-2', '2026-12-02T10:00:00.000Z');
      const theirs = await item(otherTeam, 'f-3', '2026-11-10T10:00:00.000Z');
      expect((await repo.feedbackInTeam(team, [november, december, theirs])).sort((a, b) => a - b)).toEqual([
        november,
        december,
      ]);
      expect(await repo.feedbackInTeam(team, [])).toEqual([]);
      expect(await repo.themeInTeam(team, theme)).toBe(true);
      expect(await repo.themeInTeam(otherTeam, theme)).toBe(false);

      const origins = [november, december].map((id) => ({ kind: 'feedback' as const, ref: String(id) }));
      // Two actions on the theme share an origin: it is mentioned once.
      await repo.create({
        teamId: team,
        title: 'A',
        ownerId: null,
        dueDate: null,
        themeId: theme,
        createdBy: null,
        origins,
      });
      await repo.create({
        teamId: team,
        title: 'B',
        ownerId: null,
        dueDate: null,
        themeId: theme,
        createdBy: null,
        origins,
      });
      expect(await repo.themeMentions(team, theme, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe(1);
      expect(await repo.themeMentions(team, theme, '2026-11-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')).toBe(2);
      expect(await repo.themeMentions(team, theme, '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z')).toBe(0);
    });
  });

  describe('linked actions', () => {
    beforeAll(clear);

    it('finds the team’s actions on the same KPI or the same theme, oldest first', async () => {
      const make = async (title: string, effectMetric: 'nps' | 'csat' | null, themeId: number | null, at: string) => {
        const id = await repo.create({
          teamId: team,
          title,
          ownerId: null,
          dueDate: null,
          effectMetric,
          themeId,
          createdBy: null,
        });
        await store.db.updateTable('actions').set({ created_at: at }).where('id', '=', id).execute();
        return id;
      };
      const second = await make('NPS', 'nps', null, '2026-03-01T00:00:00.000Z');
      const first = await make('Theme', null, theme, '2026-02-01T00:00:00.000Z');
      await make('CSAT', 'csat', null, '2026-01-01T00:00:00.000Z');
      await make('None', null, null, '2026-01-01T00:00:00.000Z');
      const both = await make('Both', 'nps', theme, '2026-04-01T00:00:00.000Z');
      expect((await repo.linked(team, 'nps', theme)).map((row) => row.id)).toEqual([first, second, both]);
      expect((await repo.linked(team, 'nps', null)).map((row) => row.id)).toEqual([second, both]);
      expect((await repo.linked(team, null, theme)).map((row) => row.id)).toEqual([first, both]);
      expect(await repo.linked(team, null, null)).toEqual([]);
      expect(await repo.linked(otherTeam, 'nps', theme)).toEqual([]);
    });
  });

  describe('digest rows', () => {
    beforeAll(clear);

    it('lists unfinished, dated actions with an owner by owner e-mail, and remembers reminders once', async () => {
      const make = (title: string, ownerId: number | null, dueDate: string | null) =>
        repo.create({ teamId: team, title, ownerId, dueDate, createdBy: null });
      const annas = await make('Anna’s', anna, '2026-12-01');
      const leas = await make('Lea’s', lea, '2026-11-01');
      await make('No owner', null, '2026-11-01');
      await make('No date', anna, null);
      const finished = await make('Finished', anna, '2026-11-01');
      await repo.setStatus(finished, 'done', null);
      expect((await repo.digestCandidates()).map((row) => [row.id, row.owner_email])).toEqual([
        [annas, 'anna@example.dk'],
        [leas, 'lea@example.dk'],
      ]);
      expect(await repo.reminded(annas, 'overdue', '2026-12-02')).toBe(false);
      await repo.remember([
        [annas, 'overdue', '2026-12-02'],
        [leas, 'due_soon', '2026-12-02'],
      ]);
      await repo.remember([[annas, 'overdue', '2026-12-02']]);
      await repo.remember([]);
      expect(await repo.reminded(annas, 'overdue', '2026-12-02')).toBe(true);
      expect(await repo.reminded(annas, 'due_soon', '2026-12-02')).toBe(false);
      expect(await repo.reminded(annas, 'overdue', '2026-12-03')).toBe(false);
      expect(await repo.reminded(leas, 'due_soon', '2026-12-02')).toBe(true);
      const rows = await store.db.selectFrom('action_reminders').selectAll().orderBy('action_id').execute();
      expect(rows).toEqual([
        { action_id: annas, kind: 'overdue', sent_on: '2026-12-02' },
        { action_id: leas, kind: 'due_soon', sent_on: '2026-12-02' },
      ]);
    });
  });

  describe('webhooks and deliveries', () => {
    beforeAll(clear);

    it('stores a team’s webhooks, lists the active ones and removes only the team’s own', async () => {
      const first = await hooks.insertHook(team, 'https://hooks.example.com/a', 'whsec_a', lea);
      expect(first).toMatchObject({ team_id: team, url: 'https://hooks.example.com/a', secret: 'whsec_a', active: 1 });
      expect(first.created_at).toMatch(/Z$/);
      const second = await hooks.insertHook(team, 'https://hooks.example.com/b', 'whsec_b', lea);
      const theirs = await hooks.insertHook(otherTeam, 'https://hooks.example.com/c', 'whsec_c', lea);
      await store.db.updateTable('action_webhooks').set({ active: 0 }).where('id', '=', second.id).execute();
      expect((await hooks.hooks(team)).map((row) => row.id)).toEqual([first.id, second.id]);
      expect((await hooks.activeHooks(team)).map((row) => row.id)).toEqual([first.id]);
      expect(await hooks.removeHook(theirs.id, team)).toBe(0);
      expect(await hooks.removeHook(second.id, team)).toBe(1);
      expect((await hooks.hooks(team)).map((row) => row.id)).toEqual([first.id]);
      expect((await hooks.hooks(otherTeam)).map((row) => row.id)).toEqual([theirs.id]);
    });

    it('queues deliveries due at once, leases the due ones, records attempts and logs them newest first', async () => {
      const [hook] = await hooks.hooks(team);
      const [theirHook] = await hooks.hooks(otherTeam);
      if (!hook || !theirHook) throw new Error('no webhooks');
      expect(await hooks.nextDue()).toBeNull();
      await hooks.insertDelivery(hook.id, 'action.created', '{"n":1}');
      await hooks.insertDelivery(hook.id, 'action.done', '{"n":2}');
      await hooks.insertDelivery(theirHook.id, 'action.updated', '{"n":3}');
      const now = new Date(Date.now() + 1000);
      expect(await hooks.claimDue('w1', new Date('2000-01-01T00:00:00.000Z'), 10, 60_000)).toEqual([]);
      const [only] = await hooks.claimDue('w1', now, 1, 60_000);
      const rest = await hooks.claimDue('w1', now, 10, 60_000);
      const due = [only, ...rest].filter((row) => row !== undefined);
      expect(due.map((row) => [row.event, row.body, row.url, row.secret, row.status, row.attempts])).toEqual([
        ['action.created', '{"n":1}', 'https://hooks.example.com/a', 'whsec_a', 'pending', 0],
        ['action.done', '{"n":2}', 'https://hooks.example.com/a', 'whsec_a', 'pending', 0],
        ['action.updated', '{"n":3}', 'https://hooks.example.com/c', 'whsec_c', 'pending', 0],
      ]);
      // Leased: nobody else gets them while the lease holds.
      expect(await hooks.claimDue('w2', new Date(now.getTime() + 59_999), 10, 60_000)).toEqual([]);
      const [first, second, third] = due;
      if (!first || !second || !third) throw new Error('no deliveries');
      expect(await hooks.nextDue()).toBe(first.next_attempt_at);

      const retryAt = '2030-01-01T00:00:00.000Z';
      const retry = {
        status: 'pending',
        lastStatus: 500,
        lastError: 'HTTP 500',
        lastErrorCode: 'HTTP_STATUS',
        next: retryAt,
        deliveredAt: null,
      } as const;
      // Only the lease holder records the attempt.
      expect(await hooks.record(first.id, 'w2', retry)).toBe(false);
      expect(await hooks.record(first.id, 'w1', retry)).toBe(true);
      const deliveredAt = new Date().toISOString();
      await hooks.record(second.id, 'w1', {
        status: 'delivered',
        lastStatus: 204,
        lastError: null,
        lastErrorCode: null,
        next: null,
        deliveredAt,
      });
      await hooks.record(third.id, 'w1', {
        status: 'failed',
        lastStatus: null,
        lastError: 'refused: private address',
        lastErrorCode: 'PRIVATE_ADDRESS',
        next: null,
        deliveredAt: null,
      });
      const leases = await store.db
        .selectFrom('action_webhook_deliveries')
        .select(['claimed_by', 'lease_until'])
        .execute();
      expect(leases).toEqual(due.map(() => ({ claimed_by: null, lease_until: null })));
      expect(await hooks.claimDue('w2', now, 10, 60_000)).toEqual([]);
      expect(
        (await hooks.claimDue('w2', new Date('2030-01-01T00:00:00.001Z'), 10, 60_000)).map((row) => row.id),
      ).toEqual([first.id]);
      expect(await hooks.nextDue()).toBe(retryAt);

      const log = await hooks.log(team, 100);
      expect(log.map((row) => [row.id, row.status, row.attempts, row.last_status, row.last_error_code])).toEqual([
        [second.id, 'delivered', 1, 204, null],
        [first.id, 'pending', 1, 500, 'HTTP_STATUS'],
      ]);
      expect(log[0]?.delivered_at).toBe(deliveredAt);
      expect(log[1]).toMatchObject({ last_error: 'HTTP 500', next_attempt_at: retryAt, delivered_at: null });
      expect(await hooks.log(team, 1)).toHaveLength(1);
      expect((await hooks.log(otherTeam, 100)).map((row) => [row.status, row.last_error_code])).toEqual([
        ['failed', 'PRIVATE_ADDRESS'],
      ]);
    });
  });

  describe('inside a transaction', () => {
    beforeAll(clear);

    it('writes through the transaction and leaves nothing when it rolls back', async () => {
      await expect(
        store.transaction(async (trx) => {
          const inside = createActionsRepo(trx);
          const id = await inside.create({
            teamId: team,
            title: 'Rulles tilbage',
            ownerId: null,
            dueDate: null,
            createdBy: null,
          });
          expect((await inside.byId(id))?.title).toBe('Rulles tilbage');
          const [hook] = await createWebhooksRepo(trx, store.dialect).activeHooks(team);
          if (hook) await createWebhooksRepo(trx, store.dialect).insertDelivery(hook.id, 'action.created', '{}');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await repo.forTeams([team])).toEqual([]);
      expect(await hooks.claimDue('w', new Date(Date.now() + 1000), 10, 60_000)).toEqual([]);
      const kept = await store.transaction(async (trx) =>
        createActionsRepo(trx).create({ teamId: team, title: 'Bliver', ownerId: null, dueDate: null, createdBy: null }),
      );
      expect((await repo.byId(kept))?.title).toBe('Bliver');
    });
  });
});
