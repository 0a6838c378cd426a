export const pulseEn = {
  pulse: {
    title: 'Culture pulse',
    intro:
      'Every quarter the team answers, anonymously, how far these statements hold. Results appear when at least {{threshold}} people have answered; comments are shown without names.',
    scale: { 1: 'Strongly disagree', 2: 'Disagree', 3: 'Neither', 4: 'Agree', 5: 'Strongly agree' },
    answerTitle: 'Your answers for {{quarter}}',
    comment: 'Comment (optional)',
    submit: 'Send my answers',
    thanks: 'Thank you — your answers for {{quarter}} are in.',
    answered: 'You have answered {{quarter}}.',
    responseRate: '{{quarter}}: {{respondents}} of {{members}} have answered, open until {{date}}',
    closed: '{{quarter}} (closed): {{respondents}} answered',
    notEnough: 'Not enough answers yet for {{quarter}}: {{respondents}} of at least {{threshold}}.',
    tooFewAsked:
      'No result for {{quarter}}: only {{eligible}} people were members when the round opened, and a result needs at least {{threshold}}.',
    commentsWithheld: 'Comments are shown only when at least {{threshold}} people were asked and answered.',
    notEligible: 'You joined the team after the {{quarter}} round opened, so you answer from the next round.',
    warnings: {
      PULSE_RESULTS_NEVER_SHOWN:
        'The round is open, but the results for {{team}} will never be shown: only {{eligible}} members can answer it, and a result needs at least {{threshold}}.',
      PULSE_COMMENTS_NEVER_SHOWN:
        'The round is open, but the comments for {{team}} will never be shown: only {{eligible}} members can answer it, and comments need at least {{threshold}}.',
    },
    whileOpen:
      'The result for {{quarter}} is shown when the round closes, so no single answer can be read from a change in it.',
    resultTitle: 'Result {{quarter}} ({{respondents}} answers)',
    statement: 'Statement',
    mean: 'Mean (1–5)',
    change: 'Since last quarter',
    distribution: 'Answers 1–5',
    trend: 'Mean per quarter',
    comments: 'Comments',
    open: { title: 'Open a round', quarter: 'Quarter', endsOn: 'Open until', submit: 'Open round' },
    closeRound: 'Close round',
    statements: {
      title: 'Edit statements',
      save: 'Save',
      retire: 'Retire',
      restore: 'Ask again',
      saved: 'Saved.',
      threshold: 'Smallest group shown (at least 5)',
      commentThreshold: 'Smallest group whose comments are shown (not below the group above)',
    },
    addStatement: {
      title: 'Add a team statement',
      textEn: 'Statement in English',
      textDa: 'Statement in Danish',
      submit: 'Add statement',
    },
  },
};
