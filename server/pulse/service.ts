import { ErrorCode } from '../../shared/errors.ts';
import { type PooledPulse, type TeamRound, poolPulse } from '../../shared/pulse-pool.ts';
import {
  DEFAULT_COMMENT_RESPONDENTS,
  MIN_RESPONDENTS,
  agreeMean,
  compareQuarters,
  meetsThreshold,
} from '../../shared/pulse.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type {
  OpenRoundResponse,
  OpenRoundWarning,
  Round,
  RoundResult,
  Statement,
  Thresholds,
} from '../../shared/schemas/pulse.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { TeamRow } from '../teams/repo.ts';
import type { TeamsService } from '../teams/service.ts';
import { type RoundRow, type StatementRow, createPulseRepo } from './repo.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

const THRESHOLD_SETTING = 'pulse_threshold';
const COMMENT_THRESHOLD_SETTING = 'pulse_comment_threshold';

export function createPulseService(deps: { store: Store; teams: TeamsService }) {
  const { store, teams } = deps;
  const pulse = createPulseRepo(store.db);

  const setting = async (key: string, fallback: number): Promise<number> =>
    Number((await pulse.setting(key)) ?? fallback);
  const threshold = async (): Promise<number> =>
    Math.max(MIN_RESPONDENTS, await setting(THRESHOLD_SETTING, MIN_RESPONDENTS));
  /** Comments say more about who wrote them than scores do: their own threshold, never below the number one. */
  const commentThreshold = async (): Promise<number> =>
    Math.max(await threshold(), await setting(COMMENT_THRESHOLD_SETTING, DEFAULT_COMMENT_RESPONDENTS));
  const today = () => new Date().toISOString().slice(0, 10);
  const isOpen = (round: RoundRow) => round.closed_at === null && today() <= round.ends_on;
  const toStatement = (row: StatementRow): Statement => ({
    id: row.id,
    scope: row.team_id === null ? 'workspace' : 'team',
    textEn: row.text_en,
    textDa: row.text_da,
    retired: row.retired_at !== null,
  });

  /** Workspace statements are the admin's; a team's own statements are its leads'. */
  async function mayEdit(actor: User, row: StatementRow): Promise<void> {
    if (actor.isAdmin) return;
    if (row.team_id === null) throw forbidden('Only a workspace admin edits the workspace statements');
    const slug = (await teams.listFor(actor)).find((entry) => entry.team.id === row.team_id && entry.role === 'lead');
    if (!slug) throw notFound('Statement');
  }

  /** The round's statements with the team's answers per point of the scale (counts, never single answers). */
  async function answersOf(roundId: number, teamId: number): Promise<TeamRound['statements']> {
    const counts = await pulse.distribution(roundId, teamId);
    return (await pulse.roundStatements(roundId)).map((asked) => {
      const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const row of counts) if (row.statementId === asked.statementId) distribution[row.score - 1] = row.n;
      return { ...asked, distribution };
    });
  }

  /**
   * One team's result for one round; nothing at all below the threshold, and nothing while the round
   * is open: otherwise comparing the result before and after one more answer would reveal that answer.
   * Both the answers and the people who could answer (fixed when the round opened) must reach the
   * threshold, so accounts added later cannot make up the numbers; comments need their own threshold.
   */
  async function resultFor(round: RoundRow, teamId: number, previous: RoundResult | null): Promise<RoundResult> {
    const respondents = await pulse.respondents(round.id, teamId);
    const eligible = await pulse.eligible(round.id, teamId);
    const limit = await threshold();
    const commentLimit = await commentThreshold();
    const open = isOpen(round);
    const base = {
      roundId: round.id,
      quarter: round.quarter,
      respondents,
      threshold: limit,
      eligible,
      commentThreshold: commentLimit,
      open,
    };
    if (!meetsThreshold({ respondents, eligible, open }, limit))
      return { ...base, enough: false, statements: [], comments: [] };
    const statements = (await answersOf(round.id, teamId)).map(({ distribution, ...asked }) => {
      const mean = agreeMean(distribution);
      const before = previous?.statements.find((entry) => entry.statementId === asked.statementId);
      return { ...asked, distribution, mean, change: before ? Math.round((mean - before.mean) * 10) / 10 : null };
    });
    const commentsShown = respondents >= commentLimit && eligible >= commentLimit;
    return { ...base, enough: true, statements, comments: commentsShown ? await pulse.comments(round.id, teamId) : [] };
  }

  async function resultsForTeam(teamId: number): Promise<RoundResult[]> {
    const rounds = (await pulse.roundsOfTeam(teamId)).slice().reverse();
    const results: RoundResult[] = [];
    let previous: RoundResult | null = null;
    for (const round of rounds) {
      const result = await resultFor(round, teamId, previous);
      if (result.enough) previous = result;
      results.push(result);
    }
    return results.reverse();
  }

  /** Why a team's results, or comments, can never show in a round it is opened with. */
  function warningsFor(team: { slug: string; name: string }, eligible: number, limits: Thresholds): OpenRoundWarning[] {
    const about = { team: team.slug, teamName: team.name, eligible };
    if (eligible < limits.threshold)
      return [{ code: 'PULSE_RESULTS_NEVER_SHOWN', ...about, threshold: limits.threshold }];
    if (eligible < limits.commentThreshold)
      return [{ code: 'PULSE_COMMENTS_NEVER_SHOWN', ...about, threshold: limits.commentThreshold }];
    return [];
  }

  return {
    threshold,
    commentThreshold,
    thresholds: async (): Promise<Thresholds> => ({
      threshold: await threshold(),
      commentThreshold: await commentThreshold(),
    }),
    async setThreshold(actor: User, value: number): Promise<number> {
      if (!actor.isAdmin) throw forbidden('Only a workspace admin sets the anonymity threshold');
      if (!Number.isInteger(value) || value < MIN_RESPONDENTS)
        throw invalid(`the threshold is at least ${MIN_RESPONDENTS} people; it can only be raised`);
      await pulse.writeSetting(THRESHOLD_SETTING, String(value));
      return value;
    },
    /** The admin may raise the comment threshold; it is never below the number threshold. */
    async setCommentThreshold(actor: User, value: number): Promise<number> {
      if (!actor.isAdmin) throw forbidden('Only a workspace admin sets the anonymity threshold');
      const floor = await threshold();
      if (!Number.isInteger(value) || value < floor)
        throw invalid(`the comment threshold is at least the number threshold, ${floor} people`);
      await pulse.writeSetting(COMMENT_THRESHOLD_SETTING, String(value));
      return value;
    },

    async statements(actor: User, slug: string): Promise<Statement[]> {
      const { team } = await teams.access(actor, slug);
      return (await pulse.statements(team.id)).map(toStatement);
    },
    async addStatement(actor: User, slug: string | null, textEn: string, textDa: string): Promise<Statement> {
      let teamId: number | null = null;
      if (slug === null) {
        if (!actor.isAdmin) throw forbidden('Only a workspace admin adds workspace statements');
      } else {
        teamId = (await teams.access(actor, slug, 'lead')).team.id;
      }
      const id = await pulse.insertStatement(teamId, textEn.trim(), textDa.trim());
      return toStatement((await pulse.statement(id)) as StatementRow);
    },
    async updateStatement(
      actor: User,
      id: number,
      change: { textEn?: string | undefined; textDa?: string | undefined; retired?: boolean | undefined },
    ): Promise<Statement> {
      const row = await pulse.statement(id);
      if (!row) throw notFound('Statement');
      await mayEdit(actor, row);
      const retiredAt =
        change.retired === undefined
          ? row.retired_at
          : change.retired
            ? (row.retired_at ?? new Date().toISOString())
            : null;
      await pulse.updateStatement(
        id,
        change.textEn?.trim() ?? row.text_en,
        change.textDa?.trim() ?? row.text_da,
        retiredAt,
      );
      return toStatement((await pulse.statement(id)) as StatementRow);
    },

    /**
     * Opens a quarter's round for teams the actor leads. Everyone is asked the workspace statements;
     * a round for a single team also asks that team's own statements. Who may answer is fixed now:
     * each team's members at this moment. A team too small for its results ever to show is warned about.
     */
    async openRound(
      actor: User,
      input: { quarter: string; teams: string[]; endsOn: string },
    ): Promise<OpenRoundResponse> {
      if (input.endsOn < today()) throw invalid('the end date has already passed');
      const chosen: TeamRow[] = [];
      for (const slug of new Set(input.teams)) chosen.push((await teams.access(actor, slug, 'lead')).team);
      const limits = { threshold: await threshold(), commentThreshold: await commentThreshold() };
      return store.transaction(async (trx) => {
        const rounds = createPulseRepo(trx);
        for (const team of chosen) {
          if (await rounds.openForTeamQuarter(team.id, input.quarter))
            throw new AppError(ErrorCode.CONFLICT, `${team.name} already has an open round for ${input.quarter}`);
        }
        const asked = await rounds.statements(chosen.length === 1 ? (chosen[0]?.id ?? 0) : -1);
        const active = asked.filter((row) => row.retired_at === null);
        if (active.length === 0) throw invalid('there are no active statements to ask');
        const id = await rounds.insertRound(
          input.quarter,
          input.endsOn,
          actor.id,
          chosen.map((team) => team.id),
          active,
        );
        const warnings: OpenRoundWarning[] = [];
        for (const team of chosen) warnings.push(...warningsFor(team, await rounds.eligible(id, team.id), limits));
        return { id, warnings };
      });
    },

    async closeRound(actor: User, slug: string, roundId: number): Promise<void> {
      const { team } = await teams.access(actor, slug, 'lead');
      const round = await pulse.round(roundId);
      if (!round || !(await pulse.roundTeams(roundId)).includes(team.id)) throw notFound('Round');
      if (round.closed_at !== null) throw new AppError(ErrorCode.PULSE_ROUND_CLOSED, 'the round is already closed');
      await pulse.close(roundId);
    },

    async rounds(actor: User, slug: string): Promise<Round[]> {
      const { team } = await teams.access(actor, slug);
      // Only teams the person can see are named; other teams in a shared round stay unnamed.
      const slugs = new Map((await teams.listFor(actor)).map((entry) => [entry.team.id, entry.team.slug]));
      const result: Round[] = [];
      for (const round of await pulse.roundsOfTeam(team.id))
        result.push({
          id: round.id,
          quarter: round.quarter,
          endsOn: round.ends_on,
          open: isOpen(round),
          teams: (await pulse.roundTeams(round.id)).flatMap((id) => slugs.get(id) ?? []),
          respondents: await pulse.respondents(round.id, team.id),
          members: await pulse.eligible(round.id, team.id),
          mayAnswer: await pulse.isEligible(round.id, team.id, actor.id),
          answered: await pulse.hasAnswered(round.id, actor.id),
          statements: await pulse.roundStatements(round.id),
        });
      return result;
    },

    /** One answer per person and round: participation and answers are written together or not at all. */
    async answer(
      actor: User,
      slug: string,
      roundId: number,
      answers: { statementId: number; score: number; comment?: string | undefined }[],
    ): Promise<void> {
      const { team, role } = await teams.access(actor, slug);
      if (!role) throw forbidden('Only members of the team answer its pulse');
      const round = await pulse.round(roundId);
      if (!round || !(await pulse.roundTeams(roundId)).includes(team.id)) throw notFound('Round');
      if (!isOpen(round)) throw invalid('the round is closed');
      if (!(await pulse.isEligible(roundId, team.id, actor.id))) {
        throw new AppError(
          ErrorCode.PULSE_NOT_ELIGIBLE,
          'only the people who were members of the team when this round opened can answer it; you can answer the next round',
        );
      }
      const asked = (await pulse.roundStatements(roundId)).map((statement) => statement.statementId);
      const given = answers.map((answer) => answer.statementId);
      if (given.length !== asked.length || asked.some((id) => !given.includes(id)))
        throw invalid('answer every statement of the round exactly once');
      const alreadyAnswered = () => new AppError(ErrorCode.CONFLICT, 'you have already answered this round');
      // Two answers at once both pass the check on PostgreSQL; the participation key refuses the second.
      await store
        .transaction(async (trx) => {
          const answering = createPulseRepo(trx);
          if (await answering.hasAnswered(roundId, actor.id)) throw alreadyAnswered();
          await answering.recordAnswers(
            roundId,
            actor.id,
            team.id,
            answers.map((answer) => ({
              statementId: answer.statementId,
              score: answer.score,
              comment: answer.comment?.trim() || null,
            })),
          );
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? alreadyAnswered() : error;
        });
    },

    async results(actor: User, slug: string): Promise<RoundResult[]> {
      const { team } = await teams.access(actor, slug);
      return resultsForTeam(team.id);
    },

    /**
     * The pulse rolled up over teams a caller was already let see (the unit dashboard's leader gate),
     * for the newest quarter in which one of their rounds has closed (or, before any has, the newest
     * one), or for the quarter asked for: each team's counts, and the pool of the teams whose own
     * round met the threshold.
     */
    async rollup(
      teamIds: readonly number[],
      asked?: string,
    ): Promise<{ quarter: string | null; threshold: number; rounds: TeamRound[]; pooled: PooledPulse }> {
      const limit = await threshold();
      const roundsOf = new Map<number, RoundRow[]>();
      for (const teamId of new Set(teamIds)) roundsOf.set(teamId, await pulse.roundsOfTeam(teamId));
      const all = [...roundsOf.values()].flat();
      const newest = (rows: RoundRow[]) =>
        rows
          .map((round) => round.quarter)
          .sort(compareQuarters)
          .at(-1) ?? null;
      const quarter = asked ?? newest(all.filter((round) => !isOpen(round))) ?? newest(all);
      const rounds: TeamRound[] = [];
      for (const [teamId, rows] of roundsOf) {
        // The team's newest round of that quarter (rows come newest first).
        const round = rows.find((row) => row.quarter === quarter);
        if (!round) {
          rounds.push({
            teamId,
            roundId: null,
            respondents: 0,
            eligible: 0,
            open: false,
            enough: false,
            statements: [],
          });
          continue;
        }
        const counts = {
          respondents: await pulse.respondents(round.id, teamId),
          eligible: await pulse.eligible(round.id, teamId),
          open: isOpen(round),
        };
        const enough = meetsThreshold(counts, limit);
        rounds.push({
          teamId,
          roundId: round.id,
          ...counts,
          enough,
          statements: enough ? await answersOf(round.id, teamId) : [],
        });
      }
      return { quarter, threshold: limit, rounds, pooled: poolPulse(rounds, limit) };
    },

    /** The newest quarter's result that reaches the threshold, for the meeting's check-in. */
    async latestForTeam(teamId: number): Promise<RoundResult | null> {
      return (await resultsForTeam(teamId)).find((result) => result.enough) ?? null;
    },
  };
}
export type PulseService = ReturnType<typeof createPulseService>;
