import { csvLine } from '../../shared/csv.ts';
import type { UnitThemes } from '../../shared/schemas/unit-themes.ts';

type Cell = string | number | null;

/**
 * The themes across teams as CSV, in the dashboard export's conventions (./export.ts): one line per
 * theme, team and decision, so a spreadsheet filters by any of them; a team that decided nothing on
 * the theme has one line with the action columns empty. Cells are escaped by shared/csv.ts.
 */
export function themesCsv(themes: UnitThemes, delimiter: ',' | ';' = ','): string {
  const rows: Cell[][] = [
    [
      'quarter',
      'theme',
      'names',
      'teams',
      'meetings',
      'team',
      'team_meetings',
      'action',
      'owner',
      'status',
      'due_date',
    ],
  ];
  for (const theme of themes.themes) {
    const head: Cell[] = [themes.quarter, theme.name, theme.names.join(' | '), theme.teamCount, theme.meetingCount];
    for (const row of theme.teams) {
      const decisions = theme.decisions.filter((decision) => decision.team.slug === row.team.slug);
      const lead: Cell[] = [...head, row.team.name, row.meetings];
      if (decisions.length === 0) rows.push([...lead, null, null, null, null]);
      for (const decision of decisions)
        rows.push([...lead, decision.title, decision.ownerName, decision.status, decision.dueDate]);
    }
  }
  return `\uFEFF${rows.map((row) => csvLine(row, delimiter)).join('')}`;
}
