import { beforeAll, afterAll, expect, it } from 'vitest';
import type { Store } from '../../../server/db/kysely/store.ts';
import { AppError } from '../../../server/errors.ts';
import { createLiveEngine } from '../../../server/live/engine.ts';
import { createGuestsService } from '../../../server/live/guests.ts';
import { createLiveRepo, type LiveRepo } from '../../../server/live/repo.ts';
import { defaultAgenda } from '../../../shared/agenda.ts';
import { initialState, type Actor } from '../../../shared/meeting/index.ts';
import { onBothStores, type OpenedStore } from '../../helpers/both-stores.ts';
import { anna, makeMeetingRow } from '../../helpers/live-store.ts';

const lead: Actor = { key: 'u:1', name: 'Lea', role: 'lead' };

async function teamOf(store: Store, meetingId: number): Promise<number> {
  const row = await store.db
    .selectFrom('meetings')
    .select('team_id')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.team_id;
}

onBothStores('the live repository, guests and engine', (open) => {
  let opened: OpenedStore;
  let store: Store;
  let repo: LiveRepo;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
    repo = createLiveRepo(store.db, store.dialect);
  });
  afterAll(async () => opened?.done());

  it('reads the meeting with its team, and lists live and board meetings', async () => {
    const meetingId = await makeMeetingRow(store, 'reads');
    const teamId = await teamOf(store, meetingId);
    expect(await repo.meeting(meetingId)).toMatchObject({
      id: meetingId,
      team_id: teamId,
      status: 'planned',
      slug: 'reads',
      team_name: 'reads',
      log_rewrites: 0,
    });
    expect(await repo.meeting(999_999)).toBeUndefined();
    expect(
      repo.steps({
        id: meetingId,
        team_id: teamId,
        status: 'planned',
        agenda: '[]',
        slug: 'reads',
        team_name: 'reads',
        log_rewrites: 0,
      }),
    ).toEqual([]);
    expect(await repo.boardMeetingIds(teamId)).toEqual([]);
    await repo.start(meetingId);
    expect(await repo.liveMeetingIds()).toContain(meetingId);
    expect(await repo.boardMeetingIds(teamId)).toEqual([meetingId]);
    await repo.end(meetingId, '{"cards":1}');
    const row = await store.db
      .selectFrom('meetings')
      .select(['status', 'summary', 'started_at', 'ended_at'])
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'ended', summary: '{"cards":1}' });
    expect(row.ended_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await repo.liveMeetingIds()).not.toContain(meetingId);
    expect(await repo.boardMeetingIds(teamId)).toEqual([meetingId]);
  });

  it('keeps the latest snapshot, replacing one of the same seq', async () => {
    const meetingId = await makeMeetingRow(store, 'snapshots');
    expect(await repo.latestSnapshot(meetingId)).toBeUndefined();
    await repo.saveSnapshot({ ...initialState(meetingId), seq: 200 });
    await repo.saveSnapshot({ ...initialState(meetingId), seq: 400 });
    await repo.saveSnapshot({ ...initialState(meetingId), seq: 400, voteLimit: 7 });
    expect(await repo.latestSnapshot(meetingId)).toMatchObject({ seq: 400, voteLimit: 7 });
  });

  it('reads the board’s cards in their order from the visible feedback', async () => {
    const meetingId = await makeMeetingRow(store, 'cards');
    const teamId = await teamOf(store, meetingId);
    const ids: number[] = [];
    for (const [index, comment] of ['Pakken kom sent', 'Fin service'].entries()) {
      const row = await store.db
        .insertInto('feedback')
        .values({
          team_id: teamId,
          source: 'webshop',
          dedupe_key: `k${index}`,
          received_at: '2026-11-02T09:00:00.000Z',
          metric: 'nps',
          score: index + 2,
          comment,
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await store.db
      .insertInto('meeting_cards')
      .values([
        { meeting_id: meetingId, feedback_id: ids[1] as number, position: 1, picked_by: 'lead' },
        { meeting_id: meetingId, feedback_id: ids[0] as number, position: 2, picked_by: 'lead' },
      ])
      .execute();
    const cards = await repo.cards(meetingId);
    expect(cards.map((card) => [card.id, card.position, card.comment, card.score])).toEqual([
      [ids[1], 1, 'Fin service', 3],
      [ids[0], 2, 'Pakken kom sent', 2],
    ]);
    expect(cards[0]?.received_at).toBe('2026-11-02T09:00:00.000Z');
  });

  it('finds a team’s theme again whatever its case, renames, refuses a taken name, merges and lists', async () => {
    const meetingId = await makeMeetingRow(store, 'themes');
    const teamId = await teamOf(store, meetingId);
    const delivery = await repo.themeFor(teamId, 'Levering', meetingId);
    expect(await repo.themeFor(teamId, 'LEVERING', meetingId)).toBe(delivery);
    const price = await repo.newTheme(teamId, 'fragtpris', meetingId);
    expect(price).not.toBe(delivery);
    const wait = await repo.themeFor(teamId, 'Ventetid', meetingId);
    expect(await repo.teamThemes(teamId)).toEqual(['fragtpris', 'Levering', 'Ventetid']);
    await expect(repo.renameTheme(teamId, price, 'levering')).rejects.toThrow();
    await repo.renameTheme(teamId, price, 'Fragt');
    await repo.mergeTheme(teamId, wait, delivery);
    expect(await repo.teamThemes(teamId)).toEqual(['Fragt', 'Levering']);
    // A merged theme's name is free again.
    expect(await repo.themeFor(teamId, 'ventetid', meetingId)).not.toBe(wait);
  });

  it('names members, and counts each person once in the attendance', async () => {
    const meetingId = await makeMeetingRow(store, 'attendance');
    const teamId = await teamOf(store, meetingId);
    const user = await store.db
      .insertInto('users')
      .values({ email: 'mo@example.dk', name: 'Mo', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db.insertInto('memberships').values({ team_id: teamId, user_id: user.id, role: 'member' }).execute();
    expect(await repo.memberName(teamId, user.id)).toBe('Mo');
    expect(await repo.memberName(teamId, user.id + 100)).toBeUndefined();
    for (let i = 0; i < 3; i++) await repo.attend(meetingId, anna);
    await repo.attend(meetingId, lead);
    expect((await repo.attendance(meetingId)).map((row) => row.name).sort()).toEqual(['Anna', 'Lea']);
  });

  it('rewrites the stored JSON of the meetings that showed an erased card, and only those', async () => {
    const shown = await makeMeetingRow(store, 'scrub');
    const teamId = await teamOf(store, shown);
    const other = await makeMeetingRow(store, 'scrub-other');
    const start = (id: string) => JSON.stringify({ steps: [], cards: [{ id, quote: 'secret words here' }] });
    for (const [meetingId, card] of [
      [shown, '41'],
      [other, '42'],
    ] as const)
      await store.db
        .insertInto('meeting_events')
        .values({
          meeting_id: meetingId,
          seq: 1,
          op_scope: 'u:1',
          op_id: 'start',
          body_hash: null,
          actor: JSON.stringify(lead),
          type: 'meeting.start',
          payload: start(card),
          at: 1,
        })
        .execute();
    await repo.saveSnapshot({ ...initialState(shown), seq: 1 });
    await store.db
      .updateTable('meetings')
      .set({ summary: '{"quote":"secret words here"}' })
      .where('id', '=', shown)
      .execute();
    const scrub = (json: string) => (json.includes('secret') ? json.replaceAll('secret', 'erased') : null);
    const touched = await store.transaction(async (trx) =>
      createLiveRepo(trx, store.dialect).scrubMeetings(teamId, ['41'], scrub),
    );
    expect(touched).toEqual([shown]);
    const payloads = await store.db.selectFrom('meeting_events').select(['meeting_id', 'payload']).execute();
    expect(payloads.find((row) => row.meeting_id === shown)?.payload).toContain('erased words');
    const summary = await store.db.selectFrom('meetings').select('summary').where('id', '=', shown).executeTakeFirst();
    expect(summary?.summary).toBe('{"quote":"erased words here"}');
  });

  it('makes guest links, lets a guest join through one, and ends it on revocation', async () => {
    const meetingId = await makeMeetingRow(store, 'guests');
    const guests = createGuestsService(store);
    const revoked: number[] = [];
    guests.onRevoke((linkId) => revoked.push(linkId));
    const facilitator = await store.db
      .insertInto('users')
      .values({ email: 'fa@example.dk', name: 'Fa', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const link = await guests.createLink(meetingId, 'participant', facilitator.id);
    expect(await guests.links(meetingId)).toEqual([
      { id: link.id, role: 'participant', created_at: expect.any(String) as string, revoked_at: null },
    ]);
    const joined = await guests.join(link.token, '  Gæst ');
    expect(joined).toMatchObject({ meetingId, role: 'participant', name: 'Gæst', teamName: 'guests' });
    const guest = await guests.guestForSecret(joined.secret);
    expect(guest).toMatchObject({ linkId: link.id, meetingId, name: 'Gæst', role: 'participant' });
    expect(await guests.isActive(guest?.id ?? 0)).toBe(true);
    expect(await guests.guestForSecret('not-a-secret')).toBeUndefined();
    await guests.revoke(meetingId, link.id);
    expect(revoked).toEqual([link.id]);
    await expect(guests.revoke(meetingId, link.id)).rejects.toThrow(AppError);
    expect(await guests.isActive(guest?.id ?? 0)).toBe(false);
    expect(await guests.guestForSecret(joined.secret)).toBeUndefined();
    await expect(guests.join(link.token, 'Bo')).rejects.toThrow('no longer valid');
    expect((await guests.links(meetingId))[0]?.revoked_at).toMatch(/Z$/);
  });

  it('applies a meeting’s commands in one order, acks after the commit, keeps a refused one out of its batch, and knows a retry', async () => {
    const meetingId = await makeMeetingRow(store, 'engine');
    const engine = createLiveEngine({
      store,
      decideAction: () => Promise.reject(new Error('no actions here')),
    });
    const agenda = defaultAgenda('en');
    await store.db
      .updateTable('meetings')
      .set({ agenda: JSON.stringify(agenda) })
      .where('id', '=', meetingId)
      .execute();
    await engine.presence(meetingId, lead, 'join-lead', 'presence.join');
    await engine.command(meetingId, lead, 'start', { type: 'meeting.start' });
    const group = agenda.findIndex((step) => step.key === 'group');
    await engine.command(meetingId, lead, 'go', { type: 'step.go', index: group });
    // One turn of the event loop: one transaction, each command in its own savepoint.
    const sent = await Promise.allSettled([
      engine.command(meetingId, lead, 'c-1', { type: 'theme.create', name: 'Levering' }),
      engine.command(meetingId, lead, 'c-2', { type: 'theme.create', name: 'levering' }),
      engine.command(meetingId, lead, 'c-3', { type: 'theme.create', name: 'Fragtpris' }),
      engine.command(meetingId, lead, 'c-1', { type: 'theme.create', name: 'Levering' }),
    ]);
    expect(sent.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const seqs = sent.map((result) => (result.status === 'fulfilled' ? result.value.event.seq : null));
    expect(seqs).toEqual([4, null, 5, 4]);
    expect(sent[3]?.status === 'fulfilled' && sent[3].value.duplicate).toBe(true);
    const events = await engine.eventsAfter(meetingId, 0, 100);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    // A fresh engine (another process, a restart) folds the same state from the log.
    const state = await createLiveEngine({ store, decideAction: () => Promise.reject(new Error('none')) }).state(
      meetingId,
    );
    expect(Object.values(state.themes).map((theme) => theme.name)).toEqual(['Levering', 'Fragtpris']);
    expect(state.seq).toBe(5);
    await expect(engine.command(meetingId, lead, 'c-1', { type: 'theme.create', name: 'Other' })).rejects.toMatchObject(
      { code: 'OPID_REUSED' },
    );
    expect(await repo.attendance(meetingId)).toEqual([{ name: 'Lea', role: 'lead' }]);
    await engine.settle();
  });

  it('writes a batch of plain commands together beside one in a savepoint, each refusal left out and the order gapless', async () => {
    const meetingId = await makeMeetingRow(store, 'engine-mixed');
    const engine = createLiveEngine({ store, decideAction: () => Promise.reject(new Error('no actions here')) });
    const agenda = defaultAgenda('en');
    await store.db
      .updateTable('meetings')
      .set({ agenda: JSON.stringify(agenda) })
      .where('id', '=', meetingId)
      .execute();
    await engine.presence(meetingId, lead, 'mixed-join', 'presence.join');
    await engine.command(meetingId, lead, 'mixed-start', { type: 'meeting.start' });
    await engine.command(meetingId, lead, 'mixed-go', {
      type: 'step.go',
      index: agenda.findIndex((step) => step.key === 'group'),
    });
    await engine.command(meetingId, lead, 'mixed-theme', { type: 'theme.create', name: 'Levering' });
    const sent = await Promise.allSettled([
      engine.command(meetingId, lead, 'm-1', { type: 'hand.set', raised: true }),
      // Refused before anything is written (no such card), in the middle of plain commands.
      engine.command(meetingId, lead, 'm-2', { type: 'card.flag', cardId: 'no-such-card', on: true }),
      // Refused inside its own savepoint (a name the team has on the board already).
      engine.command(meetingId, lead, 'm-3', { type: 'theme.create', name: 'levering' }),
      engine.command(meetingId, lead, 'm-4', { type: 'ready.set', ready: true }),
      engine.command(meetingId, lead, 'm-5', { type: 'theme.create', name: 'Pris' }),
      // A retry of m-1 inside the same batch: the held event, not a second one.
      engine.command(meetingId, lead, 'm-1', { type: 'hand.set', raised: true }),
      engine.command(meetingId, lead, 'm-6', { type: 'hand.set', raised: false }),
    ]);
    expect(sent.map((result) => (result.status === 'fulfilled' ? result.value.event.seq : 'refused'))).toEqual([
      5,
      'refused',
      'refused',
      6,
      7,
      5,
      8,
    ]);
    expect(sent[5]?.status === 'fulfilled' && sent[5].value.duplicate).toBe(true);
    const events = await engine.eventsAfter(meetingId, 4, 100);
    expect(events.map((event) => [event.seq, event.opId, event.type])).toEqual([
      [5, 'm-1', 'hand.set'],
      [6, 'm-4', 'ready.set'],
      [7, 'm-5', 'theme.create'],
      [8, 'm-6', 'hand.set'],
    ]);
    const fresh = await createLiveEngine({ store, decideAction: () => Promise.reject(new Error('none')) }).state(
      meetingId,
    );
    expect(fresh).toEqual(await engine.state(meetingId));
    expect(Object.values(fresh.themes).map((theme) => theme.name)).toEqual(['Levering', 'Pris']);
    await engine.settle();
  });

  it('commits the commands of several meetings in one turn, each in its own order, and a meeting that fails leaves the others', async () => {
    const engine = createLiveEngine({ store, decideAction: () => Promise.reject(new Error('no actions here')) });
    const first = await makeMeetingRow(store, 'engine-a');
    const second = await makeMeetingRow(store, 'engine-b');
    const sent = await Promise.allSettled([
      engine.presence(first, lead, 'a-join', 'presence.join'),
      engine.presence(second, lead, 'b-join', 'presence.join'),
      engine.presence(first, lead, 'a-leave', 'presence.leave'),
      // No such meeting: refused on its own, whether it shares the commit with the others or not.
      engine.presence(999_999, lead, 'x-join', 'presence.join'),
      engine.presence(second, lead, 'b-leave', 'presence.leave'),
    ]);
    expect(sent.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
      'AppError: Meeting not found',
      'ok',
    ]);
    expect((await engine.eventsAfter(first, 0, 10)).map((event) => [event.seq, event.type])).toEqual([
      [1, 'presence.join'],
      [2, 'presence.leave'],
    ]);
    expect((await engine.eventsAfter(second, 0, 10)).map((event) => [event.seq, event.type])).toEqual([
      [1, 'presence.join'],
      [2, 'presence.leave'],
    ]);
    await engine.settle();
  });
});
