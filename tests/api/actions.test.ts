import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail } from '../../shared/schemas/actions.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

describe('actions API and authorisation', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let ids: Record<ActionActor, number>;
  let memberAction: ActionDetail;

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients, ids } = await actionsTeam(app));
  });
  afterAll(async () => app.close());

  it('defaults the due date to the day before the next planned meeting, else none', async () => {
    const none = await clients.member.request('POST', '/api/teams/support/actions', { title: 'Call back detractors' });
    expect(none.statusCode).toBe(201);
    memberAction = none.json() as ActionDetail;
    expect(memberAction).toMatchObject({
      ownerId: ids.member,
      dueDate: null,
      status: 'open',
      history: [expect.objectContaining({ kind: 'created', actorId: ids.member })],
    });

    const team = await app.services.teams.bySlug('support');
    const start = new Date(Date.now() + 20 * 86_400_000);
    start.setUTCHours(8, 0, 0, 0);
    await app.services.store.db
      .insertInto('meetings')
      .values({
        team_id: team.id,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
        status: 'planned',
        agenda: '[]',
        window_end: start.toISOString(),
      })
      .execute();
    const dated = (
      await clients.lead.request('POST', '/api/teams/support/actions', {
        title: 'Fix invoice wording',
        ownerId: ids.other,
      })
    ).json() as ActionDetail;
    const expected = new Date(start.getTime() - 86_400_000).toISOString().slice(0, 10);
    expect(dated.dueDate).toBe(expected);
    expect(dated.ownerId).toBe(ids.other);
  });

  it('refuses an owner outside the team and a member creating for someone else', async () => {
    const outside = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'X',
      ownerId: ids.outsider,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ error: { message: 'The owner must be a member of the team' } });
    const forOther = await clients.member.request('POST', '/api/teams/support/actions', {
      title: 'X',
      ownerId: ids.other,
    });
    expect(forOther.statusCode).toBe(403);
    expect((await clients.outsider.request('POST', '/api/teams/support/actions', { title: 'X' })).statusCode).toBe(404);
  });

  it('creates between meetings from feedback items of the team only', async () => {
    const team = await app.services.teams.bySlug('support');
    const insert = async (teamId: number, dedupeKey: string) =>
      (
        await app.services.store.db
          .insertInto('feedback')
          .values({
            team_id: teamId,
            source: 'csv',
            dedupe_key: dedupeKey,
            received_at: '2026-01-05T10:00:00.000Z',
            comment: 'slow',
            original: '{}',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const feedbackId = await insert(team.id, 'k1');
    const secret = await app.services.teams.bySlug('secret');
    const foreign = await insert(secret.id, 'k2');
    const made = await clients.facilitator.request('POST', '/api/teams/support/actions', {
      title: 'Faster replies',
      feedbackIds: [feedbackId],
      effectMetric: 'nps',
    });
    expect(made.statusCode).toBe(201);
    expect((made.json() as ActionDetail).origins).toEqual([{ kind: 'feedback', ref: String(feedbackId) }]);
    const bad = await clients.facilitator.request('POST', '/api/teams/support/actions', {
      title: 'Leak',
      feedbackIds: [foreign],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { message: `Feedback ${foreign} is not in this team` } });
  });

  it('lets the owner move status and add notes; others of the team may not', async () => {
    const url = `/api/teams/support/actions/${memberAction.id}`;
    expect((await clients.other.request('POST', `${url}/status`, { to: 'in_progress' })).statusCode).toBe(403);
    const moved = await clients.member.request('POST', `${url}/status`, { to: 'in_progress', note: 'started' });
    expect(moved.statusCode).toBe(200);
    const noted = await clients.member.request('POST', `${url}/notes`, { note: 'Called 3 of 10' });
    expect((noted.json() as ActionDetail).history.map((entry) => entry.kind)).toEqual(['created', 'status', 'note']);
    expect((await clients.other.request('POST', `${url}/notes`, { note: 'x' })).statusCode).toBe(403);
    const refused = await clients.member.request('POST', `${url}/status`, { to: 'dropped' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'CONFLICT', message: 'Dropping an action needs a reason' } });
  });

  it('lets only leads and facilitators reassign or re-date', async () => {
    const url = `/api/teams/support/actions/${memberAction.id}`;
    const reassign = await clients.member.request('PATCH', url, { ownerId: ids.other });
    expect(reassign.statusCode).toBe(403);
    expect((await clients.member.request('PATCH', url, { dueDate: '2030-01-01' })).statusCode).toBe(403);
    expect((await clients.member.request('PATCH', url, { title: 'Call back all detractors' })).statusCode).toBe(200);
    const byFacilitator = await clients.facilitator.request('PATCH', url, {
      ownerId: ids.other,
      dueDate: '2030-01-01',
    });
    expect(byFacilitator.statusCode).toBe(200);
    const detail = byFacilitator.json() as ActionDetail;
    expect(detail).toMatchObject({ ownerId: ids.other, dueDate: '2030-01-01' });
    expect(detail.history.filter((entry) => entry.kind === 'owner' || entry.kind === 'due')).toHaveLength(2);
    expect((await clients.lead.request('PATCH', url, { ownerId: ids.outsider })).statusCode).toBe(400);
  });

  it('hides actions from outsiders with 404, also under another team slug', async () => {
    const url = `/api/teams/support/actions/${memberAction.id}`;
    for (const request of [
      clients.outsider.request('GET', url),
      clients.outsider.request('POST', `${url}/status`, { to: 'done' }),
      clients.outsider.request('GET', `${url}/effect`),
      clients.outsider.request('GET', `/api/teams/secret/actions/${memberAction.id}`),
      clients.outsider.request('GET', '/api/actions?team=support'),
    ]) {
      const response = await request;
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('detractors');
    }
    const list = (await clients.outsider.request('GET', '/api/actions')).json() as { actions: unknown[] };
    expect(list.actions).toEqual([]);
  });

  it('filters the tracker by team, owner, status and due; my actions for everyone', async () => {
    const all = (await clients.lead.request('GET', '/api/actions')).json() as {
      actions: ActionDetail[];
      ledTeams: string[];
    };
    expect(all.ledTeams).toEqual(['support']);
    expect(all.actions.length).toBe(3);
    const mine = (await clients.other.request('GET', '/api/actions?owner=me')).json() as { actions: ActionDetail[] };
    expect(mine.actions.map((action) => action.ownerId)).toEqual([ids.other, ids.other]);
    const progressing = (await clients.lead.request('GET', '/api/actions?status=in_progress&team=support')).json() as {
      actions: ActionDetail[];
    };
    expect(progressing.actions.map((action) => action.id)).toEqual([memberAction.id]);
    await app.services.store.db
      .updateTable('actions')
      .set({ due_date: '2020-01-01' })
      .where('id', '=', memberAction.id)
      .execute();
    const overdue = (await clients.lead.request('GET', '/api/actions?due=overdue')).json() as {
      actions: ActionDetail[];
    };
    expect(overdue.actions.map((action) => [action.id, action.dueState])).toEqual([[memberAction.id, 'overdue']]);
    const reminders = (await clients.other.request('GET', '/api/actions/reminders')).json() as {
      actions: ActionDetail[];
    };
    expect(reminders.actions.map((action) => action.id)).toContain(memberAction.id);
  });

  it('lists the follow-up: unfinished actions and those due or finished since the last meeting, with notes', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const followUp = await clients.member.request('GET', `/api/teams/support/actions/follow-up?since=${since}`);
    expect(followUp.statusCode).toBe(200);
    const listed = (followUp.json() as { actions: (ActionDetail & { notes: { note: string }[] })[] }).actions;
    expect(listed.find((action) => action.id === memberAction.id)?.notes.map((note) => note.note)).toEqual([
      'started',
      'Called 3 of 10',
    ]);
    expect((await clients.outsider.request('GET', '/api/teams/support/actions/follow-up')).statusCode).toBe(404);
  });

  it('drops with a reason, reopens, completes, and deletes only by the right people', async () => {
    const url = `/api/teams/support/actions/${memberAction.id}`;
    expect(
      (await clients.other.request('POST', `${url}/status`, { to: 'dropped', reason: 'Duplicate of another' })).json(),
    ).toMatchObject({ status: 'dropped', dropReason: 'Duplicate of another' });
    expect((await clients.other.request('POST', `${url}/status`, { to: 'done' })).statusCode).toBe(409);
    expect((await clients.other.request('POST', `${url}/status`, { to: 'open' })).json()).toMatchObject({
      status: 'open',
      dropReason: null,
    });
    const done = (await clients.other.request('POST', `${url}/status`, { to: 'done' })).json() as ActionDetail;
    expect(done.doneAt).not.toBeNull();
    expect((await clients.member.request('DELETE', url)).statusCode).toBe(403);
    expect((await clients.lead.request('DELETE', url)).statusCode).toBe(200);
    expect((await clients.lead.request('GET', url)).statusCode).toBe(404);
  });

  it('exports CSV with formula cells escaped, a semicolon option, and Markdown', async () => {
    await clients.lead.request('POST', '/api/teams/support/actions', {
      title: '=HYPERLINK("http://evil")',
      description: '+1; -2 | @me',
      ownerId: ids.lead,
    });
    const csv = await clients.lead.request('GET', '/api/actions/export?format=csv');
    expect(csv.headers['content-type'], csv.body).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain("'+1; -2 | @me");
    const semicolon = await clients.lead.request('GET', '/api/actions/export?format=csv&delimiter=semicolon');
    expect(semicolon.body.split('\r\n')[0]).toBe(
      '\uFEFFid;team;title;description;owner;due_date;status;drop_reason;effect_metric;created_at;done_at',
    );
    expect(semicolon.body).toContain(`"'+1; -2 | @me"`);
    const markdown = await clients.lead.request('GET', '/api/actions/export?format=md');
    expect(markdown.body).toContain('| support | =HYPERLINK("http://evil") | lead |');
    expect((await clients.outsider.request('GET', '/api/actions/export?format=csv&team=support')).statusCode).toBe(404);
  });
});
