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

/** What became of one lead's digest in a run. */
export type DeliveryOutcome = 'mailed' | 'stored' | 'exists' | 'taken' | 'mail_failed';

export interface DeliveryReport {
  unitId: number;
  unitName: string;
  email: string;
  month: string;
  outcome: DeliveryOutcome;
}

/** How many digests a person can page back through in the app: two years. */
const KEPT_IN_VIEW = 24;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly leader digest. On the first working day of the month in the unit's time zone (see
 * unitLocale), each unit lead gets a digest of the month before: it is composed, then claimed (one
 * row per unit, lead and month: the insert that lands wins, so concurrent runs in several processes
 * make one digest), then mailed by the winner alone when SMTP is set, then marked mailed. The
 * digest is in the app either way. A mail that fails is reported and not sent again: the row is
 * the claim, and a second sender could not tell a failed send from one still in flight.
 */
export function createLeaderDigestService(deps: {
  store: { db: Executor };
  figures: UnitFigures;
  publicUrl: string;
  sendMail: SendMail | null;
}) {
  const repo = createLeaderDigestRepo(deps.store.db);
  const { figures } = deps;

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
  ): Promise<DeliveryOutcome> {
    // Cheap check first, so a second run the same day composes nothing; the claim decides races.
    if (await repo.exists(recipient.unit_id, recipient.user_id, month)) return 'exists';
    const content = await compose(
      { id: recipient.unit_id, name: recipient.unit_name },
      { id: recipient.user_id, name: recipient.name },
      month,
      now,
      below,
    );
    const row = await repo.claim(recipient.unit_id, recipient.user_id, month, JSON.stringify(content));
    if (!row) return 'taken';
    if (!sendMail) return 'stored';
    const mail = leaderDigestMail(content, deps.publicUrl);
    try {
      await sendMail({ to: recipient.email, ...mail });
    } catch {
      return 'mail_failed';
    }
    await repo.markMailed(row.id, new Date().toISOString());
    return 'mailed';
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
        reports.push({ unitId, unitName: lead.unit_name, email: lead.email, month, outcome });
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

    /** The signed-in person's own digests, newest month first. */
    async mine(user: User): Promise<LeaderDigest[]> {
      return (await repo.ofUser(user.id, KEPT_IN_VIEW)).map(toDigest);
    },
  };
}
export type LeaderDigestService = ReturnType<typeof createLeaderDigestService>;
