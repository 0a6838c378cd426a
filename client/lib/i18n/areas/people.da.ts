import type { Shape } from '../shape.ts';
import type { peopleEn } from './people.en.ts';

export const peopleDa: Shape<typeof peopleEn> = {
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
  home: {
    title: 'Dine teams',
    none: 'Du er ikke med i noget team endnu.',
    createTeam: 'Opret team',
    create: 'Opret',
    since: 'Oprettet {{date}}',
  },
  invite: {
    title: 'Bliv en del af {{team}}',
    asRole: 'Du er inviteret som {{role}}.',
    join: 'Deltag i teamet',
    createAndJoin: 'Opret konto og deltag',
  },
  account: { title: 'Skift adgangskode', submit: 'Skift adgangskode', changed: 'Din adgangskode er skiftet.' },
  teamLanguage: {
    label: 'Teamets standardtekster',
    hint: 'Dagsordenens punkter og kalenderinvitationer laves på dette sprog.',
    da: 'Dansk',
    en: 'Engelsk',
    save: 'Gem sprog',
    serverDefault: 'Arbejdsområdets standard',
  },
  members: {
    title: 'Medlemmer',
    invite: 'Invitér en person',
    createInvite: 'Lav invitationslink',
    inviteLink: 'Invitationslink (gyldigt til {{date}})',
    confirmRemove: 'Fjern {{name}} fra teamet?',
    openInvites: 'Åbne invitationslinks',
    validUntil: 'gyldigt til {{date}}',
  },
};
