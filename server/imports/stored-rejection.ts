import { Compile } from 'typebox/compile';
import { ImportErrorSchema, type ImportError } from '../../shared/schemas/imports.ts';
import { redact } from '../../shared/redact.ts';
import { withMessage } from './rejections.ts';

// Its own module, loaded when a report with rows is read: TypeBox (~20 MB resident, several hundred
// modules) then stays out of an import that rejected nothing, the command line's above all.
const isImportError = Compile(ImportErrorSchema);

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
