import type { UnitKpis } from '../../shared/kpi-pool.ts';
import type { Language } from '../../shared/language.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { LeaderDigest, LeaderDigestContent } from '../../shared/schemas/leader-digests.ts';
import type { Executor } from '../db/kysely/store.ts';
import type { SendMail } from '../mail.ts';
import { invalid } from '../errors.ts';
import { endOfMonth, isFirstWorkingDay, localDay, previousMonth, unitLocale } from './calendar.ts';
import { composeDigest, type DigestTeamSource } from './compose.ts';
import { leaderDigestMail } from './mail.ts';
import { createLeaderDigestRepo, type DigestRecipientRow, type LeaderDigestRow } from './repo.ts';

/** A team below a unit, as far as the digest needs it. */
export interface DigestTeam {
  id: number;
  slug: string;
  name: string;
  timezone: string;
  language: Language;
}

/** Where a unit's figures come from: the server's services (./figures.ts), or fixed data in a test. */
export interface UnitFigures {
  /** The teams in the unit and below it. */
  teamsBelow(unitId: number): Promise<DigestTeam[]>;
  /** Each team's reviews, actions and rhythm, read as of `until` (the month's end, or now when earlier). */
  teams(unitId: number, teams: DigestTeam[], until: Date): Promise<DigestTeamSource[]>;
  /** The unit's KPIs month by month, `from` to `to` (YYYY-MM). */
  kpis(teamIds: number[], from: string, to: string): Promise<UnitKpis>;
}

/**
 * What became of one lead's digest in a run: mailed; stored (in the app only, no SMTP); exists
 * (made before); taken (another process made it, or holds its mail); mail_retry (the mail was
 * refused and will be tried again at nextAttemptAt); mail_failed (refused on the last attempt).
 */
export type DeliveryOutcome = 'mailed' | 'stored' | 'exists' | 'taken' | 'mail_retry' | 'mail_failed';

export interface DeliveryReport {
  unitId: number;
  unitName: string;
  email: string;
  month: string;
  outcome: DeliveryOutcome;
  /** Sends tried so far, and when the next may start (mail_retry only). */
  attempts?: number;
  nextAttemptAt?: string | null;
  error?: string;
}

/** A digest mail tried again by retryMail. */
export interface MailRetryReport {
  digestId: number;
  unitId: number;
  month: string;
  email: string;
  outcome: 'mailed' | 'mail_retry' | 'mail_failed' | 'taken';
  attempts: number;
  nextAttemptAt: string | null;
  error?: string;
}

/**
 * How long a refused mail waits before its next attempt: 5 minutes, 30 minutes, then 2 hours; the
 * attempt after the last wait is the last one (MAIL_ATTEMPTS in all).
 */
export const MAIL_BACKOFF_MS = [5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAIL_ATTEMPTS = MAIL_BACKOFF_MS.length + 1;
/** How long a sender holds a mail it tries; a process that died mid-send frees it after this. */
const MAIL_LEASE_MS = 10 * 60_000;
/** How many due mails one retry pass takes. */
const RETRY_BATCH = 50;

/** How many digests a person can page back through in the app: two years. */
const KEPT_IN_VIEW = 24;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly leader digest. On the first working day of the month in the unit's time zone (see
 * unitLocale), each unit lead gets a digest of the month before: it is composed, then claimed (one
 * row per unit, lead and month: the insert that lands wins, so concurrent runs in several processes
 * make one digest), then mailed when SMTP is set. The digest is in the app either way.
 *
 * The mail has a state of its own on the row (pending, sent, failed). Each attempt first takes the
 * mail by a lease (repo.takeMail: one conditional UPDATE, so one process per attempt); a refused
 * attempt is tried again after MAIL_BACKOFF_MS by retryMail (run every minute by each process,
 * server/leader-digest/timers.ts), and given up after MAIL_ATTEMPTS, which the log, the command line
 * and the digest page say. A process that dies between the SMTP server's acceptance and the mark
 * leaves the lease to run out, and that one mail may then go twice: the one case not sent once.
 */
export function createLeaderDigestService(deps: {
  store: { db: Executor };
  figures: UnitFigures;
  publicUrl: string;
  sendMail: SendMail | null;
  /** The clock the mail's attempts and waits are timed by (tests move it). */
  clock?: () => Date;
}) {
  const repo = createLeaderDigestRepo(deps.store.db);
  const { figures } = deps;
  const clock = deps.clock ?? (() => new Date());

  /**
   * One attempt at a digest's mail, if it is due and no other process holds it: sent and marked,
   * or refused and given its next try (or given up after the last).
   */
  async function attemptMail(id: number, sendMail: SendMail): Promise<MailRetryReport> {
    const at = clock();
    const row = await repo.takeMail(id, at.toISOString(), new Date(at.getTime() + MAIL_LEASE_MS).toISOString());
    if (!row)
      return { digestId: id, unitId: 0, month: '', email: '', outcome: 'taken', attempts: 0, nextAttemptAt: null };
    const base = { digestId: row.id, unitId: row.unit_id, month: row.month, attempts: row.mail_attempts };
    const email = (await repo.emailOf(row.user_id)) ?? '';
    // Written by compose() alone, as JSON of this very schema.
    const content = JSON.parse(row.content) as LeaderDigestContent;
    try {
      await sendMail({ to: email, ...leaderDigestMail(content, deps.publicUrl) });
    } catch (error) {
      const wait = MAIL_BACKOFF_MS[row.mail_attempts - 1];
      const nextAttemptAt = wait === undefined ? null : new Date(clock().getTime() + wait).toISOString();
      const message = error instanceof Error ? error.message : String(error);
      await repo.markMailFailed(row.id, message, nextAttemptAt);
      return {
        ...base,
        email,
        outcome: nextAttemptAt === null ? 'mail_failed' : 'mail_retry',
        nextAttemptAt,
        error: message,
      };
    }
    await repo.markMailed(row.id, clock().toISOString());
    return { ...base, email, outcome: 'mailed', nextAttemptAt: null };
  }

  async function compose(
    unit: { id: number; name: string },
    lead: { id: number; name: string },
    month: string,
    now = new Date(),
    below?: DigestTeam[],
  ): Promise<LeaderDigestContent> {
    const teams = below ?? (await figures.teamsBelow(unit.id));
    const { timezone, language } = unitLocale(teams);
    const end = endOfMonth(month, timezone);
    const until = end.getTime() < now.getTime() ? end : now;
    const ids = teams.map((team) => team.id);
    const [sources, kpis] = await Promise.all([
      figures.teams(unit.id, teams, until),
      figures.kpis(ids, previousMonth(month), month),
    ]);
    return composeDigest({ unit, lead, month, timezone, language, teams: sources, kpis });
  }

  async function deliver(
    recipient: DigestRecipientRow,
    month: string,
    below: DigestTeam[],
    now: Date,
    sendMail: SendMail | null,
  ): Promise<Pick<DeliveryReport, 'outcome' | 'attempts' | 'nextAttemptAt' | 'error'>> {
    // Cheap check first, so a second run the same day composes nothing; the claim decides races.
    if (await repo.exists(recipient.unit_id, recipient.user_id, month)) return { outcome: 'exists' };
    const content = await compose(
      { id: recipient.unit_id, name: recipient.unit_name },
      { id: recipient.user_id, name: recipient.name },
      month,
      now,
      below,
    );
    const mail = sendMail ? { at: clock().toISOString() } : null;
    const row = await repo.claim(recipient.unit_id, recipient.user_id, month, JSON.stringify(content), mail);
    if (!row) return { outcome: 'taken' };
    if (!sendMail) return { outcome: 'stored' };
    const attempt = await attemptMail(row.id, sendMail);
    return {
      outcome: attempt.outcome,
      attempts: attempt.attempts,
      nextAttemptAt: attempt.nextAttemptAt,
      ...(attempt.error === undefined ? {} : { error: attempt.error }),
    };
  }

  /** Delivers to every lead of the units `monthOf` names a month for (null: not due). */
  async function run(
    now: Date,
    monthOf: (localToday: string) => string | null,
    sendMail: SendMail | null,
  ): Promise<DeliveryReport[]> {
    const byUnit = new Map<number, DigestRecipientRow[]>();
    for (const row of await repo.recipients()) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row]);
    const reports: DeliveryReport[] = [];
    for (const [unitId, leads] of byUnit) {
      const below = await figures.teamsBelow(unitId);
      const month = monthOf(localDay(now, unitLocale(below).timezone));
      if (month === null) continue;
      for (const lead of leads) {
        const outcome = await deliver(lead, month, below, now, sendMail);
        reports.push({ unitId, unitName: lead.unit_name, email: lead.email, month, ...outcome });
      }
    }
    return reports;
  }

  const toDigest = (row: LeaderDigestRow): LeaderDigest => ({
    id: row.id,
    unitId: row.unit_id,
    month: row.month,
    createdAt: row.created_at,
    mailedAt: row.mailed_at,
    mail:
      row.mail_state === null
        ? null
        : {
            state: row.mail_state,
            attempts: row.mail_attempts,
            nextAttemptAt: row.mail_state === 'pending' ? row.mail_next_at : null,
          },
    // Written by compose() alone, as JSON of this very schema.
    content: JSON.parse(row.content) as LeaderDigestContent,
  });

  return {
    compose,

    /**
     * The daily check: for each unit whose local day (in its time zone) is the month's first
     * working day, the digest of the month before, once per lead. Other days do nothing.
     */
    runDue: (now = new Date(), options: { sendMail?: SendMail | null } = {}): Promise<DeliveryReport[]> =>
      run(
        now,
        (today) => (isFirstWorkingDay(today) ? previousMonth(today.slice(0, 7)) : null),
        options.sendMail === undefined ? deps.sendMail : options.sendMail,
      ),

    /**
     * The digest of `month` (default: each unit's last month) for every lead, whatever the day:
     * the command line's. Digests that exist are left as they are.
     */
    runMonth(
      month: string | undefined,
      now = new Date(),
      options: { sendMail?: SendMail | null } = {},
    ): Promise<DeliveryReport[]> {
      if (month !== undefined && !MONTH.test(month)) throw invalid('the month is written YYYY-MM');
      return run(
        now,
        (today) => month ?? previousMonth(today.slice(0, 7)),
        options.sendMail === undefined ? deps.sendMail : options.sendMail,
      );
    },

    /**
     * Tries again every digest mail that is due (refused before, its wait over) and held by no other
     * process; without a mailer (no SMTP_URL) it does nothing.
     */
    async retryMail(options: { sendMail?: SendMail | null } = {}): Promise<MailRetryReport[]> {
      const sendMail = options.sendMail === undefined ? deps.sendMail : options.sendMail;
      if (!sendMail) return [];
      const reports: MailRetryReport[] = [];
      for (const id of await repo.dueMails(clock().toISOString(), RETRY_BATCH)) {
        const report = await attemptMail(id, sendMail);
        if (report.outcome !== 'taken') reports.push(report);
      }
      return reports;
    },

    /** The signed-in person's own digests, newest month first. */
    async mine(user: User): Promise<LeaderDigest[]> {
      return (await repo.ofUser(user.id, KEPT_IN_VIEW)).map(toDigest);
    },
  };
}
export type LeaderDigestService = ReturnType<typeof createLeaderDigestService>;
