import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

export type UnitThemesReply = ApiReply<'/api/units/{unit}/dashboard/themes', 'get'>;
export type UnitTheme = UnitThemesReply['themes'][number];

/**
 * The themes across a unit's teams, one quarter at a time (the current one first); read from its own
 * route beside the rest of the dashboard, so its failure shows in its own section.
 */
export class UnitThemesState {
  data = $state<UnitThemesReply | null>(null);
  readonly failure = new Failure();

  constructor(private readonly unit: number) {}

  load = (quarter?: string): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.data = await api('get', '/api/units/{unit}/dashboard/themes', {
        path: { unit: this.unit },
        query: quarter === undefined ? {} : { quarter },
      });
    });

  exportUrl = (semicolon: boolean): string =>
    `/api/units/${this.unit}/dashboard/export?table=themes${this.data ? `&quarter=${this.data.quarter}` : ''}${
      semicolon ? '&delimiter=semicolon' : ''
    }`;
}
