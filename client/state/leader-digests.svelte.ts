import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

export type LeaderDigestEntry = ApiReply<'/api/me/leader-digests', 'get'>['digests'][number];

/** The signed-in unit lead's monthly digests, newest month first. */
export class LeaderDigestsState {
  digests = $state<LeaderDigestEntry[]>([]);
  loaded = $state(false);
  readonly failure = new Failure();

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.digests = (await api('get', '/api/me/leader-digests')).digests;
      this.loaded = true;
    });
}
