import { describe, expect, it } from 'vitest';
import type { Applied } from '../../../server/live/engine.ts';
import { createMeetingProjector } from '../../../server/realtime/meeting-projector.ts';
import { initialState, type MeetingEvent, type MeetingState } from '../../../shared/meeting/index.ts';

const MEETING = 7;
/** A state at `seq` whose one card says `quote`. */
const stateWith = (seq: number, quote: string): MeetingState => ({
  ...initialState(MEETING),
  seq,
  cards: { '1': { quote } as MeetingState['cards'][string] },
});
const hand = (seq: number): MeetingEvent => ({
  seq,
  opId: `op-${seq}`,
  at: seq,
  actor: { key: 'u:1', name: 'Lea', role: 'lead' },
  type: 'hand.set',
  payload: { raised: true },
});

describe('the projector after an erasure', () => {
  it('projects the next events from the rewritten state and never hands the engine the old one', async () => {
    let stored = stateWith(1, 'Kaptajnhummeren');
    const log: MeetingEvent[] = [];
    const advanced: MeetingState[] = [];
    const emitted: Applied[] = [];
    const projector = createMeetingProjector({
      reads: {
        state: async () => stored,
        eventsAfter: async (_meetingId, seq, limit) => log.filter((e) => e.seq > seq).slice(0, limit),
        advance: (state) => advanced.push(state),
      },
      emit: (_meetingId, applied) => emitted.push(applied),
      follow: { watch: () => undefined, unwatch: () => undefined },
      onError: (error) => {
        throw error;
      },
    });
    projector.watch(MEETING);
    await projector.settle();
    expect(projector.emittedSeq(MEETING)).toBe(1);

    // Rewritten, and an event committed meanwhile that the projector has not emitted yet.
    stored = stateWith(2, '[erased]');
    log.push(hand(2));
    const beforeErasure = advanced.length;
    projector.forget([MEETING]);
    await projector.settle();
    expect(emitted.map((applied) => applied.event.seq)).toEqual([2]);
    expect(JSON.stringify(advanced.slice(beforeErasure))).not.toContain('Kaptajnhummeren');

    // The next event is projected from the rewritten state.
    log.push(hand(3));
    projector.onRange(MEETING, 2, 3);
    await projector.settle();
    const last = emitted.at(-1);
    expect(last?.event.seq).toBe(3);
    expect(JSON.stringify(last?.before)).not.toContain('Kaptajnhummeren');
    expect(JSON.stringify(last?.state)).toContain('[erased]');
    expect(advanced.at(-1)?.seq).toBe(3);
    expect(JSON.stringify(advanced.slice(beforeErasure))).not.toContain('Kaptajnhummeren');
  });
});
