import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { isCalendarDate } from '../../shared/calendar-date.ts';
import {
  MeetingCommand,
  applyMeetingEvent,
  checkCommand,
  initialState,
  projectCatchUp,
  projectEvent,
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
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

class Log {
  events: MeetingEvent[] = [];
  state: MeetingState = initialState(1);
  add(actor: Actor, body: EventBody, opId = `op-${this.state.seq + 1}`): MeetingEvent {
    const event = { ...body, seq: this.state.seq + 1, opId, at: 1000 * (this.state.seq + 1), actor } as MeetingEvent;
    this.events.push(event);
    this.state = applyMeetingEvent(this.state, event);
    return event;
  }
}

function meetingAt(step: number): Log {
  const log = new Log();
  log.add(lea, { type: 'meeting.start', payload: { steps, cards: [card] } });
  for (const actor of [lea, anna, bo]) log.add(actor, { type: 'presence.join', payload: {} });
  if (step > 0) log.add(lea, { type: 'step.go', payload: { index: step } });
  return log;
}

describe('ids in commands are checked against the board', () => {
  it('refuses card, comment and participant ids that only exist on Object.prototype', () => {
    for (const id of PROTOTYPE_KEYS) {
      const read = meetingAt(1).state;
      expect(checkCommand(read, anna, { type: 'card.react', cardId: id, reaction: 'wow', on: true })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(checkCommand(read, anna, { type: 'card.flag', cardId: id, on: true })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(checkCommand(read, anna, { type: 'comment.add', cardId: id, text: 'x' })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(checkCommand(read, lea, { type: 'comment.delete', commentId: id })).toMatchObject({ code: 'NOT_FOUND' });
      expect(checkCommand(read, lea, { type: 'facilitator.handover', to: id })).toMatchObject({ code: 'NOT_FOUND' });
      const decide = meetingAt(4).state;
      expect(
        checkCommand(decide, lea, {
          type: 'action.decide',
          title: 't',
          ownerId: null,
          dueDate: null,
          themeId: null,
          commentIds: [id],
          cardIds: [],
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        checkCommand(decide, lea, {
          type: 'action.decide',
          title: 't',
          ownerId: null,
          dueDate: null,
          themeId: null,
          commentIds: [],
          cardIds: [id],
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      const group = meetingAt(2).state;
      expect(
        checkCommand(group, anna, { type: 'item.move', item: { kind: 'comment', id }, themeId: null }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(checkCommand(group, anna, { type: 'item.move', item: { kind: 'card', id }, themeId: null })).toMatchObject(
        { code: 'NOT_FOUND' },
      );
    }
  });

  it('keeps the facilitator and never throws when the reducer is handed a prototype key', () => {
    const log = meetingAt(1);
    for (const id of PROTOTYPE_KEYS) {
      log.add(anna, { type: 'card.react', payload: { cardId: id, reaction: 'wow', on: true } });
      log.add(anna, { type: 'hand.set', payload: { raised: true } });
      log.add(anna, { type: 'comment.delete', payload: { commentId: id } });
    }
    expect(log.state.facilitator).toBe('u:1');
    expect(Object.keys(log.state.cards)).toEqual(['10']);
  });

  it('stores a comment whose id is "__proto__" as an ordinary entry, without changing any prototype', () => {
    const log = meetingAt(2);
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'sly', commentId: '__proto__' } });
    log.add(lea, { type: 'theme.create', payload: { name: 'Delivery', themeId: 7 } });
    log.add(anna, { type: 'item.move', payload: { item: { kind: 'comment', id: '__proto__' }, themeId: 7 } });
    expect(Object.keys(log.state.comments)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(log.state.comments)).toBeNull();
    expect(Object.hasOwn(log.state.comments, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['text']).toBeUndefined();
    expect(checkCommand(log.state, anna, { type: 'comment.delete', commentId: '__proto__' })).toBeNull();
    // The same state after JSON (a snapshot, or a client's copy) answers the same way.
    const copied = JSON.parse(JSON.stringify(log.state)) as MeetingState;
    expect(
      checkCommand(copied, anna, { type: 'card.react', cardId: 'constructor', reaction: 'wow', on: true }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('names and dates', () => {
  const validate = Compile(MeetingCommand);
  it('refuses theme names that are only spaces, in the shared schema', () => {
    for (const name of [' ', '   ', '\t', '\u00a0 ']) {
      expect(validate.Check({ type: 'theme.create', name })).toBe(false);
      expect(validate.Check({ type: 'theme.rename', themeId: 1, name })).toBe(false);
      expect(validate.Check({ type: 'theme.split', themeId: 1, name, items: [{ kind: 'card', id: '1' }] })).toBe(false);
    }
    expect(validate.Check({ type: 'theme.create', name: ' Levering ' })).toBe(true);
  });

  it('knows real calendar dates', () => {
    for (const date of ['2026-01-31', '2028-02-29', '2026-12-31', '2000-02-29'])
      expect(isCalendarDate(date)).toBe(true);
    for (const date of [
      '2026-13-45',
      '2026-00-10',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-01-00',
      '2026-1-01',
      '26-01-01',
    ])
      expect(isCalendarDate(date)).toBe(false);
  });

  it('refuses a live decision due on a day that does not exist', () => {
    const decide = meetingAt(4).state;
    const decideOn = (dueDate: string) =>
      checkCommand(decide, lea, {
        type: 'action.decide',
        title: 'Call back',
        ownerId: null,
        dueDate,
        themeId: null,
        commentIds: [],
        cardIds: [],
      });
    expect(decideOn('2026-13-45')).toMatchObject({ code: 'VALIDATION' });
    expect(decideOn('2026-02-30')).toMatchObject({ code: 'VALIDATION' });
    expect(decideOn('2026-02-28')).toBeNull();
  });
});

describe('deleting private writing', () => {
  it('tells only the author, live and in a catch-up, and nobody else may delete it', () => {
    const log = meetingAt(1);
    const from = log.state.seq;
    const added = log.add(anna, {
      type: 'comment.add',
      payload: { cardId: '10', text: 'PRIVATE', commentId: 'anna-note-1' },
    });
    // Neither Bo nor the facilitator can see it, so for them it does not exist.
    expect(checkCommand(log.state, lea, { type: 'comment.delete', commentId: 'anna-note-1' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(checkCommand(log.state, anna, { type: 'comment.delete', commentId: 'anna-note-1' })).toBeNull();
    const deleted = log.add(anna, { type: 'comment.delete', payload: { commentId: 'anna-note-1', private: true } });
    for (const viewer of [bo.key, lea.key]) {
      const live = projectEvent(deleted, log.state, viewer);
      expect(live.type).toBe('hidden');
      expect(JSON.stringify(live)).not.toContain('anna-note-1');
      const replay = projectCatchUp(
        log.events.filter((e) => e.seq > from),
        log.state,
        viewer,
      );
      expect(JSON.stringify(replay)).not.toContain('anna-note-1');
      expect(JSON.stringify(replay)).not.toContain('Anna');
    }
    expect(projectEvent(deleted, log.state, anna.key)).toEqual(deleted);
    expect(added.seq + 1).toBe(deleted.seq);
  });

  it('still tells everyone when a revealed comment is deleted', () => {
    const log = meetingAt(2);
    log.add(anna, { type: 'comment.add', payload: { cardId: '10', text: 'open', commentId: 'anna-note-2' } });
    const deleted = log.add(anna, { type: 'comment.delete', payload: { commentId: 'anna-note-2', private: false } });
    expect(projectEvent(deleted, log.state, bo.key)).toMatchObject({
      type: 'comment.delete',
      payload: { commentId: 'anna-note-2' },
    });
    expect(projectState(log.state, bo.key).comments).toEqual({});
  });
});
