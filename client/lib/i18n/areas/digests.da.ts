import type { Shape } from '../shape.ts';
import type { digestsEn } from './digests.en.ts';

export const digestsDa: Shape<typeof digestsEn> = {
  digests: {
    title: 'Månedsoverblik',
    intro:
      'På månedens første arbejdsdag får hver enheds ledere, hvad deres teams holdt, besluttede og udførte måneden før, hvordan kundernes svar flyttede sig, og hvilke teams der har tabt rytmen.',
    none: 'Ingen månedsoverblik endnu. Det første kommer på næste måneds første arbejdsdag.',
    heading: '{{unit}} · {{month}}',
    mailed: 'Sendt på e-mail {{when}}',
    inApp: 'Kun i Kadence',
    mailPending: 'E-mailen er ikke sendt endnu ({{attempts}} forsøg); prøves igen {{when}}',
    mailFailed: 'E-mailen kunne ikke leveres efter {{attempts}} forsøg; overblikket er her',
    held: 'Gennemgange holdt',
    heldOf: '{{held}} af {{planned}}',
    decided: 'Handlinger besluttet',
    completed: 'Handlinger udført',
    customers: 'Kunderne (svar fra alle teams samlet)',
    noKpis: 'Ingen kundesvar i måneden.',
    metrics: { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Bedømmelse' },
    metric: 'Mål',
    thisMonth: 'Måneden',
    before: 'Måneden før',
    change: 'Ændring',
    interval: '95 %-interval {{low}} til {{high}}',
    answers: 'n = {{n}}',
    tooFew: 'For få svar',
    clear: 'En tydelig ændring',
    noise: 'Inden for usikkerheden',
    lost: 'Teams, der har tabt rytmen',
    allKeep: 'Alle teams holder rytmen.',
    lastHeld: 'senest holdt {{date}}',
    perTeam: 'Team for team',
    team: 'Team',
    openDashboard: 'Åbn overblikket',
    link: 'Månedsoverblik',
  },
};
