import { csvLine } from '../../shared/csv.ts';
import type { Culture, Customers, Dashboard } from '../../shared/schemas/units.ts';

type Cell = string | number | null;
export type DashboardTableName = 'rhythm' | 'actions' | 'oldest';

const decimalFor =
  (delimiter: ',' | ';') =>
  (value: number | null): Cell =>
    value === null ? null : delimiter === ';' ? String(value).replace('.', ',') : value;
const file = (rows: Cell[][], delimiter: ',' | ';') => `\uFEFF${rows.map((row) => csvLine(row, delimiter)).join('')}`;

/**
 * One of the dashboard's tables as CSV, in the actions export's conventions: machine column names,
 * ISO dates, formula-looking cells neutralised (shared/csv.ts), a byte-order mark for Excel, and with
 * `;` (a Danish Excel) a decimal comma.
 */
export function dashboardCsv(dashboard: Dashboard, table: DashboardTableName, delimiter: ',' | ';' = ','): string {
  const decimal = decimalFor(delimiter);
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
  return file(rows, delimiter);
}

/**
 * The customers table as CSV, in the same conventions: one line per month of each series, the
 * unit's pooled figure (scope `unit`, team empty) before each team's, per metric; below the minimum
 * of answers the value and interval are empty and n says why.
 */
export function customersCsv(customers: Customers, unitName: string, delimiter: ',' | ';' = ','): string {
  const decimal = decimalFor(delimiter);
  const line = (
    scope: string,
    team: string,
    metric: string,
    month:
      Customers['metrics'][number]['unit'][number] | Customers['metrics'][number]['teams'][number]['months'][number],
    teams: number | null,
  ): Cell[] => [
    scope,
    team,
    metric,
    month.month,
    month.n,
    decimal(month.value),
    decimal(month.ci95?.[0] ?? null),
    decimal(month.ci95?.[1] ?? null),
    teams,
    month.actionsDone,
  ];
  const rows: Cell[][] = [
    ['scope', 'team', 'metric', 'month', 'n', 'value', 'ci95_low', 'ci95_high', 'teams', 'actions_done'],
    ...customers.metrics.flatMap((block) => [
      ...block.unit.map((month) => line('unit', unitName, block.metric, month, month.teams)),
      ...block.teams.flatMap((series) =>
        series.months.map((month) => line('team', series.team.name, block.metric, month, null)),
      ),
    ]),
  ];
  return file(rows, delimiter);
}

/** The culture table as CSV: the pooled statements of the quarter, only those the page shows. */
export function cultureCsv(culture: Culture, delimiter: ',' | ';' = ','): string {
  const decimal = decimalFor(delimiter);
  const rows: Cell[][] = [
    [
      'quarter',
      'statement_da',
      'statement_en',
      'n',
      'teams',
      'mean',
      'score_1',
      'score_2',
      'score_3',
      'score_4',
      'score_5',
      'previous_quarter',
      'previous_mean',
      'change',
    ],
    ...culture.pooled.statements.map((statement) => [
      culture.quarter,
      statement.textDa,
      statement.textEn,
      statement.n,
      statement.teams,
      decimal(statement.mean),
      ...statement.distribution,
      culture.previous?.quarter ?? null,
      statement.change ? decimal(statement.change.previousMean) : null,
      statement.change ? decimal(statement.change.delta) : (statement.noChange ?? null),
    ]),
  ];
  return file(rows, delimiter);
}
