import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

/**
 * The database could not grow (disk full, or a size limit): the import is removed again, so the
 * message can say that nothing of it was kept.
 */
export function storageFull(rows: number): AppError {
  return new AppError(ErrorCode.STORAGE_FULL, `The server's disk is full: the import stopped after ${rows.toLocaleString('en')} rows and nothing of it was kept. Free some space and import the file again.`);
}

export const isStorageFull = (error: unknown): boolean => error instanceof Error && 'code' in error && error.code === 'SQLITE_FULL';

/** A file that cannot be imported at all: nothing of it is stored. */
export function notFeedbackFile(reason: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `This is not a feedback file Kadence can read: ${reason}`);
}
