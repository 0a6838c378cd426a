import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/events.ts';
import type { ItemRef, ThemeSuggestions } from '../../shared/meeting/index.ts';
import { useLiveServer } from '../helpers/live-server.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

const suggest = (c: LiveClient, meetingId: number, cardIds?: string[]) =>
  c.socket.emitWithAck('themes:suggest', {
    meetingId,
    ...(cardIds ? { cardIds } : {}),
  }) as Promise<Ack<ThemeSuggestions>>;

/** Every item of the answer, in themes and unassigned, as `kind:id`. */
const covered = (s: ThemeSuggestions): string[] =>
  [...s.themes.flatMap((t) => t.items), ...s.unassigned].map((r: ItemRef) => `${r.kind}:${r.id}`);

const CARDS = [
  'Pakken kom en uge for sent',
  'Leveringen tog alt for lang tid',
  'Min pakke blev leveret for sent igen',
  'Levering var forsinket to dage',
  'Pakken var forsinket og kom aldrig frem',
  'Supporten var venlig og hurtig',
  'Venlig og hjælpsom support i telefonen',
  'Supporten svarede hurtigt og venligt',
  'Appen crasher når jeg logger ind',
  'Appen lukker ned ved login',
];

describe('suggested themes over socket.io', () => {
  const live = useLiveServer();
  const { client } = live;

  it('suggests from what each viewer may see, covering every ungrouped item once', async () => {
    await live.server().app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(live.server().app, 'support', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(live.server().app, 'support', 'anna@example.dk', 'Anna', 'member');
    const bo = await makeMember(live.server().app, 'support', 'bo@example.dk', 'Bo', 'member');
    const meetingId = await makeMeeting(
      live.server().app,
      'support',
      CARDS.map((comment) => ({ comment, score: 5 })),
    );
    const [l, a, b] = [client(lea.cookie, 'lea'), client(anna.cookie, 'anna'), client(bo.cookie, 'bo')];
    for (const c of [l, a, b]) {
      await c.connected();
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    // Not before the meeting is live.
    expect(await suggest(l, meetingId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    const joined = await l.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('join failed');
    const cardIds = Object.keys(joined.state.cards);

    // Private writing while reading: Anna's and Bo's comments on the first card.
    const annaWrote = await a.send(meetingId, {
      type: 'comment.add',
      cardId: cardIds[0] ?? '',
      text: 'Pakken kom sent',
    });
    const boWrote = await b.send(meetingId, { type: 'comment.add', cardId: cardIds[0] ?? '', text: 'Levering sent' });
    if (!annaWrote.ok || !boWrote.ok) throw new Error('comment refused');
    const comments = await commentIds(a, b, meetingId);

    // The facilitator's suggestions hold the cards and no one's private comment.
    const forLea = await suggest(l, meetingId);
    if (!forLea.ok) throw new Error(forLea.error.message);
    expect(covered(forLea).sort()).toEqual(cardIds.map((id) => `card:${id}`).sort());

    // Anna asks for the cards she looks at: her own comment is in, Bo's never.
    const looking = cardIds.slice(0, 5);
    // A card that is not on this board is refused, not silently left out.
    expect(await suggest(a, meetingId, [...looking, 'no-such-card'])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const forAnna = await suggest(a, meetingId, looking);
    if (!forAnna.ok) throw new Error(forAnna.error.message);
    expect(covered(forAnna).sort()).toEqual([...looking.map((id) => `card:${id}`), `comment:${comments.anna}`].sort());
    expect(covered(forAnna)).not.toContain(`comment:${comments.bo}`);
    expect(JSON.stringify(forAnna)).not.toContain('Levering sent');
    // A participant may not ask for the whole board.
    expect(await suggest(a, meetingId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Malformed requests are refused by the schema.
    const bad = (await a.socket.emitWithAck('themes:suggest', { meetingId, cardIds: [] })) as Ack;
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // In the group step everything is revealed: the facilitator's suggestions cover each item once.
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
    const all = await suggest(l, meetingId);
    if (!all.ok) throw new Error(all.error.message);
    const everything = [
      ...cardIds.map((id) => `card:${id}`),
      `comment:${comments.anna}`,
      `comment:${comments.bo}`,
    ].sort();
    expect(covered(all).sort()).toEqual(everything);
    expect(new Set(covered(all)).size).toBe(covered(all).length);
    expect(all.themes.length).toBeGreaterThan(0);

    // Once a suggestion is accepted, its items are no longer suggested.
    const [first] = all.themes;
    if (!first) throw new Error('no theme suggested');
    const accepted = await l.send(meetingId, { type: 'theme.accept', name: first.name, items: first.items });
    expect(accepted).toMatchObject({ ok: true });
    const after = await suggest(l, meetingId);
    if (!after.ok) throw new Error(after.error.message);
    const left = new Set(covered(after));
    for (const item of first.items) expect(left.has(`${item.kind}:${item.id}`)).toBe(false);
  });
});

/** The ids of Anna's and Bo's comments, each read from their own view. */
async function commentIds(a: LiveClient, b: LiveClient, meetingId: number): Promise<{ anna: string; bo: string }> {
  const [ja, jb] = [await a.join(meetingId), await b.join(meetingId)];
  if (!ja.ok || !ja.state || !jb.ok || !jb.state) throw new Error('join failed');
  return { anna: Object.keys(ja.state.comments)[0] ?? '', bo: Object.keys(jb.state.comments)[0] ?? '' };
}
