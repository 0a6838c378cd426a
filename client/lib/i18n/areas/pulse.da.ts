import type { Shape } from '../shape.ts';
import type { pulseEn } from './pulse.en.ts';

export const pulseDa: Shape<typeof pulseEn> = {
  pulse: {
    title: 'Kulturmåling',
    intro:
      'Hvert kvartal svarer teamet anonymt på, hvor godt disse udsagn holder. Resultatet vises, når mindst {{threshold}} har svaret; kommentarer vises uden navne.',
    scale: { 1: 'Helt uenig', 2: 'Uenig', 3: 'Hverken eller', 4: 'Enig', 5: 'Helt enig' },
    answerTitle: 'Dine svar for {{quarter}}',
    comment: 'Kommentar (valgfri)',
    submit: 'Send mine svar',
    thanks: 'Tak — dine svar for {{quarter}} er modtaget.',
    answered: 'Du har svaret for {{quarter}}.',
    responseRate: '{{quarter}}: {{respondents}} af {{members}} har svaret, åben til {{date}}',
    closed: '{{quarter}} (lukket): {{respondents}} har svaret',
    notEnough: 'For få svar endnu for {{quarter}}: {{respondents}} af mindst {{threshold}}.',
    tooFewAsked:
      'Intet resultat for {{quarter}}: kun {{eligible}} var medlemmer, da målingen startede, og et resultat kræver mindst {{threshold}}.',
    commentsWithheld: 'Kommentarer vises kun, når mindst {{threshold}} er blevet spurgt og har svaret.',
    notEligible: 'Du kom med i teamet, efter målingen for {{quarter}} startede, så du svarer fra næste måling.',
    warnings: {
      PULSE_RESULTS_NEVER_SHOWN:
        'Målingen er startet, men resultatet for {{team}} bliver aldrig vist: kun {{eligible}} medlemmer kan svare, og et resultat kræver mindst {{threshold}}.',
      PULSE_COMMENTS_NEVER_SHOWN:
        'Målingen er startet, men kommentarerne for {{team}} bliver aldrig vist: kun {{eligible}} medlemmer kan svare, og kommentarer kræver mindst {{threshold}}.',
    },
    whileOpen:
      'Resultatet for {{quarter}} vises, når målingen er lukket, så intet enkelt svar kan aflæses af en ændring i det.',
    resultTitle: 'Resultat {{quarter}} ({{respondents}} svar)',
    statement: 'Udsagn',
    mean: 'Gennemsnit (1–5)',
    change: 'Siden sidste kvartal',
    distribution: 'Svar 1–5',
    trend: 'Gennemsnit pr. kvartal',
    comments: 'Kommentarer',
    open: { title: 'Start en måling', quarter: 'Kvartal', endsOn: 'Åben til', submit: 'Start måling' },
    closeRound: 'Luk målingen',
    statements: {
      title: 'Redigér udsagn',
      save: 'Gem',
      retire: 'Stop med at spørge',
      restore: 'Spørg igen',
      saved: 'Gemt.',
      threshold: 'Mindste gruppe, der vises (mindst 5)',
      commentThreshold: 'Mindste gruppe, hvis kommentarer vises (ikke under gruppen ovenfor)',
    },
    addStatement: {
      title: 'Tilføj et udsagn for teamet',
      textEn: 'Udsagn på engelsk',
      textDa: 'Udsagn på dansk',
      submit: 'Tilføj udsagn',
    },
  },
};
