import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../server/db/kysely/store.ts';
import { createMeetingsRepo, type MeetingsRepo, type NewMeeting } from '../../../server/meetings/repo.ts';
import { createMeetingsService } from '../../../server/meetings/service.ts';
import { onBothStores } from '../../helpers/both-stores.ts';

const AT = '2026-12-02T08:00:00.500Z';
const LATER = '2026-12-03T09:30:00.250Z';

onBothStores('meetings repository', (open) => {
  let store: Store;
  let repo: MeetingsRepo;
  let done: () => Promise<void>;
  let lead: number;
  let team: number;
  let otherTeam: number;

  const newTeam = async (slug: string) =>
    (
      await store.db
        .insertInto('teams')
        .values({ name: slug, slug, timezone: 'Europe/Copenhagen', language: 'en' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const planned = (teamId: number, occurrence: string, startsAt: string): NewMeeting => ({
    teamId,
    occurrence,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    status: 'planned',
    skipReason: null,
    agenda: '[]',
  });
  const feedback = async (teamId: number, key: string, receivedAt: string, extra: { flagged?: 0 | 1 } = {}) =>
    (
      await store.db
        .insertInto('feedback')
        .values({
          team_id: teamId,
          import_id: null,
          source: 'app',
          external_id: null,
          dedupe_key: key,
          received_at: receivedAt,
          metric: 'nps',
          score: 9,
          title: null,
          comment: 'Fin levering',
          language: 'da',
          customer_ref: null,
          segment: null,
          original: '{}',
          reply: null,
          replied_at: null,
          flagged: extra.flagged ?? 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    ({ store, done } = await open());
    repo = createMeetingsRepo(store.db);
    lead = (
      await store.db
        .insertInto('users')
        .values({ email: 'lead@example.dk', name: 'Lead', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    team = await newTeam('kundeservice');
    otherTeam = await newTeam('salg');
  });
  afterAll(async () => done?.());

  it('keeps one cadence per first day, replaces it on the same day and drops the later ones', async () => {
    expect(await repo.cadences(team)).toEqual([]);
    await repo.upsertCadence(team, 'FREQ=MONTHLY;BYDAY=2TU', '10:00', 'Europe/Copenhagen', 60, '2026-01-01', lead);
    await repo.upsertCadence(team, 'FREQ=MONTHLY;BYDAY=3WE', '09:00', 'Europe/Copenhagen', 45, '2026-06-01', null);
    await repo.upsertCadence(team, 'FREQ=MONTHLY;BYDAY=1MO', '08:30', 'Europe/Copenhagen', 90, '2026-01-01', lead);
    const rules = await repo.cadences(team);
    expect(rules).toEqual([
      {
        id: expect.any(Number),
        rrule: 'FREQ=MONTHLY;BYDAY=1MO',
        start_time: '08:30',
        timezone: 'Europe/Copenhagen',
        duration_minutes: 90,
        valid_from: '2026-01-01',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=3WE',
        start_time: '09:00',
        timezone: 'Europe/Copenhagen',
        duration_minutes: 45,
        valid_from: '2026-06-01',
        id: expect.any(Number),
      },
    ]);
    await repo.dropLaterCadences(team, '2026-01-01');
    expect((await repo.cadences(team)).map((rule) => rule.valid_from)).toEqual(['2026-01-01']);
    expect(await repo.cadences(otherTeam)).toEqual([]);
  });

  it('names the teams that have a cadence, with their time zone and language', async () => {
    expect(await repo.teamsWithCadence()).toEqual([
      { id: team, name: 'kundeservice', timezone: 'Europe/Copenhagen', language: 'en' },
    ]);
  });

  it('keeps one exception per occurrence, the latest word winning', async () => {
    await repo.upsertException(team, '2026-02-10T10:00', 'skipped', null, 'Vinterferie', lead);
    await repo.upsertException(team, '2026-03-10T10:00', 'moved', '2026-03-11T10:00', null, null);
    await repo.upsertException(team, '2026-02-10T10:00', 'moved', '2026-02-12T09:00', 'Flyttet', lead);
    const rows = (await repo.exceptions(team)).sort((a, b) => a.occurrence_local.localeCompare(b.occurrence_local));
    expect(rows).toEqual([
      { occurrence_local: '2026-02-10T10:00', kind: 'moved', moved_to_local: '2026-02-12T09:00', reason: 'Flyttet' },
      { occurrence_local: '2026-03-10T10:00', kind: 'moved', moved_to_local: '2026-03-11T10:00', reason: null },
    ]);
    expect(await repo.exceptions(otherTeam)).toEqual([]);
  });

  it('saves the agenda template once per team and hands future planned meetings the new one', async () => {
    expect(await repo.template(team)).toBeUndefined();
    await repo.saveTemplate(team, '[{"key":"read","name":"Read","minutes":10}]', AT);
    await repo.saveTemplate(team, '[{"key":"read","name":"Read","minutes":20}]', LATER);
    expect(await repo.template(team)).toEqual({ steps: '[{"key":"read","name":"Read","minutes":20}]' });
    const stored = await store.db
      .selectFrom('agenda_templates')
      .select('updated_at')
      .where('team_id', '=', team)
      .executeTakeFirstOrThrow();
    expect(stored.updated_at).toBe(LATER);

    const past = await repo.insertMeeting(planned(team, 'agenda-past', '2026-11-01T09:00:00.000Z'));
    const future = await repo.insertMeeting(planned(team, 'agenda-future', '2027-01-05T09:00:00.000Z'));
    await repo.refreshAgendas('["new"]', team, AT);
    expect((await repo.meeting(past, team))?.agenda).toBe('[]');
    expect((await repo.meeting(future, team))?.agenda).toBe('["new"]');
    await repo.deleteMeeting(past);
    await repo.deleteMeeting(future);
  });

  it('stores meetings, reads them in start order and only through their own team', async () => {
    const second = await repo.insertMeeting(planned(team, '2026-02-10T10:00', '2026-02-10T09:00:00.000Z'));
    const first = await repo.insertMeeting({
      ...planned(team, '2026-01-13T10:00', '2026-01-13T09:00:00.000Z'),
      status: 'skipped',
      skipReason: 'Jul',
    });
    expect(await repo.meeting(first, team)).toEqual({
      id: first,
      team_id: team,
      occurrence_local: '2026-01-13T10:00',
      starts_at: '2026-01-13T09:00:00.000Z',
      ends_at: '2026-01-13T10:00:00.000Z',
      status: 'skipped',
      skip_reason: 'Jul',
      agenda: '[]',
      window_start: null,
      window_end: '2026-01-13T09:00:00.000Z',
      prepared_at: null,
    });
    expect(await repo.meeting(first, otherTeam)).toBeUndefined();
    expect((await repo.meetings(team)).map((row) => row.id)).toEqual([first, second]);
    await expect(repo.insertMeeting(planned(team, '2026-02-10T10:00', '2026-02-11T09:00:00.000Z'))).rejects.toThrow();

    await repo.updatePlanned('2026-02-12T08:00:00.000Z', '2026-02-12T09:00:00.000Z', 'planned', null, second);
    await repo.setWindow('2026-01-13T09:00:00.000Z', '2026-02-12T08:00:00.000Z', second);
    await repo.setPrepared(second, LATER);
    expect(await repo.meeting(second, team)).toMatchObject({
      starts_at: '2026-02-12T08:00:00.000Z',
      ends_at: '2026-02-12T09:00:00.000Z',
      window_start: '2026-01-13T09:00:00.000Z',
      window_end: '2026-02-12T08:00:00.000Z',
      prepared_at: LATER,
    });
    await repo.deleteMeeting(first);
    expect((await repo.meetings(team)).map((row) => row.id)).toEqual([second]);
  });

  it('lets one calendar token open the team’s feed until it is revoked', async () => {
    expect(await repo.tokens(team)).toEqual([]);
    await repo.insertToken(team, 'hash-a');
    await repo.insertToken(otherTeam, 'hash-b');
    expect(await repo.tokenTeam('hash-a')).toEqual({ teamId: team });
    const tokens = await repo.tokens(team);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await repo.revokeTokens(team, AT);
    expect(await repo.tokenTeam('hash-a')).toBeUndefined();
    expect(await repo.tokens(team)).toEqual([]);
    expect(await repo.tokenTeam('hash-b')).toEqual({ teamId: otherTeam });
    const revoked = await store.db
      .selectFrom('calendar_tokens')
      .select('revoked_at')
      .where('token_hash', '=', 'hash-a')
      .executeTakeFirstOrThrow();
    expect(revoked.revoked_at).toBe(AT);
  });

  it('reads a window [start, end) oldest first, and from the beginning when it has no start', async () => {
    const early = await feedback(team, 'w1', '2026-03-01T10:00:00.000Z');
    const inside = await feedback(team, 'w2', '2026-03-05T10:00:00.000Z', { flagged: 1 });
    const atEnd = await feedback(team, 'w3', '2026-03-10T10:00:00.000Z');
    await feedback(otherTeam, 'w4', '2026-03-05T10:00:00.000Z');
    const window = { teamId: team, start: '2026-03-01T10:00:00.000Z', end: '2026-03-10T10:00:00.000Z' };
    expect(await repo.windowItems(window)).toEqual([
      { id: early, source: 'app', metric: 'nps', score: 9, flagged: 0 },
      { id: inside, source: 'app', metric: 'nps', score: 9, flagged: 1 },
    ]);
    expect(
      (await repo.windowItems({ ...window, start: null, end: '2026-03-11T00:00:00.000Z' })).map((i) => i.id),
    ).toEqual([early, inside, atEnd]);
  });

  it('puts each card last on the board once, removes it, and clears only the proposal', async () => {
    const meeting = await repo.insertMeeting(planned(team, 'cards', '2026-04-14T08:00:00.000Z'));
    const [a, b, c] = [
      await feedback(team, 'c1', '2026-04-01T10:00:00.000Z'),
      await feedback(team, 'c2', '2026-04-02T10:00:00.000Z'),
      await feedback(team, 'c3', '2026-04-03T10:00:00.000Z'),
    ];
    await repo.addCard(meeting, b as number, 'proposal');
    await repo.addCard(meeting, a as number, 'lead');
    await repo.addCard(meeting, b as number, 'lead');
    await repo.addCard(meeting, c as number, 'proposal');
    expect(await repo.cards(meeting)).toEqual([
      { feedbackId: b, pickedBy: 'proposal' },
      { feedbackId: a, pickedBy: 'lead' },
      { feedbackId: c, pickedBy: 'proposal' },
    ]);
    await repo.removeCard(meeting, a as number);
    await repo.addCard(meeting, a as number, 'lead');
    expect((await repo.cards(meeting)).map((card) => card.feedbackId)).toEqual([b, c, a]);
    await repo.clearProposal(meeting);
    expect(await repo.cards(meeting)).toEqual([{ feedbackId: a, pickedBy: 'lead' }]);
  });

  it('counts attendance once per person, lists actions, and archives ended meetings newest first', async () => {
    const older = await repo.insertMeeting(planned(team, 'held-1', '2026-05-12T08:00:00.000Z'));
    const newer = await repo.insertMeeting(planned(team, 'held-2', '2026-06-09T08:00:00.000Z'));
    await store.db
      .updateTable('meetings')
      .set({ status: 'ended', summary: '{"themes":[]}' })
      .where('id', 'in', [older, newer])
      .execute();
    await store.db
      .insertInto('meeting_attendance')
      .values([
        { meeting_id: older, participant: 'u:1', name: 'Anna', role: 'member' },
        { meeting_id: older, participant: 'u:2', name: 'Bo', role: 'member' },
      ])
      .execute();
    // A second join of the same person is one more row only if the table allows it; either way it counts once.
    await store.db
      .insertInto('meeting_attendance')
      .values({ meeting_id: older, participant: 'u:1', name: 'Anna', role: 'member' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    expect(await repo.attendance(older)).toEqual({ n: 2 });
    expect(await repo.attendance(newer)).toEqual({ n: 0 });

    await store.db
      .insertInto('actions')
      .values([
        { team_id: team, title: 'Ring kunden op', meeting_id: older, status: 'done', done_at: AT },
        { team_id: team, title: 'Nyt fragtfirma', meeting_id: older, status: 'open', done_at: null },
      ])
      .execute();
    expect((await repo.actionsOf(older)).sort((x, y) => x.status.localeCompare(y.status))).toEqual([
      { status: 'done', doneAt: AT },
      { status: 'open', doneAt: null },
    ]);
    expect(await repo.actionsOf(newer)).toEqual([]);

    expect(await repo.archive(team)).toEqual([
      { id: newer, starts_at: '2026-06-09T08:00:00.000Z', summary: '{"themes":[]}', attendance: 0 },
      { id: older, starts_at: '2026-05-12T08:00:00.000Z', summary: '{"themes":[]}', attendance: 2 },
    ]);
    expect(await repo.archive(otherTeam)).toEqual([]);
  });

  it('runs inside a store transaction over trx, and rolls back with it', async () => {
    await expect(
      store.transaction(async (trx) => {
        const inside = createMeetingsRepo(trx);
        await inside.insertMeeting(planned(team, 'rolled-back', '2026-07-14T08:00:00.000Z'));
        expect((await inside.meetings(team)).some((row) => row.occurrence_local === 'rolled-back')).toBe(true);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await repo.meetings(team)).some((row) => row.occurrence_local === 'rolled-back')).toBe(false);
  });

  it('schedules through the service in one transaction: the cadence, its meetings, their windows and a board', async () => {
    const meetings = createMeetingsService({ store });
    const sales = { id: otherTeam, name: 'salg', timezone: 'Europe/Copenhagen', language: 'da' as const };
    const now = new Date('2026-09-01T08:00:00.000Z');
    await meetings.setCadence(
      sales,
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-07-01' },
      lead,
      now,
    );
    const rows = await meetings.meetings(sales);
    expect(rows.map((row) => row.starts_at)).toEqual([
      '2026-07-14T08:00:00.000Z',
      '2026-08-11T08:00:00.000Z',
      '2026-09-08T08:00:00.000Z',
      '2026-10-13T08:00:00.000Z',
    ]);
    expect(rows[1]).toMatchObject({ window_start: '2026-07-14T08:00:00.000Z', window_end: '2026-08-11T08:00:00.000Z' });
    const next = await meetings.next(sales, now);
    expect(next?.starts_at).toBe('2026-09-08T08:00:00.000Z');
    // A second run at the same moment finds nothing to change.
    await meetings.schedule(sales, now);
    expect(await meetings.meetings(sales)).toEqual(rows);

    const item = await feedback(otherTeam, 's1', '2026-08-20T10:00:00.000Z');
    expect(await meetings.propose(sales, next?.id ?? 0)).toEqual([item]);
    expect((await meetings.board(sales, next?.id ?? 0)).cards).toEqual([{ feedbackId: item, pickedBy: 'proposal' }]);
    await expect(
      meetings.setException(sales, { occurrence: '2026-09-08T10:00', skip: true, reason: 'Messe' }, lead, now),
    ).resolves.toBeUndefined();
    expect((await meetings.next(sales, now))?.starts_at).toBe('2026-10-13T08:00:00.000Z');
    expect(await meetings.feed(sales, now)).toContain('EXDATE');
  });
});
