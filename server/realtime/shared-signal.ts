import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';
import type { PgListener } from './pg-listen.ts';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_999;

/**
 * Something one process tells this process's listeners and, on PostgreSQL, every other process on
 * the same database (NOTIFY on `channel`, each message tagged with its sender so no process hears
 * its own twice). Messages are small JSON; anything on the channel that `parse` refuses is ignored.
 */
export function createSharedSignal<T>(options: {
  channel: string;
  dialect: StoreDialect;
  /** The message back from JSON, or null when it is not one. */
  parse: (value: unknown) => T | null;
}) {
  const origin = randomUUID();
  const listeners = new Set<(message: T) => void>();

  function emit(message: T): void {
    for (const listener of listeners) listener(message);
  }

  return {
    /** This process's listeners, at once. */
    emit,
    /**
     * Tells the other processes, through `executor`: inside a transaction PostgreSQL delivers it only
     * if that commits. Nothing to do on SQLite, where one process holds the database.
     */
    async announce(executor: Executor, message: T): Promise<void> {
      if (options.dialect !== 'postgres') return;
      const text = JSON.stringify({ from: origin, message });
      if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES)
        throw new Error(`${options.channel}: ${Buffer.byteLength(text)} bytes is over NOTIFY's limit`);
      await sql`SELECT pg_notify(${options.channel}, ${text})`.execute(executor);
    },
    /** Returns a function that stops listening. */
    on(listener: (message: T) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Hands other processes' messages to this process's listeners; returns a function that stops. */
    follow(listener: PgListener): Promise<() => void> {
      return listener.subscribe(options.channel, (payload) => {
        let envelope: unknown;
        try {
          envelope = JSON.parse(payload ?? '');
        } catch {
          return; // not one of ours
        }
        if (typeof envelope !== 'object' || envelope === null) return;
        const { from, message } = envelope as { from?: unknown; message?: unknown };
        if (typeof from !== 'string' || from === origin) return;
        const parsed = options.parse(message);
        if (parsed !== null) emit(parsed);
      });
    },
  };
}
export type SharedSignal<T> = ReturnType<typeof createSharedSignal<T>>;
