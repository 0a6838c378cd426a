import type { OpenRoundResponse, OpenRoundWarning, Round, RoundResult } from '../../shared/schemas/pulse.ts';
import { api } from '../lib/api.ts';

/** A team's pulse: its rounds (with the person's own answering state) and the results it may see. */
export class Pulse {
  rounds = $state<Round[]>([]);
  results = $state<RoundResult[]>([]);
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
      api<{ rounds: Round[] }>('GET', `/api/teams/${this.team}/pulse/rounds`),
      api<{ results: RoundResult[] }>('GET', `/api/teams/${this.team}/pulse/results`),
    ]);
    this.rounds = rounds.rounds;
    this.results = results.results;
  }

  async submit(round: Round): Promise<void> {
    const answers = round.statements.map((statement) => ({ statementId: statement.statementId, score: this.scores[statement.statementId] ?? 0, comment: this.comments[statement.statementId] || undefined }));
    await api('POST', `/api/teams/${this.team}/pulse/rounds/${round.id}/answers`, { answers });
    this.submittedQuarter = round.quarter;
    this.scores = {};
    this.comments = {};
    await this.load();
  }

  async open(quarter: string, endsOn: string): Promise<void> {
    this.openWarnings = [];
    const opened = await api<OpenRoundResponse>('POST', '/api/pulse/rounds', { quarter, teams: [this.team], endsOn });
    this.openWarnings = opened.warnings;
    await this.load();
  }

  async close(round: Round): Promise<void> {
    await api('POST', `/api/teams/${this.team}/pulse/rounds/${round.id}/close`);
    await this.load();
  }

  async addStatement(textEn: string, textDa: string): Promise<void> {
    await api('POST', `/api/teams/${this.team}/pulse/statements`, { textEn, textDa });
  }
}
