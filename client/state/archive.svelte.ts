import type { Archive } from '../../shared/schemas/archive.ts';
import { api } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

/** A team's held reviews for the archive page. */
export class MeetingArchive {
  data = $state<Archive | null>(null);
  readonly failure = new Failure();

  constructor(private readonly team: string) {}

  load = (): Promise<boolean> =>
    this.failure.attempt(async () => {
      this.data = await api<Archive>('GET', `/api/teams/${encodeURIComponent(this.team)}/meetings/archive`);
    });
}
