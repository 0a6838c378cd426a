import type { FastifyInstance } from 'fastify';
import { createPgListener, type PgListener } from './pg-listen.ts';
import { createRoomRelay } from './room-relay.ts';

/**
 * Several processes on one PostgreSQL database: opens the process's one LISTEN connection and
 * follows what the others share through it — team-room events, access changes, erasures (meeting
 * commits follow once the live namespace is attached, server/live/index.ts). Returns the listener,
 * or undefined on SQLite, where this process is the database's only one. Call after the socket
 * server is registered and before any socket connects.
 */
export async function startSharing(app: FastifyInstance): Promise<PgListener | undefined> {
  const { store } = app.services;
  if (store.dialect !== 'postgres' || store.connectionString === undefined) return undefined;
  const onError = (error: unknown) => app.log.error({ err: error }, 'sharing with other processes failed');
  const listener = createPgListener({ connectionString: store.connectionString, onError });
  await listener.start();
  const relay = createRoomRelay({ listener, io: app.io, onError });
  await relay.start();
  const stops = [relay.stop, await app.services.access.follow(listener), await app.services.erasures.follow(listener)];
  app.addHook('onClose', async () => {
    for (const stop of stops) stop();
    await listener.stop();
  });
  return listener;
}
