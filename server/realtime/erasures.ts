import type { Executor, StoreDialect } from '../db/kysely/store.ts';
import { createSharedSignal } from './shared-signal.ts';

/** The channel on which an erasure names the meetings whose stored logs it rewrote. */
export const ERASED_CHANNEL = 'kadence_erased';
/** Meeting ids per NOTIFY, well inside its payload limit. */
const IDS_PER_NOTIFY = 500;

const meetingIds = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((id) => Number.isSafeInteger(id) && (id as number) > 0)
    ? (value as number[])
    : null;

/**
 * "These meetings' logs were rewritten by an erasure": whatever holds their state in memory (the
 * live engine's cache, the projector's folds) drops it and reads the rewritten log. The erasure
 * announces it inside its own transaction, so on PostgreSQL every other process hears it exactly
 * when the rewrite is visible, whichever process (or the admin command line) erased; this process's
 * listeners are told once it has committed.
 */
export function createErasures(dialect: StoreDialect) {
  const signal = createSharedSignal<number[]>({ channel: ERASED_CHANNEL, dialect, parse: meetingIds });
  return {
    ...signal,
    async announce(executor: Executor, ids: readonly number[]): Promise<void> {
      for (let at = 0; at < ids.length; at += IDS_PER_NOTIFY)
        await signal.announce(executor, ids.slice(at, at + IDS_PER_NOTIFY));
    },
  };
}
export type Erasures = ReturnType<typeof createErasures>;
