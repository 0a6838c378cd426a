import { ErrorCode } from '../shared/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  OPID_REUSED: 409,
  INVALID_CREDENTIALS: 401,
  SETUP_DONE: 409,
  INVITE_INVALID: 410,
  STORAGE_FULL: 507,
  PRIVATE_ADDRESS: 400,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_QUOTA: 413,
  INVITE_SIGN_IN: 409,
  WORKBOOK_PROTECTED: 400,
  WORKBOOK_UNSUPPORTED: 400,
  WORKBOOK_MALFORMED: 400,
  PULSE_NOT_ELIGIBLE: 403,
  ALREADY_MEMBER: 409,
  PULSE_ROUND_CLOSED: 409,
  MAIL_NOT_CONFIGURED: 409,
  INVITE_EMAIL_MISMATCH: 400,
  IMPORT_ALREADY_UNDONE: 409,
  PROTOCOL_OUTDATED: 409,
  UNIT_PARENT_NOT_FOUND: 400,
  UNIT_CYCLE: 409,
  UNIT_NAME_TAKEN: 409,
  UNIT_HAS_CHILDREN: 409,
  INTERNAL: 500,
};

/** An error a person caused and can fix; its message is safe to show. */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what: string): AppError => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You do not have access to this'): AppError =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const invalid = (message: string, details?: unknown): AppError =>
  new AppError(ErrorCode.VALIDATION, message, details);
