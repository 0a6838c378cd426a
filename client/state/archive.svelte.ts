import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

/** A team's held reviews for the archive page. */
export class MeetingArchive {
  data = $state<ApiReply<'/api/teams/{team}/meetings/archive', 'get'> | null>(null);
  readonly failure = new Failure();

  constructor(private readonly team: string) {}

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.data = await api('get', '/api/teams/{team}/meetings/archive', { path: { team: this.team } });
    });
}
