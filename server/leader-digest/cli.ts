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
        const reports = await services.leaderDigests.runMonth(options.month, new Date(), { sendMail });
        const count = (outcome: string) => reports.filter((report) => report.outcome === outcome).length;
        const made = count('mailed') + count('stored');
        const text = [
          `${made} new digest(s), ${count('mailed')} mailed, ${count('exists')} already there`,
          ...(config.smtpUrl ? [] : ['SMTP_URL is not set: the digests are in the app only']),
          ...reports.map((report) => `${report.month} ${report.unitName} → ${report.email}: ${report.outcome}`),
        ].join('\n');
        context.out(options.json, { configured: Boolean(config.smtpUrl), digests: reports }, text);
        if (count('mail_failed') > 0) process.exitCode = 1;
      } finally {
        await close();
      }
    });
}
