import { csvLine } from '../../shared/csv.ts';
import type { Dashboard } from '../../shared/schemas/units.ts';

type Cell = string | number | null;
export type DashboardTableName = 'rhythm' | 'actions' | 'oldest';

/**
 * One of the dashboard's tables as CSV, in the actions export's conventions: machine column names,
 * ISO dates, formula-looking cells neutralised (shared/csv.ts), a byte-order mark for Excel, and with
 * `;` (a Danish Excel) a decimal comma.
 */
export function dashboardCsv(dashboard: Dashboard, table: DashboardTableName, delimiter: ',' | ';' = ','): string {
  const decimal = (value: number | null): Cell =>
    value === null ? null : delimiter === ';' ? String(value).replace('.', ',') : value;
  const rows: Cell[][] =
    table === 'rhythm'
      ? [
          [
            'team',
            'unit',
            'held_quarter',
            'planned_quarter',
            'held_year',
            'planned_year',
            'streak',
            'attendance_avg',
            'members',
            'last_held_at',
            'lost_rhythm',
          ],
          ...dashboard.rhythm.teams.map((row) => [
            row.team.name,
            row.unitName,
            row.quarter.held,
            row.quarter.planned,
            row.year.held,
            row.year.planned,
            row.streak,
            decimal(row.attendanceAvg),
            row.members,
            row.lastHeldAt,
            row.lost,
          ]),
        ]
      : table === 'actions'
        ? [
            ['team', 'decided', 'done_by_next', 'done_by_next_pct', 'open', 'overdue'],
            ...dashboard.actions.teams.map((row) => [
              row.team.name,
              row.decided,
              row.doneByNext,
              row.doneByNextPct,
              row.open,
              row.overdue,
            ]),
          ]
        : [
            ['id', 'team', 'title', 'owner', 'due_date', 'overdue', 'created_at'],
            ...dashboard.actions.oldestOpen.map((row) => [
              row.id,
              row.team.name,
              row.title,
              row.ownerName,
              row.dueDate,
              row.overdue ? 'yes' : 'no',
              row.createdAt,
            ]),
          ];
  return `\uFEFF${rows.map((row) => csvLine(row, delimiter)).join('')}`;
}
