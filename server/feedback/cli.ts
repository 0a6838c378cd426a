import type { Command } from 'commander';
import { KPI_JSON_DECIMALS } from '../../shared/kpi.ts';
import { METRICS, type Metric } from '../../shared/fields.ts';
import type { CliContext } from '../admin/context.ts';
import { invalid } from '../errors.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerFeedbackCommands(program: Command, context: CliContext): void {
  program
    .command('kpi')
    .description('a customer KPI for a team over a date range (dates in the team’s time zone, --to inclusive)')
    .requiredOption('--team <slug>')
    .requiredOption('--metric <metric>', METRICS.join('|'))
    .option('--from <date>', 'YYYY-MM-DD')
    .option('--to <date>', 'YYYY-MM-DD, inclusive')
    .option('--source <source>')
    .option('--json', 'machine-readable output', false)
    .action(
      async (options: { team: string; metric: string; from?: string; to?: string; source?: string; json: boolean }) => {
        if (!(METRICS as readonly string[]).includes(options.metric))
          throw invalid(`--metric must be one of ${METRICS.join(', ')}`);
        for (const [name, value] of [
          ['--from', options.from],
          ['--to', options.to],
        ] as const) {
          if (value !== undefined && !DATE.test(value))
            throw invalid(`${name} must be a date like 2026-11-30, got "${value}"`);
        }
        const { close, services } = await context.open();
        try {
          const team = await services.teams.bySlug(options.team);
          // Scripts get two decimals (rating and CES means differ in the second) and are told so.
          const kpi = await services.feedback.kpi(team, options.metric as Metric, options, KPI_JSON_DECIMALS);
          const output = {
            metric: kpi.metric,
            n: kpi.n,
            precision: KPI_JSON_DECIMALS,
            value: kpi.value,
            ci95: kpi.ci95,
            ...(kpi.metric === 'rating' || kpi.metric === 'ces' ? { topBoxPct: kpi.topBoxPct } : {}),
            ...(kpi.enough ? {} : { note: `not enough data: ${kpi.n} answers, at least 5 are needed` }),
          };
          const text = kpi.enough
            ? `${kpi.metric} ${kpi.value} (95% CI ${kpi.ci95?.join(' to ')}, n=${kpi.n})`
            : `${kpi.metric}: not enough data (n=${kpi.n}, at least 5 needed)`;
          context.out(options.json, output, text);
        } finally {
          await close();
        }
      },
    );

  program
    .command('erase-customer')
    .description('erase every feedback item of one customer in a team (on request)')
    .requiredOption('--team <slug>')
    .requiredOption('--customer <reference>', 'the e-mail or customer id as it was imported')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { team: string; customer: string; json: boolean }) => {
      const { close, services } = await context.open();
      try {
        const erased = await services.feedback.eraseCustomer(
          await services.teams.bySlug(options.team),
          options.customer,
        );
        context.out(options.json, { erased }, `erased ${erased} feedback items`);
      } finally {
        await close();
      }
    });
}
