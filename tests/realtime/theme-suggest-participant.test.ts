import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/events.ts';
import type { ThemeSuggestions } from '../../shared/meeting/index.ts';
import { useLiveServer } from '../helpers/live-server.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

const suggest = (c: LiveClient, meetingId: number, cardIds: string[]) =>
  c.socket.emitWithAck('themes:suggest', { meetingId, cardIds }) as Promise<Ack<ThemeSuggestions>>;

const BOARD = [
  'Pakken kom en uge for sent',
  'Leveringen tog alt for lang tid',
  'Min pakke blev leveret for sent igen',
  'Levering var forsinket to dage',
  'Supporten var venlig og hurtig',
  'Venlig og hjælpsom support i telefonen',
  'Supporten svarede hurtigt og venligt',
  'Appen crasher når jeg logger ind',
];
const OTHER_BOARD = ['Prisen er for høj', 'Alt for dyrt', 'Prisen steg igen'];

/** Every socket.io message a client receives, whatever its event name. */
function recordAll(c: LiveClient): string[] {
  const seen: string[] = [];
  c.socket.onAny((event: string) => seen.push(event));
  return seen;
}

describe('a participant asks for suggestions for the cards they look at', () => {
  const live = useLiveServer();
  const { client } = live;

  it('answers that participant alone, applies nothing, and refuses cards outside the meeting', async () => {
    const app = live.server().app;
    await app.services.teams.create({ name: 'Levering', slug: 'levering' });
    const lea = await makeMember(app, 'levering', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(app, 'levering', 'anna@example.dk', 'Anna', 'member');
    const bo = await makeMember(app, 'levering', 'bo@example.dk', 'Bo', 'member');
    const meetingId = await makeMeeting(
      app,
      'levering',
      BOARD.map((comment) => ({ comment, score: 5 })),
    );
    // Another meeting of the same team, whose cards Anna may not ask about from this one.
    const otherId = await makeMeeting(
      app,
      'levering',
      OTHER_BOARD.map((comment) => ({ comment, score: 3 })),
      undefined,
      '2026-02-10T09:00:00.000Z',
    );
    const [l, a, b] = [client(lea.cookie, 'lea'), client(anna.cookie, 'anna'), client(bo.cookie, 'bo')];
    for (const c of [l, a, b]) {
      await c.connected();
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    // A card's id on the board is its feedback item's id.
    const otherCards = (
      await app.services.store.db
        .selectFrom('meeting_cards')
        .select('feedback_id as id')
        .where('meeting_id', '=', otherId)
        .execute()
    ).map((row) => String(row.id));
    expect(otherCards).toHaveLength(OTHER_BOARD.length);

    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
    const joined = await l.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('join failed');
    const seqBefore = joined.seq;
    const cardIds = Object.keys(joined.state.cards);
    const looking = cardIds.slice(0, 7);
    // Every socket has had the step change first (on PostgreSQL it reaches them through the
    // committed-event fan-out, a moment after the sender's ack), so what is recorded next is new.
    for (let i = 0; i < 100 && ![a, b].every((c) => c.events.some((e) => e.seq >= seqBefore)); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const toLea = recordAll(l);
    const toBo = recordAll(b);
    const toAnna = recordAll(a);
    const forAnna = await suggest(a, meetingId, looking);
    if (!forAnna.ok) throw new Error(forAnna.error.message);
    // Suggestions for exactly the cards she passed, each once, grouped: delivery apart from support.
    const covered = [...forAnna.themes.flatMap((t) => t.items), ...forAnna.unassigned].map((r) => `${r.kind}:${r.id}`);
    expect(covered.sort()).toEqual(looking.map((id) => `card:${id}`).sort());
    expect(forAnna.themes.length).toBeGreaterThanOrEqual(2);
    const themeOf = (id: string) => forAnna.themes.findIndex((t) => t.items.some((item) => item.id === id));
    expect(themeOf(cardIds[0] ?? '')).toBeGreaterThanOrEqual(0);
    expect(themeOf(cardIds[0] ?? '')).not.toBe(themeOf(cardIds[4] ?? ''));

    // Nobody else hears of it, and nothing was applied: the log has not moved, the board has no theme.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(toLea).toEqual([]);
    expect(toBo).toEqual([]);
    expect(toAnna).toEqual([]);
    const after = await l.join(meetingId);
    if (!after.ok || !after.state) throw new Error('join failed');
    // The facilitator's join itself is one presence event; no theme came with it.
    expect(after.seq).toBeLessThanOrEqual(seqBefore + 1);
    expect(after.state.themes).toEqual(joined.state.themes);
    expect(Object.values(after.state.cards).every((card) => card.themeId === null)).toBe(true);

    // Cards of another meeting, alone or among this meeting's, are refused; so is a card that does not exist.
    for (const ids of [otherCards, [...looking.slice(0, 3), otherCards[0] ?? ''], ['no-such-card']]) {
      expect(await suggest(a, meetingId, ids)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers in the reading step too, from what the asker may see, and applies nothing', async () => {
    const app = live.server().app;
    await app.services.teams.create({ name: 'Læsning', slug: 'laesning' });
    const lea = await makeMember(app, 'laesning', 'lea.read@example.dk', 'Lea', 'lead');
    const anna = await makeMember(app, 'laesning', 'anna.read@example.dk', 'Anna', 'member');
    const bo = await makeMember(app, 'laesning', 'bo.read@example.dk', 'Bo', 'member');
    // Danish and English delivery complaints beside support praise: the read step shows them all.
    const texts = [
      'Pakken kom en uge for sent',
      'Leveringen var forsinket igen',
      'The parcel arrived a week late',
      'Delivery was delayed again',
      'Supporten var venlig og hurtig',
      'Customer service was friendly and quick',
      'Supporten svarede hurtigt',
      'Prisen er for høj',
    ];
    const meetingId = await makeMeeting(
      app,
      'laesning',
      texts.map((comment) => ({ comment, score: 4 })),
    );
    const [l, a, b] = [client(lea.cookie, 'lea'), client(anna.cookie, 'anna'), client(bo.cookie, 'bo')];
    for (const c of [l, a, b]) {
      await c.connected();
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    const read = await l.send(meetingId, { type: 'step.go', index: 1 });
    expect(read).toMatchObject({ ok: true });
    const joined = await a.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('join failed');
    expect(joined.state.steps[joined.state.stepIndex]?.key).toBe('read');
    const cardOf = new Map(Object.values(joined.state.cards).map((card) => [card.quote, card.id]));
    const id = (text: string) => cardOf.get(text) ?? '';

    // While reading, comments are private: Bo's is his until they are revealed, Anna's is hers.
    const bos = await b.send(meetingId, {
      type: 'comment.add',
      cardId: id(texts[0] ?? ''),
      text: 'Forsinket levering igen',
    });
    const annas = await a.send(meetingId, {
      type: 'comment.add',
      cardId: id(texts[1] ?? ''),
      text: 'Pakken var forsinket',
    });
    expect(bos).toMatchObject({ ok: true });
    expect(annas).toMatchObject({ ok: true });
    if (!annas.ok || !bos.ok) throw new Error('comment refused');
    await l.until(Math.max(annas.seq, bos.seq));
    const seqBefore = Math.max(annas.seq, bos.seq);

    // Anna's filter shows the first seven cards (the price card is filtered away).
    const looking = texts.slice(0, 7).map(id);
    const toLea = recordAll(l);
    const toBo = recordAll(b);
    const forAnna = await suggest(a, meetingId, looking);
    if (!forAnna.ok) throw new Error(forAnna.error.message);
    const cards = [...forAnna.themes.flatMap((t) => t.items), ...forAnna.unassigned].filter((r) => r.kind === 'card');
    expect(cards.map((r) => r.id).sort()).toEqual([...looking].sort());
    const comments = [...forAnna.themes.flatMap((t) => t.items), ...forAnna.unassigned].filter(
      (r) => r.kind === 'comment',
    );
    // Her own private comment is among them, Bo's is not.
    expect(comments).toHaveLength(1);
    const themeOf = (cardId: string) => forAnna.themes.findIndex((t) => t.items.some((item) => item.id === cardId));
    // Danish and English delivery cards fall together, apart from the support cards.
    expect(themeOf(id(texts[0] ?? ''))).toBeGreaterThanOrEqual(0);
    expect(themeOf(id(texts[2] ?? ''))).toBe(themeOf(id(texts[0] ?? '')));
    expect(themeOf(id(texts[3] ?? ''))).toBe(themeOf(id(texts[1] ?? '')));
    expect(themeOf(id(texts[4] ?? ''))).not.toBe(themeOf(id(texts[0] ?? '')));

    // The facilitator may look at the cards shown too, but accepting waits for the group step.
    const forLea = await suggest(l, meetingId, looking);
    if (!forLea.ok) throw new Error(forLea.error.message);
    // Anna's private comment is not in the facilitator's suggestions either.
    const leasComments = [...forLea.themes.flatMap((t) => t.items), ...forLea.unassigned].filter(
      (r) => r.kind === 'comment',
    );
    expect(leasComments).toEqual([]);
    const first = forLea.themes[0];
    if (!first) throw new Error('no theme suggested');
    expect(await l.send(meetingId, { type: 'theme.accept', name: first.name, items: first.items })).toMatchObject({
      ok: false,
    });

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(toLea).toEqual([]);
    expect(toBo).toEqual([]);
    const after = await l.join(meetingId);
    if (!after.ok || !after.state) throw new Error('join failed');
    expect(after.seq).toBeLessThanOrEqual(seqBefore + 1);
    expect(after.state.themes).toEqual({});
    expect(Object.values(after.state.cards).every((card) => card.themeId === null)).toBe(true);
  });
});
