import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { suggestThemes, type SuggestInput } from './suggest.ts';

/**
 * The worker thread's side of suggestThemesInWorker: suggests themes for the input it was started
 * with and posts the result (or the error's code and message) once.
 */
function run(input: SuggestInput) {
  try {
    return { ok: true as const, result: suggestThemes(input) };
  } catch (error) {
    return {
      ok: false as const,
      code: error instanceof AppError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

// workerData was cloned from a SuggestInput by suggestThemesInWorker, the only code that starts this file.
parentPort?.postMessage(run(workerData as SuggestInput));
