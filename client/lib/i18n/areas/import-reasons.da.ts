import type { Shape } from '../shape.ts';
import { rejectionWordsDa } from '../../../../shared/rejection-words.ts';
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
  rejections: rejectionWordsDa.rejections,
  scales: rejectionWordsDa.scales,
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
