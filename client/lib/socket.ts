import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import { handshakeAuth } from '../../shared/protocol.ts';
import { updateNotice } from '../state/update-notice.svelte.ts';
import { watchProtocol } from './protocol-watch.ts';

export type KadenceClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: KadenceClientSocket | null = null;

/** One connection per tab, made on first use; the session cookie authenticates it. */
export function socket(): KadenceClientSocket {
  if (!shared) {
    shared = io({ withCredentials: true, transports: ['websocket'], auth: handshakeAuth() });
    watchProtocol(shared, updateNotice.show);
  }
  return shared;
}

export function opId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Joins a team's room and listens to one event; the returned function stops listening. */
export function onTeamEvent<E extends keyof ServerToClientEvents>(
  team: string,
  event: E,
  listener: ServerToClientEvents[E],
): () => void {
  const connection = socket();
  const join = () => connection.emit('team:join', { opId: opId(), team }, () => undefined);
  join();
  connection.on('connect', join);
  // socket.io's typed listener signature cannot be narrowed generically here; the event map keeps callers typed.
  connection.on(event, listener as never);
  return () => {
    connection.off('connect', join);
    connection.off(event, listener as never);
  };
}
