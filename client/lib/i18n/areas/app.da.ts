import type { Shape } from '../shape.ts';
import type { appEn } from './app.en.ts';

/** The Danish strings every page needs from its first paint (see app.en.ts). */
export const appDa: Shape<typeof appEn> = {
  app: {
    name: 'Kadence',
    tagline: 'Den månedlige gennemgang af kundefeedback, som teamet holder sammen',
    language: 'Sprog',
    menu: 'Menu',
    signOut: 'Log ud',
    account: 'Konto',
    teams: 'Teams',
    actions: 'Handlinger',
    rhythm: 'Rytme',
  },
  setup: {
    title: 'Velkommen til Kadence',
    intro: 'Opret den første konto. Den bliver administrator for arbejdsområdet.',
    submit: 'Opret konto',
  },
  login: { title: 'Log ind', submit: 'Log ind' },
  fields: {
    email: 'E-mail',
    name: 'Navn',
    password: 'Adgangskode',
    currentPassword: 'Nuværende adgangskode',
    newPassword: 'Ny adgangskode',
    teamName: 'Teamets navn',
    slug: 'Kort navn (slug)',
    timezone: 'Tidszone',
    role: 'Rolle',
  },
  roles: { lead: 'Leder', facilitator: 'Facilitator', member: 'Medlem' },
  home: {
    title: 'Dine teams',
    none: 'Du er ikke med i noget team endnu.',
    createTeam: 'Opret team',
    create: 'Opret',
    since: 'Oprettet {{date}}',
  },
  team: {
    members: 'Medlemmer',
    invite: 'Invitér en person',
    createInvite: 'Lav invitationslink',
    inviteLink: 'Invitationslink (gyldigt til {{date}})',
    back: 'Alle teams',
    actions: 'Handlinger',
    remove: 'Fjern',
    confirmRemove: 'Fjern {{name}} fra teamet?',
    openInvites: 'Åbne invitationslinks',
    validUntil: 'gyldigt til {{date}}',
    revoke: 'Tilbagekald',
  },
  invite: {
    title: 'Bliv en del af {{team}}',
    asRole: 'Du er inviteret som {{role}}.',
    join: 'Deltag i teamet',
    createAndJoin: 'Opret konto og deltag',
  },
  account: { title: 'Skift adgangskode', submit: 'Skift adgangskode', changed: 'Din adgangskode er skiftet.' },
  route: { loading: 'Indlæser …' },
  // Setup, invite and account pages show it before the first try; they load no area of their own.
  passwordRule: 'Mindst {{min}} tegn.',
  errors: {
    generic: 'Noget gik galt. Prøv igen.',
    network: 'Kadence kunne ikke nås.',
    codes: {
      VALIDATION: 'Tjek venligst det, du har indtastet.',
      UNAUTHENTICATED: 'Log venligst ind.',
      FORBIDDEN: 'Din rolle giver ikke adgang til dette.',
      NOT_FOUND: 'Det blev ikke fundet.',
      CONFLICT: 'Det er i konflikt med noget, der allerede findes.',
      CSRF: 'Siden var forældet. Genindlæs og prøv igen.',
      RATE_LIMITED: 'For mange forsøg. Vent et øjeblik, og prøv igen.',
      PAYLOAD_TOO_LARGE: 'Det er for stort.',
      OPID_REUSED:
        'Ændringen kunne ikke sendes igen, fordi dens id allerede er brugt til noget andet. Genindlæs siden.',
      INVALID_CREDENTIALS: 'Forkert e-mail eller adgangskode.',
      SETUP_DONE: 'Kadence er allerede sat op.',
      INVITE_INVALID: 'Dette invitationslink kan ikke længere bruges.',
      STORAGE_FULL: 'Serverens disk er fuld. Intet blev gemt; frigør plads og prøv igen.',
      PRIVATE_ADDRESS:
        'Webhooks kan ikke sendes til interne eller private adresser. Brug en offentlig adresse, eller bed administratoren om at tillade denne modtager.',
      UPLOAD_TOO_LARGE: 'Filen er større, end serveren tager imod.',
      UPLOAD_QUOTA: 'Holdet har for mange filer, der venter på at blive importeret. Importér eller kassér nogle først.',
      INVITE_SIGN_IN: 'Log ind for at tage imod invitationen, eller brug en anden e-mailadresse.',
      WORKBOOK_PROTECTED:
        'Projektmappen er beskyttet med adgangskode. Fjern adgangskoden i Excel, gem filen, og upload den igen.',
      WORKBOOK_UNSUPPORTED:
        'Regnearket er ikke en .xlsx-projektmappe (.xls, .xlsb og .ods kan ikke læses). Gem det som .xlsx eller CSV, og upload det igen.',
      WORKBOOK_MALFORMED:
        'Projektmappen er beskadiget og kan ikke læses. Åbn den i Excel, og gem den igen, eller gem den som CSV.',
      PULSE_NOT_ELIGIBLE: 'Du kom med i teamet, efter målingen startede; du kan svare på den næste.',
      ALREADY_MEMBER: 'Personen er allerede med i teamet. Skift i stedet rollen i medlemslisten.',
      PULSE_ROUND_CLOSED: 'Målingen er allerede afsluttet.',
      MAIL_NOT_CONFIGURED: 'Serveren kan ikke sende e-mail. Kopiér linket, og send det selv.',
      INVITE_EMAIL_MISMATCH:
        'Invitationen er lavet til en anden e-mailadresse. Send den dertil, eller lav et nyt link.',
      IMPORT_ALREADY_UNDONE: 'Importen er allerede fortrudt.',
      PROTOCOL_OUTDATED: 'Kadence er opdateret — genindlæs siden.',
      INTERNAL: 'Noget gik galt på serveren.',
    },
    details: {
      ENCODING:
        'Kadence kan ikke læse filen: teksten er skrevet i {{encoding}}, ikke i UTF-8, UTF-16 eller Windows-1252. Gem den som UTF-8 (i Excel: “CSV UTF-8”), og upload den igen.',
    },
  },
  counts: {
    duplicates_one: '{{count}} dublet',
    duplicates_other: '{{count}} dubletter',
    cards_one: '{{count}} kort',
    cards_other: '{{count}} kort',
    comments_one: '{{count}} kommentar',
    comments_other: '{{count}} kommentarer',
    members_one: '{{count}} medlem',
    members_other: '{{count}} medlemmer',
    rows_one: '{{count}} række',
    rows_other: '{{count}} rækker',
  },
  teamLanguage: {
    label: 'Teamets standardtekster',
    hint: 'Dagsordenens punkter og kalenderinvitationer laves på dette sprog.',
    da: 'Dansk',
    en: 'Engelsk',
    save: 'Gem sprog',
    serverDefault: 'Arbejdsområdets standard',
  },
};
