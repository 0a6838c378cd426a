import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

/** A file that cannot be imported at all: nothing of it is stored. */
export function notFeedbackFile(reason: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `This is not a feedback file Kadence can read: ${reason}`);
}
