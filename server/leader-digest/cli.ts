import type { Command } from 'commander';
import type { CliContext } from '../admin/context.ts';

export function registerLeaderDigestCommands(program: Command, context: CliContext): void {
  const digest = program.command('digest').description('monthly digests');
  digest
    .command('leaders')
    .description(
      "compose each unit lead's digest of a month (default: last month), keep it in the app and e-mail it when SMTP_URL is set; digests that exist are left as they are",
    )
    .option('--month <YYYY-MM>', 'the month to digest')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { month?: string; json: boolean }) => {
      const { close, config, services } = await context.open();
      try {
        // The command line's services have no mailer of their own: this command brings SMTP_URL's.
        const { smtpMailer } = await import('../mail.ts');
        const sendMail = config.smtpUrl ? smtpMailer(config.smtpUrl, config.publicUrl) : null;
        // Mails refused before whose wait is over go first; then the month's new digests.
        const retries = await services.leaderDigests.retryMail({ sendMail });
        const reports = await services.leaderDigests.runMonth(options.month, new Date(), { sendMail });
        const count = (outcome: string) => reports.filter((report) => report.outcome === outcome).length;
        const made = count('mailed') + count('stored') + count('mail_retry') + count('mail_failed');
        const attempt = (report: { outcome: string; attempts?: number; nextAttemptAt?: string | null }) =>
          report.outcome === 'mail_retry'
            ? ` (attempt ${report.attempts ?? 0}, tried again from ${report.nextAttemptAt ?? ''})`
            : report.outcome === 'mail_failed'
              ? ` (given up after ${report.attempts ?? 0} attempts)`
              : '';
        const text = [
          `${made} new digest(s), ${count('mailed')} mailed, ${count('exists')} already there`,
          ...(config.smtpUrl ? [] : ['SMTP_URL is not set: the digests are in the app only']),
          ...retries.map((report) => `${report.month} retry → ${report.email}: ${report.outcome}${attempt(report)}`),
          ...reports.map(
            (report) => `${report.month} ${report.unitName} → ${report.email}: ${report.outcome}${attempt(report)}`,
          ),
        ].join('\n');
        context.out(options.json, { configured: Boolean(config.smtpUrl), digests: reports, retries }, text);
        const failed = [...reports, ...retries].filter((report) => report.outcome === 'mail_failed').length;
        if (failed > 0) process.exitCode = 1;
      } finally {
        await close();
      }
    });
}
