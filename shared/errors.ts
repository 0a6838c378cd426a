/** Stable error codes: clients branch on these, never on messages. */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CSRF: 'CSRF',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The same opId came again with a different command: a client bug, never silently accepted. */
  OPID_REUSED: 'OPID_REUSED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  SETUP_DONE: 'SETUP_DONE',
  INVITE_INVALID: 'INVITE_INVALID',
  STORAGE_FULL: 'STORAGE_FULL',
  PRIVATE_ADDRESS: 'PRIVATE_ADDRESS',
  UPLOAD_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  UPLOAD_QUOTA: 'UPLOAD_QUOTA',
  INVITE_SIGN_IN: 'INVITE_SIGN_IN',
  WORKBOOK_PROTECTED: 'WORKBOOK_PROTECTED',
  WORKBOOK_UNSUPPORTED: 'WORKBOOK_UNSUPPORTED',
  WORKBOOK_MALFORMED: 'WORKBOOK_MALFORMED',
  /** The person was not a member of the team when the pulse round opened, so cannot answer it. */
  PULSE_NOT_ELIGIBLE: 'PULSE_NOT_ELIGIBLE',
  /** The person is already a member of the team; change their role instead of adding them again. */
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  /** The pulse round was closed before; closing it again changes nothing. */
  PULSE_ROUND_CLOSED: 'PULSE_ROUND_CLOSED',
  /** Sending e-mail needs SMTP_URL, which this server does not have. */
  MAIL_NOT_CONFIGURED: 'MAIL_NOT_CONFIGURED',
  /** The invite was made for one address; sending it to another would give a link that does not work there. */
  INVITE_EMAIL_MISMATCH: 'INVITE_EMAIL_MISMATCH',
  /** The import was undone before; undoing it again changes nothing. */
  IMPORT_ALREADY_UNDONE: 'IMPORT_ALREADY_UNDONE',
  /** The page speaks an older (or newer) socket protocol than the server: Kadence was updated, reload. */
  PROTOCOL_OUTDATED: 'PROTOCOL_OUTDATED',
  /** A unit's parent must be a unit that exists. */
  UNIT_PARENT_NOT_FOUND: 'UNIT_PARENT_NOT_FOUND',
  /** A unit cannot sit below itself or below one of its own units. */
  UNIT_CYCLE: 'UNIT_CYCLE',
  /** Unit names are unique, so the command line can name a unit unambiguously. */
  UNIT_NAME_TAKEN: 'UNIT_NAME_TAKEN',
  /** A unit with units below it is not deleted; move or delete those first. */
  UNIT_HAS_CHILDREN: 'UNIT_HAS_CHILDREN',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
