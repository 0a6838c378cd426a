import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveActions } from '../../server/live/actions.ts';
import { createLiveEngine } from '../../server/live/engine.ts';
import type { Actor } from '../../shared/meeting/index.ts';
import type { FeedbackPage } from '../../shared/schemas/feedback.ts';
import type { ThemeTrends } from '../../shared/schemas/theme-trends.ts';
import { holdGrouped } from '../helpers/grouped-board.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';
import { makeTestApp } from '../helpers/session-client.ts';

const BOARD = [
  'Pakken kom tre dage for sent',
  'Leveringen var forsinket igen',
  'Min pakke kom for sent',
  'Prisen er alt for høj',
  'Alt for dyrt, prisen er steget',
];
/** Items of the same months that no board showed. */
const UNGROUPED = [
  'Pakken er forsinket og leveringen tog en uge',
  'Levering tog alt for lang tid, pakken var forsinket',
  'Priserne er for høje i forhold til før',
  'Dyrt, prisen steg igen',
  'Appen crasher når jeg logger ind',
  'Appen lukker ned ved login',
];

/**
 * Items no board grouped get the team's themes they resemble from the suggestion model: shown apart
 * from the boards' themes, in the filter only when asked for, and never a theme no meeting made.
 */
describe('the inbox shows the suggestion model’s themes for items no board grouped', () => {
  let app: FastifyInstance;
  let cookie: string;
  let board: number[];
  let ungrouped: number[];

  const inbox = async (query: string) => {
    const response = await app.inject({ url: `/api/teams/support/feedback?${query}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.json() as FeedbackPage;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea', 'lead');
    cookie = lea.cookie;
    const meetingId = await makeMeeting(
      app,
      'support',
      BOARD.map((comment) => ({ comment })),
    );
    board = (
      await app.services.store.db
        .selectFrom('meeting_cards')
        .select('feedback_id as id')
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute()
    ).map((row) => row.id);
    const team = await app.services.teams.bySlug('support');
    ungrouped = [];
    for (const [index, text] of UNGROUPED.entries()) {
      const { id } = await app.services.store.db
        .insertInto('feedback')
        .values({
          team_id: team.id,
          source: 'survey',
          dedupe_key: `u-${index}`,
          received_at: '2026-01-20T10:00:00.000Z',
          metric: 'nps',
          score: 5,
          comment: text,
          language: 'da',
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ungrouped.push(id);
    }
    const engine = createLiveEngine({ store: app.services.store, ...liveActions(app.services) });
    const actor: Actor = { key: `u:${lea.id}`, name: 'Lea', role: 'lead' };
    let op = 0;
    await holdGrouped(async (command) => (await engine.command(meetingId, actor, `op-${++op}`, command)).event, board, [
      { theme: 'Levering', cards: [0, 1, 2] },
      { theme: 'Pris', cards: [3, 4] },
    ]);
  });
  afterAll(async () => app.close());

  it('suggests the boards’ themes for the ungrouped items that resemble them, and none for the rest', async () => {
    const page = await inbox('limit=200');
    const row = (id: number | undefined) => page.items.find((item) => item.id === id);
    for (const id of ungrouped.slice(0, 2))
      expect(row(id)).toMatchObject({ themes: [], suggestedThemes: ['Levering'] });
    for (const id of ungrouped.slice(2, 4)) expect(row(id)).toMatchObject({ themes: [], suggestedThemes: ['Pris'] });
    // The app comments resemble no theme a meeting made: the model names no new one here.
    for (const id of ungrouped.slice(4)) expect(row(id)).toMatchObject({ themes: [], suggestedThemes: [] });
    // A grouped item carries its board theme only.
    expect(row(board[0])).toMatchObject({ themes: ['Levering'], suggestedThemes: [] });
  });

  it('filters by a theme with the suggested items only when asked', async () => {
    const ids = async (query: string) => (await inbox(query)).items.map((item) => item.id).sort((a, b) => a - b);
    const sorted = (list: (number | undefined)[]) => list.map(Number).sort((a, b) => a - b);
    expect(await ids('theme=levering')).toEqual(sorted(board.slice(0, 3)));
    expect(await ids('theme=levering&suggested=true')).toEqual(
      sorted([...board.slice(0, 3), ...ungrouped.slice(0, 2)]),
    );
    expect(await ids('theme=Pris&suggested=true')).toEqual(sorted([...board.slice(3), ...ungrouped.slice(2, 4)]));
  });

  it('counts only what the boards grouped as mentions', async () => {
    const response = await app.inject({ url: '/api/teams/support/themes/monthly', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const trends = response.json() as ThemeTrends;
    const january = (name: string) =>
      trends.themes.find((theme) => theme.name === name)?.months.find((month) => month.month === '2026-01')?.mentions;
    expect(january('Levering')).toBe(3);
    expect(january('Pris')).toBe(2);
  });
});
