import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

/** The home page's one read: what needs the signed-in person now. */
export class HomeOverview {
  data = $state<ApiReply<'/api/me/overview', 'get'> | null>(null);
  readonly failure = new Failure();

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.data = await api('get', '/api/me/overview');
    });
}
