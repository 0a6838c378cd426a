import type { MeetingCommand } from './commands.ts';
import { applyMeetingEvent } from './reducer.ts';
import type { Actor, MeetingEvent, MeetingState } from './state.ts';

/** Commands a client may show before the server confirms them: they need nothing the server assigns. */
const OPTIMISTIC = new Set<MeetingCommand['type']>([
  'comment.add',
  'comment.delete',
  'card.react',
  'card.flag',
  'item.move',
  'vote.cast',
  'ready.set',
  'hand.set',
]);

export interface Pending {
  opId: string;
  command: MeetingCommand;
}

/**
 * A client's copy of a meeting: the state confirmed by the server (folded in seq order) plus the
 * person's own commands not yet acknowledged, replayed on top. A refused command simply drops out,
 * which rolls it back; a confirmed one is replaced by the server's event.
 */
export class MeetingReplica {
  confirmed: MeetingState;
  pending: Pending[] = [];
  constructor(
    state: MeetingState,
    readonly actor: Actor,
  ) {
    this.confirmed = state;
  }

  get view(): MeetingState {
    let state = this.confirmed;
    for (const op of this.pending) {
      if (!OPTIMISTIC.has(op.command.type)) continue;
      const { type, ...payload } = op.command;
      const tentative = {
        type,
        payload,
        seq: state.seq,
        opId: op.opId,
        at: Date.now(),
        actor: this.actor,
      } as MeetingEvent;
      state = applyMeetingEvent(state, tentative);
    }
    return state;
  }

  propose(opId: string, command: MeetingCommand): void {
    this.pending.push({ opId, command });
  }

  /** The server refused or dropped the command: forget it, so the view rolls back. */
  reject(opId: string): void {
    this.pending = this.pending.filter((op) => op.opId !== opId);
  }

  /** 'applied', 'stale' (already have it) or 'gap' (missed events: ask for a catch-up). */
  receive(event: MeetingEvent): 'applied' | 'stale' | 'gap' {
    if (event.seq <= this.confirmed.seq) return 'stale';
    if (event.seq !== this.confirmed.seq + 1 && event.type !== 'snapshot') return 'gap';
    this.confirmed = applyMeetingEvent(this.confirmed, event);
    // opIds are unique per person only: someone else's event with the same opId is not mine.
    if (event.actor.key === this.actor.key) this.pending = this.pending.filter((op) => op.opId !== event.opId);
    return 'applied';
  }

  /** A fresh snapshot replaces everything confirmed; pending commands are replayed on top. */
  reset(state: MeetingState): void {
    this.confirmed = state;
  }
}
