import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

export type UnitTeamSummaries = ApiReply<'/api/units/{unit}/teams/{team}/summaries', 'get'>;
export type UnitTeamActions = ApiReply<'/api/units/{unit}/teams/{team}/actions', 'get'>['actions'];

/**
 * One team below a unit as its leader reads it: the held reviews and the actions, through the
 * leader routes (a unit lead has no role in the team, so the team's own routes refuse them).
 */
export class UnitTeamState {
  summaries = $state<UnitTeamSummaries | null>(null);
  actions = $state<UnitTeamActions | null>(null);
  unitName = $state<string | null>(null);
  readonly failure = new Failure();

  constructor(
    private readonly unit: number,
    private readonly team: string,
  ) {}

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      const path = { path: { unit: this.unit, team: this.team } };
      const [summaries, actions, units] = await Promise.all([
        api('get', '/api/units/{unit}/teams/{team}/summaries', path),
        api('get', '/api/units/{unit}/teams/{team}/actions', path),
        api('get', '/api/units'),
      ]);
      this.summaries = summaries;
      this.actions = actions.actions;
      this.unitName = units.units.find((unit) => unit.id === this.unit)?.name ?? null;
    });
}
