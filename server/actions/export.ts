import { csvLine } from '../../shared/csv.ts';
import type { Action } from '../../shared/schemas/actions.ts';

const HEADER = [
  'id',
  'team',
  'title',
  'description',
  'owner',
  'due_date',
  'status',
  'drop_reason',
  'effect_metric',
  'created_at',
  'done_at',
];

const cells = (action: Action) => [
  action.id,
  action.team.slug,
  action.title,
  action.description,
  action.ownerName,
  action.dueDate,
  action.status,
  action.dropReason,
  action.effectMetric,
  action.createdAt,
  action.doneAt,
];

/** CSV with formula-looking cells neutralised; `;` suits a Danish Excel, which reads `,` as the decimal mark. */
export function actionsCsv(actions: Action[], delimiter: ',' | ';' = ','): string {
  // The byte-order mark makes Excel read the file as UTF-8 (æ, ø, å).
  return `\uFEFF${csvLine(HEADER, delimiter)}${actions.map((action) => csvLine(cells(action), delimiter)).join('')}`;
}

/** Markdown table cells: pipes and line breaks would break the row. */
const md = (value: string | number | null) =>
  value === null ? '' : String(value).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');

export function actionsMarkdown(actions: Action[]): string {
  const rows = actions.map(
    (action) =>
      `| ${[action.team.slug, action.title, action.ownerName, action.dueDate, action.status + (action.dropReason ? ` (${action.dropReason})` : '')].map(md).join(' | ')} |`,
  );
  return ['| Team | Action | Owner | Due | Status |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}
