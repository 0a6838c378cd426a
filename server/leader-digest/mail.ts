import { formatter, type Formatter } from '../../shared/format.ts';
import type { Language } from '../../shared/language.ts';
import type { LostReason } from '../../shared/rhythm.ts';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { LeaderDigestContent } from '../../shared/schemas/leader-digests.ts';

const METRICS: Record<Language, Record<Metric, string>> = {
  da: { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Bedømmelse' },
  en: { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Rating' },
};

const WORDS: Record<
  Language,
  {
    subject: (unit: string, month: string) => string;
    greeting: (name: string) => string;
    intro: (unit: string, month: string) => string;
    held: (held: number, planned: number) => string;
    actions: (decided: number, completed: number) => string;
    customers: string;
    noKpis: string;
    kpi: (value: string, low: string, high: string, n: string) => string;
    tooFew: (n: string) => string;
    change: (change: string, low: string, high: string, month: string) => string;
    clear: string;
    noise: string;
    lost: string;
    allKeep: string;
    lostReason: Record<LostReason, string>;
    lastHeld: (date: string) => string;
    perTeam: string;
    team: (held: number, planned: number, decided: number, completed: number) => string;
    open: string;
  }
> = {
  da: {
    subject: (unit, month) => `Kadence: månedsoverblik for ${unit}, ${month}`,
    greeting: (name) => `Hej ${name}`,
    intro: (unit, month) => `Sådan gik ${month} i ${unit}.`,
    held: (held, planned) => `Gennemgange holdt: ${held} af ${planned} planlagte`,
    actions: (decided, completed) => `Handlinger besluttet: ${decided}; udført: ${completed}`,
    customers: 'Kunderne (svar fra alle teams samlet):',
    noKpis: 'Ingen kundesvar i måneden.',
    kpi: (value, low, high, n) => `${value} (95 %-interval ${low} til ${high}; n = ${n})`,
    tooFew: (n) => `for få svar til et tal (n = ${n})`,
    change: (change, low, high, month) => `ændring ${change} fra ${month} (95 %-interval ${low} til ${high})`,
    clear: 'en tydelig ændring',
    noise: 'inden for usikkerheden',
    lost: 'Teams, der har tabt rytmen:',
    allKeep: 'Alle teams holder rytmen.',
    lostReason: { missed_two: 'to gennemgange sprunget over', none_45_days: 'ingen holdt i 45 dage' },
    lastHeld: (date) => `senest holdt ${date}`,
    perTeam: 'Team for team:',
    team: (held, planned, decided, completed) =>
      `${held} af ${planned} holdt, ${decided} besluttet, ${completed} udført`,
    open: 'Åbn overblikket',
  },
  en: {
    subject: (unit, month) => `Kadence: monthly digest for ${unit}, ${month}`,
    greeting: (name) => `Hello ${name}`,
    intro: (unit, month) => `How ${month} went in ${unit}.`,
    held: (held, planned) => `Reviews held: ${held} of ${planned} planned`,
    actions: (decided, completed) => `Actions decided: ${decided}; completed: ${completed}`,
    customers: 'Customers (the answers of all teams pooled):',
    noKpis: 'No customer answers in the month.',
    kpi: (value, low, high, n) => `${value} (95% interval ${low} to ${high}; n = ${n})`,
    tooFew: (n) => `too few answers for a figure (n = ${n})`,
    change: (change, low, high, month) => `change ${change} from ${month} (95% interval ${low} to ${high})`,
    clear: 'a clear change',
    noise: 'within the uncertainty',
    lost: 'Teams that lost the rhythm:',
    allKeep: 'Every team keeps the rhythm.',
    lostReason: { missed_two: 'two reviews missed', none_45_days: 'none held for 45 days' },
    lastHeld: (date) => `last held ${date}`,
    perTeam: 'Team by team:',
    team: (held, planned, decided, completed) =>
      `${held} of ${planned} held, ${decided} decided, ${completed} completed`,
    open: 'Open the dashboard',
  },
};

/**
 * Names come from people (units, teams, leads): control characters and line breaks are made
 * spaces, so a name can neither add a header line to the subject nor forge lines in the text.
 */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
};
const oneLine = (text: string): string =>
  [...text]
    .map((char) => (isControl(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

function kpiLine(kpi: LeaderDigestContent['kpis'][number], language: Language, format: Formatter): string {
  const words = WORDS[language];
  const name = METRICS[language][kpi.metric];
  const { current, previous } = kpi;
  if (current.value === null || current.ci95 === null) return `- ${name}: ${words.tooFew(format.number(current.n, 0))}`;
  const figure = words.kpi(
    format.number(current.value),
    format.number(current.ci95[0]),
    format.number(current.ci95[1]),
    format.number(current.n, 0),
  );
  if (kpi.change === null || kpi.changeCi95 === null) return `- ${name}: ${figure}`;
  const change = words.change(
    format.signed(kpi.change),
    format.signed(kpi.changeCi95[0]),
    format.signed(kpi.changeCi95[1]),
    format.month(previous.month),
  );
  return `- ${name}: ${figure}, ${change}: ${kpi.clear ? words.clear : words.noise}`;
}

/**
 * The leader digest as an e-mail, in the digest's language, with every date and number through
 * the one formatter (shared/format.ts) in the unit's time zone.
 */
export function leaderDigestMail(content: LeaderDigestContent, publicUrl: string): { subject: string; text: string } {
  const words = WORDS[content.language];
  const format = formatter(content.language, content.timezone);
  const unit = oneLine(content.unit.name);
  const month = format.month(content.month);
  const { totals } = content;
  const lost = content.teams.filter((row) => row.lost !== null);
  const lines = [
    words.greeting(oneLine(content.lead.name)),
    '',
    words.intro(unit, month),
    words.held(totals.held, totals.planned),
    words.actions(totals.decided, totals.completed),
    '',
    words.customers,
    ...(content.kpis.length === 0 ? [words.noKpis] : content.kpis.map((kpi) => kpiLine(kpi, content.language, format))),
    '',
    ...(lost.length === 0
      ? [words.allKeep]
      : [
          words.lost,
          ...lost.map((row) => {
            const reason = row.lost === null ? '' : words.lostReason[row.lost];
            const last = row.lastHeldAt ? `, ${words.lastHeld(format.date(row.lastHeldAt))}` : '';
            return `- ${oneLine(row.team.name)}: ${reason}${last}`;
          }),
        ]),
    '',
    words.perTeam,
    ...content.teams.map(
      (row) => `- ${oneLine(row.team.name)}: ${words.team(row.held, row.planned, row.decided, row.completed)}`,
    ),
    '',
    `${words.open}: ${publicUrl}/#/units/${content.unit.id}`,
  ];
  return { subject: words.subject(unit, month), text: `${lines.join('\n')}\n` };
}
