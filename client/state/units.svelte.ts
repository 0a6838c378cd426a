import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

export type UnitEntry = ApiReply<'/api/units', 'get'>['units'][number];
export type TeamEntry = ApiReply<'/api/teams', 'get'>['teams'][number]['team'];

/** The admin's organisation page: the tree, the teams to place, and every change to them. */
export class UnitTree {
  units = $state<UnitEntry[]>([]);
  teams = $state<TeamEntry[]>([]);
  loaded = $state(false);
  readonly failure = new Failure();

  /** The units in tree order, each with its depth, for an indented list. */
  get ordered(): { unit: UnitEntry; depth: number }[] {
    const out: { unit: UnitEntry; depth: number }[] = [];
    const known = this.units.map((unit) => unit.id);
    const walk = (parentId: number | null, depth: number) => {
      for (const unit of this.units.filter((entry) =>
        parentId === null ? entry.parentId === null || !known.includes(entry.parentId) : entry.parentId === parentId,
      )) {
        out.push({ unit, depth });
        walk(unit.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      const [units, teams] = await Promise.all([api('get', '/api/units'), api('get', '/api/teams')]);
      this.units = units.units;
      this.teams = teams.teams.map((entry) => entry.team);
      this.loaded = true;
    });

  private change = (work: () => Promise<unknown>): Promise<boolean> =>
    this.failure.attempt(async () => {
      await work();
      this.units = (await api('get', '/api/units')).units;
    });

  create = (name: string, parentId: number | null) =>
    this.change(() => api('post', '/api/units', { body: { name, parentId } }));
  update = (unit: number, body: { name?: string; parentId?: number | null }) =>
    this.change(() => api('patch', '/api/units/{unit}', { path: { unit }, body }));
  remove = (unit: number) => this.change(() => api('delete', '/api/units/{unit}', { path: { unit } }));
  addTeam = (unit: number, team: string) =>
    this.change(() => api('put', '/api/units/{unit}/teams/{team}', { path: { unit, team } }));
  removeTeam = (unit: number, team: string) =>
    this.change(() => api('delete', '/api/units/{unit}/teams/{team}', { path: { unit, team } }));
  addLead = (unit: number, email: string) =>
    this.change(() => api('post', '/api/units/{unit}/leads', { path: { unit }, body: { email } }));
  removeLead = (unit: number, userId: number) =>
    this.change(() => api('delete', '/api/units/{unit}/leads/{userId}', { path: { unit, userId } }));
}

export type UnitCustomers = ApiReply<'/api/units/{unit}/dashboard/customers', 'get'>;
export type UnitCulture = ApiReply<'/api/units/{unit}/dashboard/culture', 'get'>;
export type DashboardTableName = 'rhythm' | 'actions' | 'oldest' | 'customers' | 'culture';

/**
 * One unit's dashboard: the rhythm and actions, and the customers and culture sections, each read
 * from its own route at the same time, so a slow or failing section never holds up the others.
 */
export class UnitDashboardState {
  data = $state<ApiReply<'/api/units/{unit}/dashboard', 'get'> | null>(null);
  customers = $state<UnitCustomers | null>(null);
  culture = $state<UnitCulture | null>(null);
  readonly failure = new Failure();
  readonly customersFailure = new Failure();
  readonly cultureFailure = new Failure();

  constructor(private readonly unit: number) {}

  load = async (): Promise<boolean> => {
    const path = { path: { unit: this.unit } };
    const [main] = await Promise.all([
      this.failure.attempt(async () => {
        this.data = await api('get', '/api/units/{unit}/dashboard', path);
      }),
      this.customersFailure.attempt(async () => {
        this.customers = await api('get', '/api/units/{unit}/dashboard/customers', path);
      }),
      this.cultureFailure.attempt(async () => {
        this.culture = await api('get', '/api/units/{unit}/dashboard/culture', path);
      }),
    ]);
    return main;
  };

  exportUrl = (table: DashboardTableName, semicolon: boolean): string =>
    `/api/units/${this.unit}/dashboard/export?table=${table}${semicolon ? '&delimiter=semicolon' : ''}`;
}
