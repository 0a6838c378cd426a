import type { Formatter } from '../../shared/format.ts';
import type { MeetingSummary } from '../../shared/meeting/index.ts';
import type { MessageParams } from '../../shared/translate.ts';

type Translate = (key: string, params?: MessageParams) => string;
/** Dates and figures in the reader's language: `fmt()` from client/lib/format.ts. */
interface SummaryFormat {
  date(iso: string): string;
  number: Formatter['number'];
}

/** Markdown cells and lines: neutralise characters that would change the structure. */
const md = (text: string): string => text.replace(/([\\`*_[\]#|<>])/g, '\\$1').replace(/\r?\n/g, ' ');

/** The summary as a Markdown document in the reader's language: its texts, plurals, dates and decimal marks. */
export function summaryMarkdown(summary: MeetingSummary, t: Translate, format: SummaryFormat): string {
  const lines = [`# ${t('live.summary.title')}`, '', format.date(new Date(summary.endedAt).toISOString()), ''];
  lines.push(`## ${t('live.summary.attendance')}`, '', ...summary.attendance.map((a) => `- ${md(a.name)}`), '');
  lines.push(`## ${t('live.summary.kpis')}`, '', t('live.summary.cards', { count: summary.cards }), '');
  for (const score of summary.averageScores) lines.push(`- ${summaryScore(score, format)}`);
  if (summary.rating)
    lines.push('', t('live.summary.rating', { mean: format.number(summary.rating.mean), count: summary.rating.count }));
  lines.push('', `## ${t('live.summary.themes')}`, '');
  summary.themes.forEach((theme, index) =>
    lines.push(`${index + 1}. ${md(theme.name)} — ${t('live.votes.count', { count: theme.votes })}`),
  );
  lines.push('', `## ${t('live.summary.decisions')}`, '');
  for (const d of summary.decisions) {
    const owner = d.ownerName ? ` — ${t('live.decide.ownedBy', { name: md(d.ownerName) })}` : '';
    const due = d.dueDate ? ` — ${t('live.decide.dueOn', { date: format.date(d.dueDate) })}` : '';
    lines.push(`- **${md(d.title)}**${owner}${due}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One average score line, `CSAT: 2,4 (8)` in Danish; the page and the Markdown file share it. */
export function summaryScore(
  score: MeetingSummary['averageScores'][number],
  format: Pick<Formatter, 'number'>,
): string {
  return `${score.metric.toUpperCase()}: ${format.number(score.average)} (${format.number(score.count, 0)})`;
}
