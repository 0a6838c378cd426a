import { ErrorCode } from '../../../shared/errors.ts';
import { AppError } from '../../errors.ts';

/** Excel encrypts a workbook with a password into a different container that only Excel can open. */
export function workbookProtected(): AppError {
  return new AppError(
    ErrorCode.WORKBOOK_PROTECTED,
    'This workbook is password-protected, so Kadence cannot read it: remove the password in Excel, save the file and upload it again.',
  );
}

export type OtherSpreadsheet = 'xls' | 'xlsb' | 'ods';

const KINDS: Record<OtherSpreadsheet, string> = {
  xls: 'an Excel 97–2003 workbook (.xls)',
  xlsb: 'an Excel binary workbook (.xlsb)',
  ods: 'an OpenDocument spreadsheet (.ods)',
};

/** A spreadsheet in a format Kadence does not read: saving it as .xlsx or CSV is the way in. */
export function otherSpreadsheet(kind: OtherSpreadsheet): AppError {
  return new AppError(
    ErrorCode.WORKBOOK_UNSUPPORTED,
    `This is ${KINDS[kind]}, not an .xlsx workbook: save it as .xlsx or CSV and upload it again.`,
  );
}

/** A damaged workbook; the reason names the part and place, never the parser's own words. */
export function workbookDamaged(reason: string): AppError {
  return new AppError(
    ErrorCode.WORKBOOK_MALFORMED,
    `This workbook is damaged and cannot be read (${reason}): open it in Excel, save it again, or save it as CSV.`,
  );
}
