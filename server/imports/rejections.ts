import { rejectionMessage } from '../../shared/import-rejections.ts';
import type { ImportError, Rejection } from '../../shared/schemas/imports.ts';

/** A rejected row as the import keeps it: its line, code and params. */
export type RejectedRow = Rejection & { line: number };

/** The row as the API answers it: with the English sentence beside the code. */
export const withMessage = (row: RejectedRow): ImportError => ({ ...row, message: rejectionMessage(row) });

/** The params as stored: JSON of the code's own shape. */
export const storedParams = (rejection: Rejection): string => JSON.stringify(rejection.params);
