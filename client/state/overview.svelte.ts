import type { Overview } from '../../shared/schemas/overview.ts';
import { api } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

/** The home page's one read: what needs the signed-in person now. */
export class HomeOverview {
  data = $state<Overview | null>(null);
  readonly failure = new Failure();

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.data = await api<Overview>('GET', '/api/me/overview');
    });
}
