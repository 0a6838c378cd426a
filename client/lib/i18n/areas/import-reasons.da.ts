import type { Shape } from '../shape.ts';
import type { importReasonsEn } from './import-reasons.en.ts';

export const importReasonsDa: Shape<typeof importReasonsEn> = {
  recognised: 'Læst som {{format}} i {{encoding}}, genkendt som {{preset}}.',
  recognisedWorkbook: 'Læst som Excel-projektmappe, genkendt som {{preset}}.',
  refusals: {
    ENCODING:
      'Kadence kan ikke læse filen: teksten er skrevet i {{encoding}}, ikke i UTF-8, UTF-16 eller Windows-1252. Gem den som UTF-8 (i Excel: “CSV UTF-8”), og upload den igen.',
    FILE_UNREADABLE: 'Kadence kan ikke læse filen: den er væk eller ulæselig. Upload den igen.',
    FILE_EMPTY: 'Filen er tom: der er intet at importere.',
    FILE_BINARY: 'Kadence kan ikke læse filen: det er en binær fil, ikke CSV, JSON eller en .xlsx-projektmappe.',
    OFFICE_DOCUMENT:
      'Det er et Office 97–2003-dokument, ikke en feedbackfil. Gem feedbacken som CSV eller .xlsx, og upload den igen.',
    ZIP_NOT_WORKBOOK: 'Det er et zip-arkiv, ikke en .xlsx-projektmappe. Pak det ud, og upload feedbackfilen derfra.',
    NO_WORKSHEET: 'Projektmappen har intet regneark at importere.',
    WORKSHEET_EMPTY: 'Regnearket “{{sheet}}” er tomt: der er intet at importere.',
    WORKBOOK_TEXT_TOO_LARGE:
      'Projektmappens tekst fylder {{megabytes}} MB, mere end de {{limit}} MB, Kadence læser fra en projektmappe. Gem den som CSV, som ikke har den grænse.',
    NO_HEADER: 'Filen har ingen overskriftsrække: Kadence skal have kolonnenavne i første række.',
    NO_ROWS: 'Filen har overskrifter, men ingen rækker: der er intet at importere.',
    NO_DATE_COLUMN: 'Ingen kolonne blev genkendt som datoen. Vælg kolonnerne nedenfor (filen har {{columns}}).',
    NO_SCORE_COLUMN:
      'Ingen kolonne blev genkendt som score eller kommentar. Vælg kolonnerne nedenfor (filen har {{columns}}).',
    NO_DATE_OR_SCORE_COLUMN:
      'Ingen kolonne blev genkendt som datoen eller som score eller kommentar. Vælg kolonnerne nedenfor (filen har {{columns}}).',
    JSON_TOO_LARGE: 'JSON-filer over {{limit}} MB skal være NDJSON (ét svar pr. linje).',
    JSON_INVALID: 'Filen er ikke gyldig JSON.',
    JSON_NO_LIST: 'JSON-filen indeholder ingen liste af svar.',
    UPLOAD_TOO_LARGE: 'Filen er større end {{megabytes}} MB, den største upload denne server tager imod.',
    UPLOAD_QUOTA:
      'Teamets filer, der venter på import, ville fylde mere end {{megabytes}} MB. Importér eller kassér nogle først.',
  },
  rejections: {
    FIELD_TOO_LONG: 'feltet “{{column}}” er {{length}} tegn langt; grænsen er {{limit}}',
    DATE_MISSING: 'datoen mangler (kolonnen “{{column}}”)',
    DATE_UNREADABLE: '“{{value}}” er ikke en dato, Kadence kan læse',
    REPLY_DATE_UNREADABLE: '“{{value}}” er ikke en svardato, Kadence kan læse',
    METRIC_UNKNOWN: '“{{value}}” er ikke et kendt mål (nps, csat, ces eller rating)',
    SCORE_NOT_WHOLE: 'scoren “{{value}}” er ikke et helt tal',
    SCORE_NO_METRIC: 'scoren “{{value}}” har intet mål: vælg en kolonne med målet, eller filens mål',
    SCORE_OUT_OF_RANGE: 'scoren {{value}} ligger uden for {{scale}}',
    RATING_NOT_GIVEN: 'kunden blev bedt om en bedømmelse, men gav ingen',
    RATING_NOT_GOOD_OR_BAD: '“{{value}}” er ikke en Zendesk-bedømmelse (good eller bad)',
    NO_SCORE_OR_COMMENT: 'rækken har hverken en score eller en kommentar',
    FIELD_COUNT_one: 'rækken har {{fields}} felt; overskriften har {{expected}}',
    FIELD_COUNT_other: 'rækken har {{fields}} felter; overskriften har {{expected}}',
    QUOTE_NOT_CLOSED: 'et felt i anførselstegn lukkes aldrig (der mangler et ")',
    STRAY_QUOTE: 'et felt i anførselstegn har et løst " indeni',
    ENTRY_NOT_OBJECT: 'posten er ikke et objekt',
    LINE_NOT_OBJECT: 'linjen er ikke et JSON-objekt',
    LINE_NOT_JSON: 'linjen er ikke gyldig JSON',
  },
  scales: {
    nps: '{{low}}–{{high}} for NPS',
    csat: '{{low}}–{{high}} for CSAT',
    ces: '{{low}}–{{high}} for CES',
    rating: '{{low}}–{{high}} stjerner',
  },
  presets: {
    surveymonkey: 'SurveyMonkey',
    typeform: 'Typeform',
    'google-forms': 'Google Formularer',
    'microsoft-forms': 'Microsoft Forms',
    'google-play': 'Google Play',
    trustpilot: 'Trustpilot',
    delighted: 'Delighted',
    zendesk: 'Zendesk',
    generic: 'en almindelig tabel',
    api: 'API’et',
  },
  encodings: {
    utf8: 'UTF-8',
    utf16le: 'UTF-16 (little-endian)',
    utf16be: 'UTF-16 (big-endian)',
    windows1252: 'Windows-1252',
  },
};
