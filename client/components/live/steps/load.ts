import { locale } from '../../../lib/i18n/locale.svelte.ts';
import { STEP_AREAS, type StepFile } from './areas.ts';

/**
 * A step's chunk and its catalogue areas, fetched together and once: the board awaits this before
 * it shows the step, so the step's strings are never missing. A failed fetch is tried again next time.
 */
export function stepLoader<M>(file: StepFile, load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | undefined;
  return () =>
    (pending ??= Promise.all([load(), locale.need(...STEP_AREAS[file])])
      .then(([module]) => module)
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      }));
}
