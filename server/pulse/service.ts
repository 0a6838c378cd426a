import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../shared/errors.ts';
import { DEFAULT_COMMENT_RESPONDENTS, MIN_RESPONDENTS, agreeMean } from '../../shared/pulse.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type {
  OpenRoundResponse,
  OpenRoundWarning,
  Round,
  RoundResult,
  Statement,
  Thresholds,
} from '../../shared/schemas/pulse.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { TeamRow } from '../teams/repo.ts';
import type { TeamsService } from '../teams/service.ts';
import type { PulseRepo, RoundRow, StatementRow } from './repo.ts';

const THRESHOLD_SETTING = 'pulse_threshold';
const COMMENT_THRESHOLD_SETTING = 'pulse_comment_threshold';

export function createPulseService(deps: { db: Database; pulse: PulseRepo; teams: TeamsService }) {
  const { db, pulse, teams } = deps;
  const readThreshold = db.prepare('SELECT value FROM settings WHERE key = ?');
  const writeThreshold = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  const setting = (key: string, fallback: number): number =>
    Number((readThreshold.get(key) as { value: string } | undefined)?.value ?? fallback);
  const threshold = (): number => Math.max(MIN_RESPONDENTS, setting(THRESHOLD_SETTING, MIN_RESPONDENTS));
  /** Comments say more about who wrote them than scores do: their own threshold, never below the number one. */
  const commentThreshold = (): number =>
    Math.max(threshold(), setting(COMMENT_THRESHOLD_SETTING, DEFAULT_COMMENT_RESPONDENTS));
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

  /**
   * One team's result for one round; nothing at all below the threshold, and nothing while the round
   * is open: otherwise comparing the result before and after one more answer would reveal that answer.
   * Both the answers and the people who could answer (fixed when the round opened) must reach the
   * threshold, so accounts added later cannot make up the numbers; comments need their own threshold.
   */
  function resultFor(round: RoundRow, teamId: number, previous: RoundResult | null): RoundResult {
    const respondents = pulse.respondents(round.id, teamId);
    const eligible = pulse.eligible(round.id, teamId);
    const limit = threshold();
    const commentLimit = commentThreshold();
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
    if (open || respondents < limit || eligible < limit)
      return { ...base, enough: false, statements: [], comments: [] };
    const counts = pulse.distribution(round.id, teamId);
    const statements = pulse.roundStatements(round.id).map((asked) => {
      const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const row of counts) if (row.statementId === asked.statementId) distribution[row.score - 1] = row.n;
      const mean = agreeMean(distribution);
      const before = previous?.statements.find((entry) => entry.statementId === asked.statementId);
      return { ...asked, distribution, mean, change: before ? Math.round((mean - before.mean) * 10) / 10 : null };
    });
    const commentsShown = respondents >= commentLimit && eligible >= commentLimit;
    return { ...base, enough: true, statements, comments: commentsShown ? pulse.comments(round.id, teamId) : [] };
  }

  function resultsForTeam(teamId: number): RoundResult[] {
    const rounds = pulse.roundsOfTeam(teamId).slice().reverse();
    const results: RoundResult[] = [];
    let previous: RoundResult | null = null;
    for (const round of rounds) {
      const result = resultFor(round, teamId, previous);
      if (result.enough) previous = result;
      results.push(result);
    }
    return results.reverse();
  }

  /** Why a team's results, or comments, can never show in a round it is opened with. */
  function warningsFor(team: { slug: string; name: string }, eligible: number): OpenRoundWarning[] {
    const about = { team: team.slug, teamName: team.name, eligible };
    if (eligible < threshold()) return [{ code: 'PULSE_RESULTS_NEVER_SHOWN', ...about, threshold: threshold() }];
    if (eligible < commentThreshold())
      return [{ code: 'PULSE_COMMENTS_NEVER_SHOWN', ...about, threshold: commentThreshold() }];
    return [];
  }

  return {
    threshold,
    commentThreshold,
    thresholds: (): Thresholds => ({ threshold: threshold(), commentThreshold: commentThreshold() }),
    setThreshold(actor: User, value: number): number {
      if (!actor.isAdmin) throw forbidden('Only a workspace admin sets the anonymity threshold');
      if (!Number.isInteger(value) || value < MIN_RESPONDENTS)
        throw invalid(`the threshold is at least ${MIN_RESPONDENTS} people; it can only be raised`);
      writeThreshold.run(THRESHOLD_SETTING, String(value));
      return value;
    },
    /** The admin may raise the comment threshold; it is never below the number threshold. */
    setCommentThreshold(actor: User, value: number): number {
      if (!actor.isAdmin) throw forbidden('Only a workspace admin sets the anonymity threshold');
      const floor = threshold();
      if (!Number.isInteger(value) || value < floor)
        throw invalid(`the comment threshold is at least the number threshold, ${floor} people`);
      writeThreshold.run(COMMENT_THRESHOLD_SETTING, String(value));
      return value;
    },

    async statements(actor: User, slug: string): Promise<Statement[]> {
      const { team } = await teams.access(actor, slug);
      return pulse.statements(team.id).map(toStatement);
    },
    async addStatement(actor: User, slug: string | null, textEn: string, textDa: string): Promise<Statement> {
      let teamId: number | null = null;
      if (slug === null) {
        if (!actor.isAdmin) throw forbidden('Only a workspace admin adds workspace statements');
      } else {
        teamId = (await teams.access(actor, slug, 'lead')).team.id;
      }
      const id = pulse.insertStatement(teamId, textEn.trim(), textDa.trim());
      return toStatement(pulse.statement(id) as StatementRow);
    },
    async updateStatement(
      actor: User,
      id: number,
      change: { textEn?: string | undefined; textDa?: string | undefined; retired?: boolean | undefined },
    ): Promise<Statement> {
      const row = pulse.statement(id);
      if (!row) throw notFound('Statement');
      await mayEdit(actor, row);
      const retiredAt =
        change.retired === undefined
          ? row.retired_at
          : change.retired
            ? (row.retired_at ?? new Date().toISOString())
            : null;
      pulse.updateStatement(id, change.textEn?.trim() ?? row.text_en, change.textDa?.trim() ?? row.text_da, retiredAt);
      return toStatement(pulse.statement(id) as StatementRow);
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
      return db.transaction(() => {
        for (const team of chosen) {
          if (pulse.openForTeamQuarter(team.id, input.quarter))
            throw new AppError(ErrorCode.CONFLICT, `${team.name} already has an open round for ${input.quarter}`);
        }
        const asked = chosen.length === 1 ? pulse.statements(chosen[0]?.id ?? 0) : pulse.statements(-1);
        const active = asked.filter((row) => row.retired_at === null);
        if (active.length === 0) throw invalid('there are no active statements to ask');
        const id = pulse.insertRound(
          input.quarter,
          input.endsOn,
          actor.id,
          chosen.map((team) => team.id),
          active,
        );
        return { id, warnings: chosen.flatMap((team) => warningsFor(team, pulse.eligible(id, team.id))) };
      })();
    },

    async closeRound(actor: User, slug: string, roundId: number): Promise<void> {
      const { team } = await teams.access(actor, slug, 'lead');
      const round = pulse.round(roundId);
      if (!round || !pulse.roundTeams(roundId).includes(team.id)) throw notFound('Round');
      if (round.closed_at !== null) throw new AppError(ErrorCode.PULSE_ROUND_CLOSED, 'the round is already closed');
      pulse.close(roundId);
    },

    async rounds(actor: User, slug: string): Promise<Round[]> {
      const { team } = await teams.access(actor, slug);
      // Only teams the person can see are named; other teams in a shared round stay unnamed.
      const slugs = new Map((await teams.listFor(actor)).map((entry) => [entry.team.id, entry.team.slug]));
      return pulse.roundsOfTeam(team.id).map((round) => ({
        id: round.id,
        quarter: round.quarter,
        endsOn: round.ends_on,
        open: isOpen(round),
        teams: pulse.roundTeams(round.id).flatMap((id) => slugs.get(id) ?? []),
        respondents: pulse.respondents(round.id, team.id),
        members: pulse.eligible(round.id, team.id),
        mayAnswer: pulse.isEligible(round.id, team.id, actor.id),
        answered: pulse.hasAnswered(round.id, actor.id),
        statements: pulse.roundStatements(round.id),
      }));
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
      const round = pulse.round(roundId);
      if (!round || !pulse.roundTeams(roundId).includes(team.id)) throw notFound('Round');
      if (!isOpen(round)) throw invalid('the round is closed');
      if (!pulse.isEligible(roundId, team.id, actor.id)) {
        throw new AppError(
          ErrorCode.PULSE_NOT_ELIGIBLE,
          'only the people who were members of the team when this round opened can answer it; you can answer the next round',
        );
      }
      const asked = pulse.roundStatements(roundId).map((statement) => statement.statementId);
      const given = answers.map((answer) => answer.statementId);
      if (given.length !== asked.length || asked.some((id) => !given.includes(id)))
        throw invalid('answer every statement of the round exactly once');
      db.transaction(() => {
        if (pulse.hasAnswered(roundId, actor.id))
          throw new AppError(ErrorCode.CONFLICT, 'you have already answered this round');
        pulse.recordAnswers(
          roundId,
          actor.id,
          team.id,
          answers.map((answer) => ({
            statementId: answer.statementId,
            score: answer.score,
            comment: answer.comment?.trim() || null,
          })),
        );
      }).immediate();
    },

    async results(actor: User, slug: string): Promise<RoundResult[]> {
      const { team } = await teams.access(actor, slug);
      return resultsForTeam(team.id);
    },

    /** The newest quarter's result that reaches the threshold, for the meeting's check-in. */
    latestForTeam(teamId: number): RoundResult | null {
      return resultsForTeam(teamId).find((result) => result.enough) ?? null;
    },
  };
}
export type PulseService = ReturnType<typeof createPulseService>;
