import type { MeetingSummary } from '../../shared/meeting/index.ts';

// A number `count` picks the plural form ("1 dot", "2 dots").
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Markdown cells and lines: neutralise characters that would change the structure. */
const md = (text: string): string => text.replace(/([\\`*_[\]#|<>])/g, '\\$1').replace(/\r?\n/g, ' ');

/** The summary as a Markdown document in the reader's language. */
export function summaryMarkdown(summary: MeetingSummary, t: Translate, date: (iso: string) => string): string {
  const lines = [`# ${t('live.summary.title')}`, '', date(new Date(summary.endedAt).toISOString()), ''];
  lines.push(`## ${t('live.summary.attendance')}`, '', ...summary.attendance.map((a) => `- ${md(a.name)}`), '');
  lines.push(`## ${t('live.summary.kpis')}`, '', t('live.summary.cards', { count: String(summary.cards) }), '');
  for (const score of summary.averageScores) lines.push(`- ${score.metric.toUpperCase()}: ${score.average} (${score.count})`);
  if (summary.rating) lines.push('', t('live.summary.rating', { mean: String(summary.rating.mean), count: String(summary.rating.count) }));
  lines.push('', `## ${t('live.summary.themes')}`, '');
  summary.themes.forEach((theme, index) => lines.push(`${index + 1}. ${md(theme.name)} — ${t('live.votes.count', { count: theme.votes })}`));
  lines.push('', `## ${t('live.summary.decisions')}`, '');
  for (const d of summary.decisions) {
    const owner = d.ownerName ? ` — ${t('live.decide.ownedBy', { name: md(d.ownerName) })}` : '';
    const due = d.dueDate ? ` — ${t('live.decide.dueOn', { date: d.dueDate })}` : '';
    lines.push(`- **${md(d.title)}**${owner}${due}`);
  }
  return `${lines.join('\n')}\n`;
}
