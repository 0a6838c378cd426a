import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import type { PgListener } from './pg-listen.ts';

/** The channel on which processes pass each other team-room events. */
export const ROOM_CHANNEL = 'kadence_room';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; the envelope's own bytes are counted in. */
export const MAX_NOTIFY_BYTES = 7_999;

/**
 * The team-level events every process's sockets in the room should get: the same payload for
 * everyone in the room, small, and safe to pass on. Meeting events are not among them and never go
 * through here (each process projects those per viewer, server/realtime/meeting-projector.ts); nor
 * is team presence, whose list each process can only count for its own sockets.
 */
export const RELAYED_EVENTS: ReadonlySet<string> = new Set(['actions:changed', 'import:progress']);
const TEAM_ROOM = /^team:\d+$/;

interface Envelope {
  /** The sending process, which has emitted to its own sockets already. */
  from: string;
  rooms: string[];
  event: string;
  payload: unknown;
}

const isEnvelope = (value: unknown): value is Envelope => {
  if (typeof value !== 'object' || value === null) return false;
  const { from, rooms, event } = value as Partial<Envelope>;
  return (
    typeof from === 'string' &&
    typeof event === 'string' &&
    RELAYED_EVENTS.has(event) &&
    Array.isArray(rooms) &&
    rooms.length > 0 &&
    rooms.every((room) => typeof room === 'string' && TEAM_ROOM.test(room))
  );
};

/** socket.io's event packet type (socket.io-parser's EVENT). */
const EVENT_PACKET = 2;

/**
 * Passes the root namespace's team-room events (RELAYED_EVENTS) to the other processes on one
 * PostgreSQL database, so a socket connected anywhere gets `io.to('team:N').emit(…)` from any of
 * them. The emitting code stays as it is: the root namespace's adapter sends to this process's
 * sockets as before and hands each relayed event to NOTIFY; every process LISTENs and sends what
 * others announced to its own sockets in the room. Payloads over NOTIFY's limit are not relayed and
 * reported through `onError` (the events relayed today are a few hundred bytes).
 *
 * Other namespaces (the live meetings') keep socket.io's in-memory adapter unchanged.
 */
export function createRoomRelay(options: { listener: PgListener; io: Server; onError?: (error: unknown) => void }) {
  const { io, listener } = options;
  const onError = options.onError ?? (() => undefined);
  const self = randomUUID();
  let stop: (() => void) | undefined;

  function publish(rooms: Set<string>, event: string, payload: unknown): void {
    const text = JSON.stringify({ from: self, rooms: [...rooms], event, payload } satisfies Envelope);
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) {
      onError(new Error(`${event} to ${[...rooms].join(', ')} not relayed: ${Buffer.byteLength(text)} bytes`));
      return;
    }
    // On the listening connection: one session, so other processes hear this process's events in order.
    listener.notify(ROOM_CHANNEL, text).catch(onError);
  }

  /** The root namespace's adapter: in memory as socket.io's own, plus the hand-over of relayed events. */
  class RelayingAdapter extends Adapter {
    override broadcast(packet: { type: number; data?: unknown[] }, opts: BroadcastOptions): void {
      super.broadcast(packet, opts);
      if (this.nsp.name !== '/' || opts.flags?.local || packet.type !== EVENT_PACKET) return;
      const [event, payload, ...rest] = packet.data ?? [];
      if (typeof event !== 'string' || !RELAYED_EVENTS.has(event) || rest.length > 0) return;
      if (opts.rooms.size === 0 || ![...opts.rooms].every((room) => TEAM_ROOM.test(room))) return;
      publish(opts.rooms, event, payload);
    }
  }

  function deliver(payload: string | undefined): void {
    if (!payload) return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(payload);
    } catch {
      return; // not one of ours
    }
    if (!isEnvelope(envelope) || envelope.from === self) return;
    io.of('/').adapter.broadcast(
      { type: EVENT_PACKET, data: [envelope.event, envelope.payload], nsp: '/' },
      { rooms: new Set(envelope.rooms), except: new Set(), flags: { local: true } },
    );
  }

  return {
    /**
     * Listens, and gives the root namespace the relaying adapter. Call before any socket connects:
     * socket.io makes each namespace's adapter anew, so rooms joined before would be forgotten.
     */
    async start(): Promise<void> {
      stop = await listener.subscribe(ROOM_CHANNEL, deliver);
      io.adapter(RelayingAdapter);
    },
    stop(): void {
      stop?.();
      stop = undefined;
    },
  };
}
export type RoomRelay = ReturnType<typeof createRoomRelay>;
