import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  applyMeetingEvent,
  applyPatch,
  diffStates,
  initialState,
  projectChange,
  projectState,
  type Actor,
  type EventBody,
  type MeetingEvent,
  type MeetingState,
} from '../../shared/meeting/index.ts';

const lea: Actor = { key: 'u:1', name: 'Lea', role: 'lead' };
const anna: Actor = { key: 'u:2', name: 'Anna', role: 'member' };
const bo: Actor = { key: 'u:3', name: 'Bo', role: 'member' };
const steps = ['checkin', 'read', 'group', 'vote', 'decide'].map((key) => ({ key, name: key, minutes: 2 }));
const card = (id: string) => ({
  id,
  quote: `quote ${id}`,
  title: null,
  metric: 'nps',
  score: 8,
  source: 's',
  receivedAt: '2026-01-01',
  language: 'da',
  position: Number(id),
});

/** The server's log and state, and each viewer's replica folded from what `projectChange` sends them. */
class Meeting {
  state: MeetingState = initialState(1);
  sent: Record<string, MeetingEvent[]> = { [lea.key]: [], [anna.key]: [], [bo.key]: [] };
  views: Record<string, MeetingState> = {};
  constructor() {
    for (const key of Object.keys(this.sent)) this.views[key] = projectState(this.state, key);
    this.add(lea, { type: 'meeting.start', payload: { steps, cards: [card('10'), card('11')] } });
  }
  add(actor: Actor, body: EventBody): MeetingEvent {
    const event = {
      ...body,
      seq: this.state.seq + 1,
      opId: `op-${this.state.seq + 1}`,
      at: 1000,
      actor,
    } as MeetingEvent;
    const before = this.state;
    this.state = applyMeetingEvent(before, event);
    for (const key of Object.keys(this.sent)) {
      const projected = projectChange(event, before, this.state, key);
      this.sent[key]?.push(projected);
      this.views[key] = applyMeetingEvent(this.views[key] ?? initialState(1), projected);
    }
    return event;
  }
  /** Each viewer's folded replica equals their fresh projection. */
  expectConverged(): void {
    for (const key of Object.keys(this.sent))
      expect(json(this.views[key])).toEqual(json(projectState(this.state, key)));
  }
  lastTo(key: string): MeetingEvent | undefined {
    return this.sent[key]?.at(-1);
  }
}
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('a step change as a patch of each viewer’s projection', () => {
  it('turns any state into another and back through diffStates and applyPatch', () => {
    const m = new Meeting();
    const a = m.state;
    m.add(lea, { type: 'step.go', payload: { index: 1 } });
    m.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'x', commentId: 'c1' } });
    m.add(anna, { type: 'card.react', payload: { cardId: '11', reaction: 'wow', on: true } });
    const b = m.state;
    expect(json(applyPatch(a, diffStates(a, b)))).toEqual(json(b));
    expect(json(applyPatch(b, diffStates(b, a)))).toEqual(json(a));
    expect(diffStates(b, b)).toEqual({});
    // Keys such as __proto__ stay ordinary entries.
    const odd = { ...b, comments: { ...b.comments } };
    Object.defineProperty(odd.comments, '__proto__', { value: b.comments['c1'], enumerable: true });
    expect(Object.keys(applyPatch(b, diffStates(b, odd)).comments)).toContain('__proto__');
  });

  it('reveals private writing on leaving the reading step with only the comments others wrote', () => {
    const m = new Meeting();
    m.add(lea, { type: 'step.go', payload: { index: 1 } });
    m.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'ANNA PRIVATE', commentId: 'a1' } });
    m.add(bo, { type: 'comment.add', payload: { cardId: '11', text: 'bo private', commentId: 'b1' } });
    for (const event of m.sent[bo.key] ?? []) expect(JSON.stringify(event)).not.toContain('ANNA PRIVATE');
    m.add(lea, { type: 'step.go', payload: { index: 2 } });
    const change = m.lastTo(bo.key);
    if (change?.type !== 'change') throw new Error('no change');
    expect(change.payload.event).toEqual({ type: 'step.go', payload: { index: 2 } });
    // Bo's own comment turns public through the step itself; only Anna's travels.
    expect(Object.keys(change.payload.patch.entries?.comments?.set ?? {})).toEqual(['a1']);
    expect(change.payload.patch.entries?.cards).toBeUndefined();
    m.expectConverged();
  });

  it('never sends private writing or hidden authors in a change made while writing is private', () => {
    const m = new Meeting();
    m.add(lea, { type: 'step.go', payload: { index: 1 } });
    m.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'ANNA PRIVATE', commentId: 'a1' } });
    m.add(anna, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    m.add(lea, { type: 'authors.show', payload: { shown: false } });
    m.add(lea, { type: 'authors.show', payload: { shown: true } });
    m.add(lea, { type: 'authors.show', payload: { shown: false } });
    m.add(lea, { type: 'step.go', payload: { index: 2 } });
    m.add(lea, { type: 'step.go', payload: { index: 3 } });
    const toBo = (m.sent[bo.key] ?? []).filter((e) => e.type === 'change');
    expect(toBo).toHaveLength(6);
    const whileWriting = toBo.slice(0, 4);
    for (const event of whileWriting) expect(JSON.stringify(event)).not.toContain('ANNA PRIVATE');
    // From the last hiding on, nothing names Anna; her comment arrives without its author.
    for (const event of toBo.slice(3)) expect(JSON.stringify(event)).not.toContain(anna.key);
    expect(m.views[bo.key]?.comments['a1']).toMatchObject({ text: 'ANNA PRIVATE', author: null });
    expect(m.views[bo.key]?.cards['10']?.reactions.wow).toEqual([ANONYMOUS]);
    m.expectConverged();
  });

  it('counts the votes in on leaving the voting step, pooled when authors are hidden', () => {
    const m = new Meeting();
    m.add(lea, { type: 'authors.show', payload: { shown: false } });
    m.add(lea, { type: 'step.go', payload: { index: 2 } });
    m.add(anna, { type: 'theme.create', payload: { name: 'Waiting', themeId: 7 } });
    m.add(lea, { type: 'step.go', payload: { index: 3 } });
    m.add(anna, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    m.add(lea, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    m.add(bo, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    m.add(lea, { type: 'step.go', payload: { index: 4 } });
    const change = m.lastTo(bo.key);
    if (change?.type !== 'change') throw new Error('no change');
    expect(change.payload.patch.entries?.votes?.set).toEqual({ [ANONYMOUS]: { 7: 2 } });
    expect(JSON.stringify(change)).not.toContain(anna.key);
    m.expectConverged();
  });

  it('leaves the rarer visibility events (start, end, facilitator) as snapshots', () => {
    const m = new Meeting();
    expect(m.sent[bo.key]?.[0]?.type).toBe('snapshot');
    m.add(lea, { type: 'facilitator.claim', payload: {} });
    expect(m.lastTo(bo.key)?.type).toBe('snapshot');
    m.expectConverged();
  });
});
