import { rejectionWordsEn } from '../../../../shared/rejection-words.ts';

/**
 * The import page's own words: why a file or its rows were refused, the tools and encodings a file is read as.
 * Loaded with the import page (not in the app's catalogue), so no other page pays for them.
 */
export const importReasonsEn = {
  recognised: 'Read as {{format}} in {{encoding}}, recognised as {{preset}}.',
  recognisedWorkbook: 'Read as an Excel workbook, recognised as {{preset}}.',
  refusals: {
    ENCODING:
      'Kadence cannot read this file: its text is in {{encoding}}, not UTF-8, UTF-16 or Windows-1252. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.',
    FILE_UNREADABLE: 'Kadence cannot read this file: it is gone or unreadable. Upload it again.',
    FILE_EMPTY: 'This file is empty: there is nothing to import.',
    FILE_BINARY: 'Kadence cannot read this file: it is a binary file, not CSV, JSON or an .xlsx workbook.',
    OFFICE_DOCUMENT:
      'This is an Office 97–2003 document, not a feedback file. Save the feedback as CSV or .xlsx and upload it again.',
    ZIP_NOT_WORKBOOK: 'This is a zip archive, not an .xlsx workbook. Unpack it and upload the feedback file inside.',
    NO_WORKSHEET: 'The workbook has no worksheet to import.',
    WORKSHEET_EMPTY: 'The worksheet “{{sheet}}” is empty: there is nothing to import.',
    WORKBOOK_TEXT_TOO_LARGE:
      'The workbook’s text takes {{megabytes}} MB, more than the {{limit}} MB Kadence reads from a workbook. Save it as CSV, which has no such limit.',
    NO_HEADER: 'The file has no header row: Kadence needs column names in the first row.',
    NO_ROWS: 'The file has a header but no rows: there is nothing to import.',
    NO_DATE_COLUMN: 'No column was recognised as the date. Choose the columns below (the file has {{columns}}).',
    NO_SCORE_COLUMN:
      'No column was recognised as a score or a comment. Choose the columns below (the file has {{columns}}).',
    NO_DATE_OR_SCORE_COLUMN:
      'No column was recognised as the date, nor as a score or a comment. Choose the columns below (the file has {{columns}}).',
    JSON_TOO_LARGE: 'JSON files above {{limit}} MB must be NDJSON (one response per line).',
    JSON_INVALID: 'The file is not valid JSON.',
    JSON_NO_LIST: 'The JSON holds no list of responses.',
    UPLOAD_TOO_LARGE: 'The file is larger than {{megabytes}} MB, the largest upload this server accepts.',
    UPLOAD_QUOTA:
      'The team’s files waiting to be imported would take more than {{megabytes}} MB. Import or discard some first.',
  },
  rejections: rejectionWordsEn.rejections,
  scales: rejectionWordsEn.scales,
  presets: {
    surveymonkey: 'SurveyMonkey',
    typeform: 'Typeform',
    'google-forms': 'Google Forms',
    'microsoft-forms': 'Microsoft Forms',
    'google-play': 'Google Play',
    trustpilot: 'Trustpilot',
    delighted: 'Delighted',
    zendesk: 'Zendesk',
    generic: 'a general table',
    api: 'the API',
  },
  encodings: {
    utf8: 'UTF-8',
    utf16le: 'UTF-16 (little-endian)',
    utf16be: 'UTF-16 (big-endian)',
    windows1252: 'Windows-1252',
  },
};
