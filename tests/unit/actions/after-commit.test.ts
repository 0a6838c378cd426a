import { describe, expect, it } from 'vitest';
import type { ActionChange } from '../../../server/actions/service.ts';
import { makeServices } from '../../helpers/services.ts';

/** A team with a lead, a webhook and a planned review; every change the tracker hears, with whether a transaction was open. */
async function setup() {
  const made = await makeServices();
  const { db, services, team } = made;
  const lead = await services.users.create({ email: 'lea@example.dk', name: 'Lea', password: 'a-long-password' });
  await services.teams.addMember(team.slug, lead.email, 'lead');
  await services.webhooks.create(team.id, 'https://hooks.example.com/kadence', lead.id);
  const full = await services.teams.bySlug(team.slug);
  await services.meetings.setCadence(
    full,
    { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60 },
    lead.id,
  );
  const meeting = await services.meetings.next(full);
  if (!meeting) throw new Error('no review');
  const heard: (ActionChange & { inTransaction: boolean })[] = [];
  services.actions.onChange((change) => heard.push({ ...change, inTransaction: db.inTransaction }));
  const decision = {
    teamId: team.id,
    meetingId: meeting.id,
    title: 'Ring tilbage',
    ownerId: lead.id,
    dueDate: null,
    themeId: null,
    decidedBy: lead.id,
    origins: [],
  };
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...made, lead, meeting, heard, decision, count };
}

describe('announcing action changes after the commit', () => {
  it('announces the tracker’s own changes once their transaction has committed', async () => {
    const { services, team, lead, heard } = await setup();
    const created = await services.actions.create(lead, team.slug, { title: 'Svar hurtigere' });
    await services.actions.addNote(lead, created.id, 'I gang');
    expect(heard).toEqual([
      { teamId: team.id, teamSlug: team.slug, actionId: created.id, event: 'action.created', inTransaction: false },
      { teamId: team.id, teamSlug: team.slug, actionId: created.id, event: 'action.updated', inTransaction: false },
    ]);
  });

  it('holds a decision’s announcement until the caller says its store transaction committed', async () => {
    const { services, heard, decision, meeting, count } = await setup();
    let announce: (() => void) | undefined;
    await services.store.transaction(async (trx) => {
      const collected = await services.actions.within(trx).decide(decision);
      announce = collected.announce;
      expect(collected.value).toMatchObject({
        meetingId: meeting.id,
        history: [expect.objectContaining({ kind: 'decided', to: meeting.starts_at })],
      });
    });
    expect(heard).toEqual([]);
    expect(count("action_webhook_deliveries WHERE event = 'action.created'")).toBe(1);
    announce?.();
    expect(heard.map((change) => [change.event, change.inTransaction])).toEqual([['action.created', false]]);
  });

  it('leaves no action, no webhook and no announcement when the caller’s store transaction rolls back', async () => {
    const { services, heard, decision, count } = await setup();
    await expect(
      services.store.transaction(async (trx) => {
        await services.actions.within(trx).decide(decision);
        throw new Error('the event could not be appended');
      }),
    ).rejects.toThrow('the event could not be appended');
    expect(count('actions')).toBe(0);
    expect(count('action_webhook_deliveries')).toBe(0);
    expect(heard).toEqual([]);
  });

  it('refuses an owner from outside the team, like the tracker', async () => {
    const { services, decision, count } = await setup();
    const outsider = await services.users.create({
      email: 'olga@example.dk',
      name: 'Olga',
      password: 'a-long-password',
    });
    await expect(services.actions.decide({ ...decision, ownerId: outsider.id })).rejects.toThrow(
      'The owner must be a member of the team',
    );
    // Also inside the meeting event's own transaction, which the refusal rolls back.
    await expect(
      services.store.transaction((trx) => services.actions.within(trx).decide({ ...decision, ownerId: outsider.id })),
    ).rejects.toThrow('The owner must be a member of the team');
    expect(count('actions')).toBe(0);
  });
});
