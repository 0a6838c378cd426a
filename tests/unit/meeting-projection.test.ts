import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  applyMeetingEvent,
  initialState,
  projectCatchUp,
  projectEvent,
  projectForOthers,
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
const card = {
  id: '10',
  quote: 'q',
  title: null,
  metric: 'nps',
  score: 8,
  source: 's',
  receivedAt: '2026-01-01',
  language: 'da',
  position: 0,
};

/** The server's full log and state, and Bo's own replica folded from what he would receive. */
class Meeting {
  events: MeetingEvent[] = [];
  state: MeetingState = initialState(1);
  bo: MeetingState;
  constructor() {
    this.add(lea, { type: 'meeting.start', payload: { steps, cards: [card] } });
    this.add(lea, { type: 'authors.show', payload: { shown: false } });
    this.bo = projectState(this.state, bo.key);
  }
  add(actor: Actor, body: EventBody): MeetingEvent {
    const event = {
      ...body,
      seq: this.state.seq + 1,
      opId: `op-${this.state.seq + 1}`,
      at: 1000,
      actor,
    } as MeetingEvent;
    this.events.push(event);
    this.state = applyMeetingEvent(this.state, event);
    if (this.bo) this.bo = applyMeetingEvent(this.bo, projectEvent(event, this.state, bo.key));
    return event;
  }
}

describe('projection with authors hidden', () => {
  it('gives others reaction and flag totals without keys, and keeps the viewer’s own marks as theirs', () => {
    const m = new Meeting();
    const react = m.add(anna, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    expect(projectForOthers(react, m.state)).toMatchObject({
      type: 'card.marks',
      actor: { key: ANONYMOUS },
      payload: { cardId: '10', reactions: { wow: 1 }, flags: 0 },
    });
    m.add(bo, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    // A repeated "on" changes nothing on the server, so it changes nothing for Bo either.
    m.add(anna, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    m.add(anna, { type: 'card.flag', payload: { cardId: '10', on: true } });
    expect(m.bo.cards['10']?.reactions.wow).toEqual(['u:3', ANONYMOUS]);
    expect(m.bo.cards['10']?.flags).toEqual([ANONYMOUS]);
    m.add(anna, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: false } });
    expect(m.bo.cards['10']?.reactions.wow).toEqual(['u:3']);
    // Bo's stream and a fresh snapshot for him agree.
    expect(projectState(m.state, bo.key).cards['10']).toEqual(m.bo.cards['10']);
    expect(JSON.stringify(m.bo)).not.toContain('u:2');
  });

  it('pools others’ revealed votes into one anonymous bucket with the right totals', () => {
    const m = new Meeting();
    m.add(lea, { type: 'step.go', payload: { index: 2 } });
    m.add(anna, { type: 'theme.create', payload: { name: 'Waiting', themeId: 7 } });
    m.add(lea, { type: 'step.go', payload: { index: 3 } });
    m.add(anna, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    m.add(lea, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    m.add(bo, { type: 'vote.cast', payload: { themeId: 7, delta: 1 } });
    expect(m.bo.votes).toEqual({ 'u:3': { 7: 1 } });
    m.add(lea, { type: 'step.go', payload: { index: 4 } });
    expect(m.bo.votes).toEqual({ 'u:3': { 7: 1 }, [ANONYMOUS]: { 7: 2 } });
    expect(m.bo.themes['7']?.name).toBe('Waiting');
    expect(
      m.events.filter((e) => e.type === 'theme.create').map((e) => projectForOthers(e, m.state).actor.key),
    ).toEqual([ANONYMOUS]);
  });

  it('asks for a snapshot when a catch-up would have to replay someone else’s mark', () => {
    const m = new Meeting();
    const from = m.state.seq;
    m.add(anna, { type: 'hand.set', payload: { raised: true } });
    expect(
      projectCatchUp(
        m.events.filter((e) => e.seq > from),
        m.state,
        bo.key,
      ),
    ).toHaveLength(1);
    m.add(anna, { type: 'card.flag', payload: { cardId: '10', on: true } });
    expect(
      projectCatchUp(
        m.events.filter((e) => e.seq > from),
        m.state,
        bo.key,
      ),
    ).toBeNull();
    // Anna's own marks replay fine for Anna.
    expect(
      projectCatchUp(
        m.events.filter((e) => e.seq > from),
        m.state,
        anna.key,
      ),
    ).toHaveLength(2);
  });

  it('never replays a private comment in a catch-up, even once it was deleted', () => {
    const m = new Meeting();
    m.add(lea, { type: 'step.go', payload: { index: 1 } });
    const from = m.state.seq;
    const added = m.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'PRIVATE' } });
    m.add(anna, { type: 'comment.delete', payload: { commentId: added.opId } });
    const replay = projectCatchUp(
      m.events.filter((e) => e.seq > from),
      m.state,
      bo.key,
    );
    expect(JSON.stringify(replay)).not.toContain('PRIVATE');
  });
});
