import { describe, expect, it } from 'vitest';
import {
  MeetingReplica,
  applyMeetingEvent,
  checkCommand,
  initialState,
  projectEvent,
  projectState,
  remainingMs,
  voteTotals,
  type Actor,
  type EventBody,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
} from '../../shared/meeting/index.ts';

type Accept = Extract<MeetingCommand, { type: 'theme.accept' }>;

const lea: Actor = { key: 'u:1', name: 'Lea', role: 'lead' };
const anna: Actor = { key: 'u:2', name: 'Anna', role: 'member' };
const bo: Actor = { key: 'u:3', name: 'Bo', role: 'member' };
const steps = ['checkin', 'read', 'group', 'vote', 'decide', 'wrapup'].map((key) => ({ key, name: key, minutes: 2 }));
const card = (id: string, position: number) => ({
  id,
  quote: `quote ${id}`,
  title: null,
  metric: 'nps',
  score: 8,
  source: 's',
  receivedAt: '2026-01-01',
  language: 'da',
  position,
});

/** Folds bodies into events with consecutive seqs, as the server would. */
class Log {
  events: MeetingEvent[] = [];
  state: MeetingState = initialState(1);
  add(
    actor: Actor,
    body: EventBody,
    opId = `op-${this.events.length + 1}`,
    at = 1_000 * (this.events.length + 1),
  ): MeetingEvent {
    const event = { ...body, seq: this.state.seq + 1, opId, at, actor } as MeetingEvent;
    this.events.push(event);
    this.state = applyMeetingEvent(this.state, event);
    return event;
  }
}

function liveMeeting(): Log {
  const log = new Log();
  log.add(lea, { type: 'meeting.start', payload: { steps, cards: [card('10', 0), card('11', 1)] } });
  for (const actor of [lea, anna, bo]) log.add(actor, { type: 'presence.join', payload: {} });
  return log;
}

describe('applyMeetingEvent', () => {
  it('starts a meeting with its cards and the starter as facilitator', () => {
    const { state } = liveMeeting();
    expect(state).toMatchObject({ status: 'live', facilitator: 'u:1', stepIndex: 0, seq: 4 });
    expect(Object.keys(state.cards)).toEqual(['10', '11']);
    expect(state.timer.durationMs).toBe(120_000);
    expect(state.participants['u:2']).toMatchObject({ connections: 1, ready: false });
  });

  it('keeps reading-step comments private until revealed, or until the step ends', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'mine' } }, 'c-anna');
    expect(log.state.comments['c-anna']).toMatchObject({ private: true, author: 'u:2' });
    expect(projectState(log.state, 'u:3').comments['c-anna']).toBeUndefined();
    expect(projectState(log.state, 'u:2').comments['c-anna']).toBeDefined();
    const event = log.events.at(-1) as MeetingEvent;
    expect(projectEvent(event, log.state, 'u:3')).toMatchObject({ type: 'hidden', payload: {} });
    log.add(lea, { type: 'step.go', payload: { index: 2 } });
    expect(log.state.comments['c-anna']?.private).toBe(false);
    expect(log.state.revealed).toBe(true);
  });

  it('tells others how much each person has written privately, never what, and forgets it at reveal', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'first thought' } }, 'c-1');
    const second = log.add(anna, { type: 'comment.add', payload: { cardId: '11', text: 'second thought' } }, 'c-2');
    log.add(bo, { type: 'comment.add', payload: { cardId: '10', text: 'bo thinks' } }, 'c-3');
    expect(log.state.writing).toEqual({ 'u:2': 2, 'u:3': 1 });
    // The facilitator's copy, folded from what Lea receives, holds the counts but no text.
    const forLea = projectEvent(second, log.state, 'u:1');
    expect(forLea).toMatchObject({ type: 'hidden', payload: { writing: { 'u:2': 2, 'u:3': 1 } } });
    expect(JSON.stringify(forLea)).not.toContain('second thought');
    expect(projectState(log.state, 'u:1').writing).toEqual({ 'u:2': 2, 'u:3': 1 });
    log.add(anna, { type: 'comment.delete', payload: { commentId: 'c-1' } });
    expect(log.state.writing).toEqual({ 'u:2': 1, 'u:3': 1 });
    // With authors hidden, only the total.
    log.add(lea, { type: 'authors.show', payload: { shown: false } });
    expect(projectState(log.state, 'u:1').writing).toEqual({ '': 2 });
    log.add(lea, { type: 'comments.reveal', payload: {} });
    expect(log.state.writing).toEqual({});
  });

  it('keeps each wrap-up rating to its author and accepts it only at wrap-up', () => {
    const log = liveMeeting();
    expect(checkCommand(log.state, anna, { type: 'meeting.rate', score: 4 })).toMatchObject({ code: 'CONFLICT' });
    log.add(lea, { type: 'step.go', payload: { index: 5 } });
    expect(checkCommand(log.state, anna, { type: 'meeting.rate', score: 4 })).toBeNull();
    expect(
      checkCommand(log.state, { key: 'g:9', name: 'Olga', role: 'observer' }, { type: 'meeting.rate', score: 4 }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const rated = log.add(anna, { type: 'meeting.rate', payload: { score: 4 } });
    log.add(bo, { type: 'meeting.rate', payload: { score: 1 } });
    log.add(bo, { type: 'meeting.rate', payload: { score: 2 } });
    expect(log.state.ratings).toEqual({ 'u:2': 4, 'u:3': 2 });
    expect(projectState(log.state, 'u:3').ratings).toEqual({ 'u:3': 2 });
    expect(projectState(log.state, 'u:1').ratings).toEqual({});
    expect(projectEvent(rated, log.state, 'u:1').type).toBe('hidden');
    expect(JSON.stringify(projectEvent(rated, log.state, 'u:3'))).not.toContain('"score"');
  });

  it('reveals on command, hides authors per viewer and deletes comments', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'one' } }, 'c1');
    log.add(lea, { type: 'comments.reveal', payload: {} });
    expect(projectState(log.state, 'u:3').comments['c1']?.authorName).toBe('Anna');
    log.add(lea, { type: 'authors.show', payload: { shown: false } });
    expect(projectState(log.state, 'u:3').comments['c1']).toMatchObject({ author: null, authorName: null });
    expect(projectState(log.state, 'u:2').comments['c1']?.author).toBe('u:2');
    log.add(anna, { type: 'comment.delete', payload: { commentId: 'c1' } });
    expect(log.state.comments['c1']).toBeUndefined();
  });

  it('reacts, flags, raises hands and sets ready', () => {
    const log = liveMeeting();
    log.add(anna, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    log.add(bo, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: true } });
    log.add(bo, { type: 'card.react', payload: { cardId: '10', reaction: 'wow', on: false } });
    log.add(bo, { type: 'card.flag', payload: { cardId: '11', on: true } });
    log.add(anna, { type: 'hand.set', payload: { raised: true } });
    log.add(bo, { type: 'ready.set', payload: { ready: true } });
    expect(log.state.cards['10']?.reactions.wow).toEqual(['u:2']);
    expect(log.state.cards['11']?.flags).toEqual(['u:3']);
    expect(log.state.participants['u:2']).toMatchObject({ hand: true, handAt: log.events.at(-2)?.at });
    expect(log.state.participants['u:3']?.ready).toBe(true);
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    expect(log.state.participants['u:3']?.ready).toBe(false);
  });

  it('creates, renames, merges and splits themes and moves items (last seq wins)', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'slow' } }, 'c1');
    log.add(lea, { type: 'step.go', payload: { index: 2 } });
    log.add(anna, { type: 'theme.create', payload: { name: 'Wait', themeId: 5 } });
    log.add(bo, { type: 'theme.create', payload: { name: 'Phone', themeId: 6 } });
    log.add(anna, { type: 'item.move', payload: { item: { kind: 'card', id: '10' }, themeId: 5 } });
    log.add(bo, { type: 'item.move', payload: { item: { kind: 'card', id: '10' }, themeId: 6 } });
    expect(log.state.cards['10']?.themeId).toBe(6);
    log.add(bo, { type: 'item.move', payload: { item: { kind: 'comment', id: 'c1' }, themeId: 6 } });
    log.add(lea, { type: 'theme.rename', payload: { themeId: 6, name: 'Phone queue' } });
    expect(log.state.themes['6']?.name).toBe('Phone queue');
    log.add(lea, {
      type: 'theme.split',
      payload: { themeId: 6, name: 'Callbacks', items: [{ kind: 'comment', id: 'c1' }], newThemeId: 7 },
    });
    expect(log.state.comments['c1']?.themeId).toBe(7);
    log.add(lea, { type: 'theme.merge', payload: { from: 7, into: 5 } });
    expect(log.state.themes['7']).toBeUndefined();
    expect(log.state.comments['c1']?.themeId).toBe(5);
    log.add(lea, { type: 'item.move', payload: { item: { kind: 'card', id: '10' }, themeId: null } });
    expect(log.state.cards['10']?.themeId).toBeNull();
  });

  it('accepts a suggested theme in one event: a new theme with its items, or more items for the theme on the board', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'slow' } }, 'c1');
    log.add(bo, { type: 'comment.add', payload: { cardId: '11', text: 'mine' } }, 'c2');
    const accept: Accept = { type: 'theme.accept', name: 'Levering', items: [{ kind: 'card', id: '10' }] };
    // Before the group step, and by anyone but the facilitator, it is refused.
    expect(checkCommand(log.state, lea, accept)).toMatchObject({ code: 'CONFLICT' });
    log.add(lea, { type: 'step.go', payload: { index: 2 } });
    expect(checkCommand(log.state, anna, accept)).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkCommand(log.state, lea, accept)).toBeNull();
    expect(checkCommand(log.state, lea, { ...accept, items: [{ kind: 'comment', id: 'nope' }] })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const before = log.state.seq;
    log.add(lea, {
      type: 'theme.accept',
      payload: {
        name: 'Levering',
        themeId: 9,
        items: [
          { kind: 'card', id: '10' },
          { kind: 'comment', id: 'c1' },
        ],
      },
    });
    expect(log.state.seq).toBe(before + 1);
    expect(log.state.themes['9']).toEqual({ id: 9, name: 'Levering', order: 0 });
    expect(log.state.cards['10']?.themeId).toBe(9);
    expect(log.state.comments['c1']?.themeId).toBe(9);
    // Accepting into a theme already on the board keeps its name and order and adds the items.
    log.add(lea, {
      type: 'theme.accept',
      payload: {
        name: 'levering',
        themeId: 9,
        items: [
          { kind: 'card', id: '11' },
          { kind: 'comment', id: 'c2' },
        ],
      },
    });
    expect(log.state.themes['9']).toEqual({ id: 9, name: 'Levering', order: 0 });
    expect(Object.keys(log.state.themes)).toEqual(['9']);
    expect(log.state.cards['11']?.themeId).toBe(9);
    expect(log.state.comments['c2']?.themeId).toBe(9);
    // Replaying the log from the start gives the same board.
    const replayed = log.events.reduce(applyMeetingEvent, initialState(1));
    expect(replayed).toEqual(log.state);
  });

  it("refuses to accept someone else's private comment into a theme", () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 1 } });
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'private' } }, 'c1');
    // Leaving the reading step reveals, so a private comment in the group step is a state built by hand.
    const state = { ...log.state, stepIndex: 2 };
    const accept: Accept = { type: 'theme.accept', name: 'X', items: [{ kind: 'comment', id: 'c1' }] };
    expect(state.comments['c1']?.private).toBe(true);
    expect(checkCommand(state, lea, accept)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts dot votes within the limit, hidden until voting ends, then ranked', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 2 } });
    log.add(lea, { type: 'theme.create', payload: { name: 'A', themeId: 1 } });
    log.add(lea, { type: 'theme.create', payload: { name: 'B', themeId: 2 } });
    log.add(lea, { type: 'step.go', payload: { index: 3 } });
    log.add(lea, { type: 'vote.limit', payload: { limit: 2 } });
    log.add(anna, { type: 'vote.cast', payload: { themeId: 2, delta: 1 } });
    log.add(anna, { type: 'vote.cast', payload: { themeId: 2, delta: 1 } });
    expect(checkCommand(log.state, anna, { type: 'vote.cast', themeId: 1, delta: 1 })).toMatchObject({
      code: 'CONFLICT',
    });
    log.add(bo, { type: 'vote.cast', payload: { themeId: 1, delta: 1 } });
    log.add(bo, { type: 'vote.cast', payload: { themeId: 1, delta: -1 } });
    log.add(bo, { type: 'vote.cast', payload: { themeId: 2, delta: 1 } });
    expect(projectState(log.state, 'u:3').votes).toEqual({ 'u:3': { 2: 1 } });
    expect(projectEvent(log.events.at(-1) as MeetingEvent, log.state, 'u:2').type).toBe('hidden');
    log.add(lea, { type: 'step.go', payload: { index: 4 } });
    expect(log.state.votesRevealed).toBe(true);
    expect(voteTotals(projectState(log.state, 'u:3'))).toEqual([
      { themeId: 2, votes: 3 },
      { themeId: 1, votes: 0 },
    ]);
  });

  it('focuses a theme, records decisions, runs the timer and hands over facilitation', () => {
    const log = liveMeeting();
    log.add(lea, { type: 'step.go', payload: { index: 2 } });
    log.add(lea, { type: 'theme.create', payload: { name: 'A', themeId: 1 } });
    log.add(lea, { type: 'focus.set', payload: { themeId: 1 } });
    log.add(lea, {
      type: 'action.decide',
      payload: {
        title: 'Call back',
        ownerId: 2,
        ownerName: 'Anna',
        dueDate: '2026-02-01',
        themeId: 1,
        commentIds: [],
        cardIds: ['10'],
        actionId: 99,
      },
    });
    expect(log.state.focusThemeId).toBe(1);
    expect(log.state.decisions[0]).toMatchObject({ actionId: 99, ownerName: 'Anna', cardIds: ['10'] });
    log.add(lea, { type: 'timer.start', payload: {} }, 't1', 10_000);
    log.add(lea, { type: 'timer.pause', payload: {} }, 't2', 40_000);
    log.add(lea, { type: 'timer.extend', payload: { seconds: 60 } }, 't3', 50_000);
    expect(remainingMs(log.state.timer, 60_000)).toBe(120_000 + 60_000 - 30_000);
    log.add(lea, { type: 'timer.start', payload: {} }, 't4', 70_000);
    expect(remainingMs(log.state.timer, 80_000)).toBe(140_000);
    log.add(lea, { type: 'facilitator.handover', payload: { to: 'u:2' } });
    expect(log.state.facilitator).toBe('u:2');
    log.add(anna, { type: 'presence.leave', payload: {} });
    expect(checkCommand(log.state, { ...bo, role: 'facilitator' }, { type: 'facilitator.claim' })).toBeNull();
    log.add(bo, { type: 'facilitator.claim', payload: {} });
    expect(log.state.facilitator).toBe('u:3');
    log.add(lea, { type: 'presence.reset', payload: {} });
    expect(Object.values(log.state.participants).every((p) => p.connections === 0)).toBe(true);
  });

  it('ends with a summary and never changes its input', () => {
    const log = liveMeeting();
    const before = JSON.stringify(log.state);
    const frozen = log.state;
    const summary = { endedAt: 5, attendance: [], cards: 2, averageScores: [], themes: [], decisions: [] };
    log.add(lea, { type: 'meeting.end', payload: { summary } });
    expect(JSON.stringify(frozen)).toBe(before);
    expect(log.state).toMatchObject({ status: 'ended', summary });
    expect(checkCommand(log.state, lea, { type: 'step.go', index: 0 })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('convergence', () => {
  it('reaches the same state on every replica whatever order optimistic commands were made in', () => {
    const base = liveMeeting();
    base.add(lea, { type: 'step.go', payload: { index: 2 } });
    base.add(lea, { type: 'theme.create', payload: { name: 'A', themeId: 1 } });
    base.add(lea, { type: 'theme.create', payload: { name: 'B', themeId: 2 } });
    const start = base.state;
    // Two people move the same card at once; the server orders them and both replicas must agree.
    const annaReplica = new MeetingReplica(start, anna);
    const boReplica = new MeetingReplica(start, bo);
    annaReplica.propose('a1', { type: 'item.move', item: { kind: 'card', id: '10' }, themeId: 1 });
    boReplica.propose('b1', { type: 'item.move', item: { kind: 'card', id: '10' }, themeId: 2 });
    expect(annaReplica.view.cards['10']?.themeId).toBe(1);
    expect(boReplica.view.cards['10']?.themeId).toBe(2);
    for (const order of [
      ['b1', 'a1'],
      ['a1', 'b1'],
    ]) {
      const server = new Log();
      server.state = start;
      const events = order.map((opId) =>
        opId === 'a1'
          ? server.add(anna, { type: 'item.move', payload: { item: { kind: 'card', id: '10' }, themeId: 1 } }, 'a1')
          : server.add(bo, { type: 'item.move', payload: { item: { kind: 'card', id: '10' }, themeId: 2 } }, 'b1'),
      );
      const a = new MeetingReplica(start, anna);
      const b = new MeetingReplica(start, bo);
      a.propose('a1', { type: 'item.move', item: { kind: 'card', id: '10' }, themeId: 1 });
      b.propose('b1', { type: 'item.move', item: { kind: 'card', id: '10' }, themeId: 2 });
      for (const event of events) {
        a.receive(event);
        b.receive(event);
      }
      expect(a.view).toEqual(server.state);
      expect(b.view).toEqual(server.state);
      expect(server.state.cards['10']?.themeId).toBe(order[1] === 'a1' ? 1 : 2);
    }
  });

  it('rolls back a refused optimistic command and reports gaps', () => {
    const base = liveMeeting();
    const replica = new MeetingReplica(base.state, anna);
    replica.propose('x1', { type: 'card.flag', cardId: '10', on: true });
    expect(replica.view.cards['10']?.flags).toEqual(['u:2']);
    replica.reject('x1');
    expect(replica.view.cards['10']?.flags).toEqual([]);
    const far = {
      type: 'hand.set',
      payload: { raised: true },
      seq: base.state.seq + 5,
      opId: 'z',
      at: 1,
      actor: bo,
    } as MeetingEvent;
    expect(replica.receive(far)).toBe('gap');
  });
});
