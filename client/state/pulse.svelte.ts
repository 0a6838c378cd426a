import { api, type ApiReply, type ApiSchema } from '../lib/api.ts';

type Round = ApiSchema<'PulseRound'>;
type OpenRoundWarning = ApiReply<'/api/pulse/rounds', 'post'>['warnings'][number];

/** A team's pulse: its rounds (with the person's own answering state) and the results it may see. */
export class Pulse {
  rounds = $state<Round[]>([]);
  results = $state<ApiSchema<'PulseRoundResult'>[]>([]);
  scores = $state<Record<number, number>>({});
  comments = $state<Record<number, string>>({});
  submittedQuarter = $state('');
  /** What the server warned about when this person last opened a round (teams too small to show results). */
  openWarnings = $state<OpenRoundWarning[]>([]);

  constructor(private readonly team: string) {}

  get openToAnswer(): Round | undefined {
    return this.rounds.find((round) => round.open && round.mayAnswer && !round.answered);
  }

  /** Open rounds this person cannot answer: they joined the team after the round opened. */
  get notEligible(): Round[] {
    return this.rounds.filter((round) => round.open && !round.mayAnswer);
  }

  async load(): Promise<void> {
    const [rounds, results] = await Promise.all([
      api('get', '/api/teams/{team}/pulse/rounds', { path: { team: this.team } }),
      api('get', '/api/teams/{team}/pulse/results', { path: { team: this.team } }),
    ]);
    this.rounds = rounds.rounds;
    this.results = results.results;
  }

  async submit(round: Round): Promise<void> {
    const answers = round.statements.map((statement) => ({
      statementId: statement.statementId,
      score: this.scores[statement.statementId] ?? 0,
      comment: this.comments[statement.statementId] || undefined,
    }));
    await api('post', '/api/teams/{team}/pulse/rounds/{id}/answers', {
      path: { team: this.team, id: round.id },
      body: { answers },
    });
    this.submittedQuarter = round.quarter;
    this.scores = {};
    this.comments = {};
    await this.load();
  }

  async open(quarter: string, endsOn: string): Promise<void> {
    this.openWarnings = [];
    const opened = await api('post', '/api/pulse/rounds', { body: { quarter, teams: [this.team], endsOn } });
    this.openWarnings = opened.warnings;
    await this.load();
  }

  async close(round: Round): Promise<void> {
    await api('post', '/api/teams/{team}/pulse/rounds/{id}/close', { path: { team: this.team, id: round.id } });
    await this.load();
  }

  async addStatement(textEn: string, textDa: string): Promise<void> {
    await api('post', '/api/teams/{team}/pulse/statements', { path: { team: this.team }, body: { textEn, textDa } });
  }
}
