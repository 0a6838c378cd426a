import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';
import { suggestThemes, type SuggestInput, type Suggestions } from './suggest.ts';

/** Up to this many items suggestThemesOffLoop works inline (a board takes milliseconds). */
export const INLINE_LIMIT = 400;

/**
 * Where the worker's code is: beside this file in the sources (run through tsx), and at
 * dist/server/themes/worker.js in the build, whose chunks all sit in dist/server.
 */
function startWorker(input: SuggestInput): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // A worker does not inherit tsx's loader hooks: it registers them itself, then loads worker.ts.
    // (A .ts worker with tsx's --import hooks fails to load in Node 20.6+; tsImport loads it.)
    const api = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport('./worker.ts', ${JSON.stringify(here)}));`;
    return new Worker(code, { eval: true, workerData: input });
  }
  return new Worker(new URL('./themes/worker.js', here), { workerData: input });
}

interface WorkerReply {
  ok: boolean;
  result?: Suggestions;
  code?: string | null;
  message?: string;
}

const isReply = (value: unknown): value is WorkerReply =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean';

/** suggestThemes in a worker thread, so a month of comments never holds the event loop. */
export function suggestThemesInWorker(input: SuggestInput): Promise<Suggestions> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    let settled = false;
    worker.once('message', (reply: unknown) => {
      settled = true;
      void worker.terminate();
      if (isReply(reply) && reply.ok && reply.result) resolve(reply.result);
      else if (isReply(reply) && reply.code === ErrorCode.VALIDATION)
        reject(new AppError(ErrorCode.VALIDATION, reply.message ?? 'invalid input'));
      else reject(new Error(isReply(reply) ? (reply.message ?? 'theme suggestion failed') : 'theme suggestion failed'));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the theme suggestion worker stopped (exit code ${code})`));
    });
  });
}

/** Inline for a board's worth of items, in a worker thread above INLINE_LIMIT. */
export function suggestThemesOffLoop(input: SuggestInput): Promise<Suggestions> {
  if (input.items.length <= INLINE_LIMIT) {
    try {
      return Promise.resolve(suggestThemes(input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return suggestThemesInWorker(input);
}
