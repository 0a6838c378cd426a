import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/kysely/store.ts';
import { createMeetingProjector } from '../realtime/meeting-projector.ts';
import { announceCommitted, createMeetingFanout } from '../realtime/pg-fanout.ts';
import type { PgListener } from '../realtime/pg-listen.ts';
import type { LiveActions } from './actions.ts';
import { createLiveEngine } from './engine.ts';
import { createGuestsService } from './guests.ts';
import { liveRoutes } from './routes.ts';
import { registerLiveSocket, type LiveRelayFactory } from './socket.ts';
import { createLiveSuggestions } from './suggestions.ts';

/**
 * Wires the live meeting: engine and guests over the store, its routes, and its socket namespace.
 * On PostgreSQL other processes may write the same meetings: each commit announces its seq
 * (NOTIFY), and this process projects every meeting's events for its own viewers (the projector).
 */
export function createLive(store: Store, actions: LiveActions) {
  const shared = store.dialect === 'postgres' && store.connectionString !== undefined;
  const engine = createLiveEngine({ store, ...actions, ...(shared ? { onAppended: announceCommitted } : {}) });
  const guests = createGuestsService(store);
  const suggestions = createLiveSuggestions(store, engine);
  return {
    engine,
    guests,
    routes: liveRoutes(engine, guests),
    /** `listener`: the process's LISTEN connection when several processes share the database. */
    async attach(app: FastifyInstance, listener?: PgListener) {
      await engine.resetPresence();
      const relayFor = shared && listener ? await startProjecting(app, store, listener, engine) : undefined;
      if (shared && listener) {
        const stopRevocations = await guests.followRevocations(listener);
        app.addHook('onClose', async () => stopRevocations());
      }
      registerLiveSocket(app, engine, guests, suggestions, relayFor);
      // Registered after the database plugin, so this runs before the database is closed.
      app.addHook('onClose', async () => engine.settle());
    },
  };
}

/** Listens for other processes' commits and returns the relay the live socket sends through. */
async function startProjecting(
  app: FastifyInstance,
  store: Store,
  listener: PgListener,
  engine: ReturnType<typeof createLiveEngine>,
): Promise<LiveRelayFactory> {
  const onError = (error: unknown) => app.log.error({ err: error }, 'meeting fan-out failed');
  let onRange: (meetingId: number, afterSeq: number, toSeq: number) => void = () => undefined;
  const fanout = createMeetingFanout({
    listener,
    db: store.db,
    onRange: (meetingId, afterSeq, toSeq) => onRange(meetingId, afterSeq, toSeq),
    onError,
  });
  await fanout.start();
  // Registered after the database plugin, so the listener stops before the pool closes.
  app.addHook('onClose', async () => fanout.stop());
  return (emit) => {
    const projector = createMeetingProjector({ reads: engine, emit, follow: fanout, onError });
    onRange = projector.onRange;
    const stopErased = app.services.feedback.onErased((meetingIds) => projector.forget(meetingIds));
    app.addHook('onClose', async () => {
      stopErased();
      await projector.settle();
    });
    return projector;
  };
}
