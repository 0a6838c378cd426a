/**
 * Why a whole file was refused (nothing of it is stored), as the `details` of the error: `reason`
 * names the sentence, the other values are its parameters, all text. The app words them in the
 * viewer's language (`refusals.<reason>` in the import page's catalogue); `fileRefusalMessage` is
 * the English the API and the command line read, the sentences these refusals had before they had codes.
 */
export type FileRefusal =
  | { reason: 'FILE_UNREADABLE' }
  | { reason: 'FILE_EMPTY' }
  | { reason: 'FILE_BINARY' }
  | { reason: 'OFFICE_DOCUMENT' }
  | { reason: 'ZIP_NOT_WORKBOOK' }
  | { reason: 'NO_WORKSHEET' }
  | { reason: 'WORKSHEET_EMPTY'; sheet: string }
  | { reason: 'WORKBOOK_TEXT_TOO_LARGE'; megabytes: string; limit: string }
  | { reason: 'NO_HEADER' }
  | { reason: 'NO_ROWS' }
  | { reason: 'NO_DATE_COLUMN'; columns: string }
  | { reason: 'NO_SCORE_COLUMN'; columns: string }
  | { reason: 'NO_DATE_OR_SCORE_COLUMN'; columns: string }
  | { reason: 'JSON_TOO_LARGE'; limit: string }
  | { reason: 'JSON_INVALID'; detail: string }
  | { reason: 'JSON_NO_LIST' }
  | { reason: 'ENCODING'; encoding: string };

export type FileRefusalReason = FileRefusal['reason'];

/** The English reason after "This is not a feedback file Kadence can read: ". */
export function fileRefusalMessage(refusal: FileRefusal): string {
  switch (refusal.reason) {
    case 'FILE_UNREADABLE':
      return 'the file could not be read (it is gone or unreadable)';
    case 'FILE_EMPTY':
      return 'the file is empty';
    case 'FILE_BINARY':
      return 'it is a binary file';
    case 'OFFICE_DOCUMENT':
      return 'it is an Office 97–2003 document, not a feedback file';
    case 'ZIP_NOT_WORKBOOK':
      return 'it is a zip archive, not an .xlsx workbook';
    case 'NO_WORKSHEET':
      return 'the workbook has no worksheet';
    case 'WORKSHEET_EMPTY':
      return `its worksheet "${refusal.sheet}" is empty`;
    case 'WORKBOOK_TEXT_TOO_LARGE':
      return `its text takes ${refusal.megabytes} MB, more than the ${refusal.limit} MB Kadence reads from a workbook; save it as CSV, which has no such limit`;
    case 'NO_HEADER':
      return 'it has no header row';
    case 'NO_ROWS':
      return 'it has a header but no rows';
    case 'NO_DATE_COLUMN':
      return `no column was recognised for receivedAt; map the columns (columns: ${refusal.columns})`;
    case 'NO_SCORE_COLUMN':
      return `no column was recognised for score or comment; map the columns (columns: ${refusal.columns})`;
    case 'NO_DATE_OR_SCORE_COLUMN':
      return `no column was recognised for receivedAt and score or comment; map the columns (columns: ${refusal.columns})`;
    case 'JSON_TOO_LARGE':
      return `JSON files above ${refusal.limit} MB must be NDJSON (one response per line)`;
    case 'JSON_INVALID':
      return `the JSON is not valid (${refusal.detail})`;
    case 'JSON_NO_LIST':
      return 'the JSON holds no list of responses';
    case 'ENCODING':
      return `its text is in ${refusal.encoding}, not UTF-8, UTF-16 or Windows-1252. Save it as UTF-8 (in Excel: "CSV UTF-8") and upload it again.`;
  }
}
