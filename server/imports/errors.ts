import { ErrorCode } from '../../shared/errors.ts';
import { fileRefusalMessage, type FileRefusal } from '../../shared/import-refusals.ts';
import { redact } from '../../shared/redact.ts';
import { AppError } from '../errors.ts';

/**
 * A value from the file as a message may show it: e-mail addresses, phone and CPR numbers masked
 * (a reason is seen by the whole import page and kept in the error report), at most 40 characters.
 */
export function masked(value: string): string {
  const text = redact(value.trim().replace(/\s+/g, ' '));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export const quoted = (value: string): string => `"${masked(value)}"`;

/**
 * The database could not grow (disk full, or a size limit): the import is removed again, so the
 * message can say that nothing of it was kept.
 */
export function storageFull(rows: number): AppError {
  return new AppError(
    ErrorCode.STORAGE_FULL,
    `The server's disk is full: the import stopped after ${rows.toLocaleString('en')} rows and nothing of it was kept. Free some space and import the file again.`,
  );
}

export const isStorageFull = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'SQLITE_FULL';

/**
 * A file that cannot be imported at all: nothing of it is stored. The refusal goes out as the
 * error's details, so the app words it in the viewer's language.
 */
export function notFeedbackFile(refusal: FileRefusal): AppError {
  return new AppError(
    ErrorCode.VALIDATION,
    `This is not a feedback file Kadence can read: ${fileRefusalMessage(refusal)}`,
    refusal,
  );
}

/** Text in an encoding Kadence does not read: refused, so it is never stored as mojibake. */
export const unreadableEncoding = (found: string): AppError => notFeedbackFile({ reason: 'ENCODING', encoding: found });

/** The columns of a file, as a refusal names them. */
export const columnList = (headers: string[]): string => headers.slice(0, 12).map(quoted).join(', ');
