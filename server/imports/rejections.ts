import { Compile } from 'typebox/compile';
import { rejectionMessage } from '../../shared/import-rejections.ts';
import { ImportErrorSchema, type ImportError, type Rejection } from '../../shared/schemas/imports.ts';
import { redact } from '../../shared/redact.ts';

/** A rejected row as the import keeps it: its line, code and params. */
export type RejectedRow = Rejection & { line: number };

const isImportError = Compile(ImportErrorSchema);

/** The row as the API answers it: with the English sentence beside the code. */
export const withMessage = (row: RejectedRow): ImportError => ({ ...row, message: rejectionMessage(row) });

/**
 * A rejection read back from the database. Values are masked when written; a report kept from before
 * that (or a reason kept whole as OTHER) is masked here, on the way out. A row whose code this
 * version does not know is shown by its code rather than lost.
 */
export function storedRejection(line: number, code: string, params: string): ImportError {
  const parsed: unknown = JSON.parse(params, (_key, value: unknown) =>
    typeof value === 'string' ? redact(value) : value,
  );
  const row = { line, code, params: parsed, message: '' };
  return withMessage(isImportError.Check(row) ? row : { line, code: 'OTHER', params: { text: code } });
}

/** The params as stored: JSON of the code's own shape. */
export const storedParams = (rejection: Rejection): string => JSON.stringify(rejection.params);
