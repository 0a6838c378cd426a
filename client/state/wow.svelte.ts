import { api, type ApiReply } from '../lib/api.ts';
import { Failure } from './failure.svelte.ts';

export type WowItem = ApiReply<'/api/units/{unit}/dashboard/wow', 'get'>['items'][number];
export type TeamWowItem = ApiReply<'/api/teams/{team}/wow', 'get'>['items'][number];

/** A unit's WOW wall: the first page on load, the next ones on request (newest first, 20 a page). */
export class WowWall {
  items = $state<WowItem[]>([]);
  nextCursor = $state<string | null>(null);
  loaded = $state(false);
  busy = $state(false);
  readonly failure = new Failure();

  constructor(private readonly unit: number) {}

  private page = (before: string | null) =>
    this.failure.attempt(async () => {
      this.busy = true;
      try {
        const page = await api('get', '/api/units/{unit}/dashboard/wow', {
          path: { unit: this.unit },
          query: before === null ? {} : { before },
        });
        this.items = before === null ? page.items : [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
        this.loaded = true;
      } finally {
        this.busy = false;
      }
    });

  load = (): Promise<boolean> => this.page(null);
  more = (): Promise<boolean> => (this.nextCursor === null ? Promise.resolve(true) : this.page(this.nextCursor));
}

/** A team's own praise as its unit's wall shows it, and the lead's or facilitator's choice to keep items off. */
export class TeamWow {
  items = $state<TeamWowItem[]>([]);
  nextCursor = $state<string | null>(null);
  loaded = $state(false);
  readonly failure = new Failure();

  constructor(private readonly slug: string) {}

  private page = (before: string | null) =>
    this.failure.attempt(async () => {
      const page = await api('get', '/api/teams/{team}/wow', {
        path: { team: this.slug },
        query: before === null ? {} : { before },
      });
      this.items = before === null ? page.items : [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    });

  load = (): Promise<boolean> => this.page(null);
  more = (): Promise<boolean> => (this.nextCursor === null ? Promise.resolve(true) : this.page(this.nextCursor));

  setKeptOff = (id: number, keptOff: boolean): Promise<boolean> =>
    this.failure.attempt(async () => {
      await api('put', '/api/teams/{team}/wow/{id}', { path: { team: this.slug, id }, body: { keptOff } });
      this.items = this.items.map((item) => (item.id === id ? { ...item, keptOff } : item));
    });
}
