import type { Shape } from '../shape.ts';
import type { pagesEn } from './pages.en.ts';

export const pagesDa: Shape<typeof pagesEn> = {
  archive: {
    title: 'Tidligere gennemgange',
    link: 'Tidligere gennemgange',
    intro: 'Alle gennemgange, teamet har holdt, nyeste først.',
    none: 'Der er ikke holdt nogen gennemgang endnu.',
    held: 'Holdt {{date}}',
    attendance: 'Deltagere: {{count}}',
    themes: 'Temaer',
    noThemes: 'Ingen temaer',
    decisions: 'Beslutninger',
    noDecisions: 'Ingen beslutninger',
    openSummary: 'Opsummering af {{date}}',
    back: 'Alle tidligere gennemgange',
  },
  overview: {
    greeting: 'Hej {{name}}',
    nextReviews: 'Dine næste gennemgange',
    noReviews: 'Der er ingen planlagt gennemgang i dine teams.',
    join: 'Deltag',
    prepare: 'Forbered tavlen',
    live: 'I gang nu',
    openActions: 'Dine åbne handlinger',
    noActions: 'Du har ingen åbne handlinger.',
    due: 'frist {{date}}',
    allActions: 'Alle handlinger',
    pulse: 'Pulsrunder, der venter på dig',
    noPulse: 'Ingen pulsrunde venter på dit svar.',
    answer: 'Svar på pulsen for {{quarter}}',
    endsOn: 'åben til {{date}}',
    rhythm: 'Rytmen i de teams, du leder',
    rhythmLine: '{{held}} af {{planned}} gennemgange holdt · {{streak}} i træk',
    rhythmLink: 'Rytmen på tværs af teams',
    teams: 'Dine teams',
  },
  teamWow: {
    title: 'På WOW-væggen',
    intro:
      'Den ros, jeres enheds ledere ser på WOW-væggen: anbefaleres svar og kort med stjerne fra jeres tavler, med personoplysninger skjult. Hold et kort væk fra væggen, hvis det skal blive i teamet.',
    introReader:
      'Den ros, jeres enheds ledere ser på WOW-væggen: anbefaleres svar og kort med stjerne fra jeres tavler, med personoplysninger skjult.',
    none: 'Ingen ros endnu.',
    keepOff: 'Hold væk fra væggen',
    putBack: 'Sæt på væggen igen',
    keptOff: 'Holdt væk fra væggen',
    more: 'Vis flere',
  },
  createTeam: {
    slugHint: 'Lavet ud fra navnet; du kan rette det, før du gemmer.',
    asLead: 'Jeg leder dette team',
    notLead: 'Du bliver ikke medlem af teamet. Invitér dets leder fra teamsiden, når det er oprettet.',
  },
  invites: {
    copy: 'Kopiér link',
    copied: 'Kopieret',
    address: 'Send linket til (e-mail)',
    send: 'Send som e-mail',
    sent: 'Sendt til {{email}}.',
  },
};
