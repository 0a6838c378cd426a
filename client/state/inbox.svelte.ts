import { api, type ApiQuery, type ApiSchema } from '../lib/api.ts';

/** An inbox row: the item, the themes its boards grouped it into, and otherwise the themes it resembles. */
type FeedbackItem = ApiSchema<'FeedbackItem'> & { themes: string[]; suggestedThemes: string[] };
type FeedbackQuery = ApiQuery<'/api/teams/{team}/feedback', 'get'>;

export interface InboxFilters {
  q: string;
  from: string;
  to: string;
  source: string;
  metric: NonNullable<FeedbackQuery['metric']> | '';
  band: NonNullable<FeedbackQuery['band']> | '';
  language: NonNullable<FeedbackQuery['language']> | '';
  tag: string;
  /** A theme the team's boards grouped items into. */
  theme: string;
  /** With a theme: also the items no board grouped that resemble it. */
  withSuggested: boolean;
  flagged: boolean;
  /** Only items whose rating changed after a reply was posted. */
  ratingAfterReply: boolean;
}

/** The inbox of one team: filters, the loaded pages, and changes to tags and flags. */
export class Inbox {
  filters = $state<InboxFilters>({
    q: '',
    from: '',
    to: '',
    source: '',
    metric: '',
    band: '',
    language: '',
    tag: '',
    theme: '',
    withSuggested: false,
    flagged: false,
    ratingAfterReply: false,
  });
  items = $state<FeedbackItem[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  /** The title of the action just made, for the confirmation. */
  notice = $state('');
  facets = $state<{ sources: string[]; tags: string[]; themes: string[] }>({ sources: [], tags: [], themes: [] });

  constructor(private readonly team: string) {}

  /** One page of the list under the filters; empty filters are left out of the query. */
  private page(cursor: string | null) {
    const { q, from, to, source, metric, band, language, tag, theme, withSuggested, flagged, ratingAfterReply } =
      this.filters;
    const text = (value: string) => value.trim() || undefined;
    const choice = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);
    const query = {
      q: text(q),
      from: text(from),
      to: text(to),
      source: text(source),
      metric: choice(metric),
      band: choice(band),
      language: choice(language),
      tag: text(tag),
      theme: text(theme),
      suggested: (text(theme) !== undefined && withSuggested) || undefined,
      flagged: flagged || undefined,
      ratingAfterReply: ratingAfterReply || undefined,
      cursor: cursor ?? undefined,
      limit: 50,
    };
    return api('get', '/api/teams/{team}/feedback', { path: { team: this.team }, query });
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const [page, facets] = await Promise.all([
        this.page(null),
        api('get', '/api/teams/{team}/feedback/facets', { path: { team: this.team } }),
      ]);
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.facets = facets;
    } finally {
      this.loading = false;
    }
  }

  async more(): Promise<void> {
    if (!this.nextCursor) return;
    const page = await this.page(this.nextCursor);
    this.items = [...this.items, ...page.items];
    this.nextCursor = page.nextCursor;
  }

  async toggleFlag(item: FeedbackItem): Promise<void> {
    await api('put', '/api/teams/{team}/feedback/{id}/flag', {
      path: { team: this.team, id: item.id },
      body: { flagged: !item.flagged },
    });
    this.items = this.items.map((entry) => (entry.id === item.id ? { ...entry, flagged: !item.flagged } : entry));
  }

  async addTag(item: FeedbackItem, tag: string): Promise<void> {
    const clean = tag.trim().toLowerCase();
    await api('post', '/api/teams/{team}/feedback/{id}/tags', {
      path: { team: this.team, id: item.id },
      body: { tag: clean },
    });
    this.items = this.items.map((entry) =>
      entry.id === item.id
        ? { ...entry, tags: (entry.tags.includes(clean) ? entry.tags : [...entry.tags, clean]).sort() }
        : entry,
    );
  }

  /** An improvement action between meetings, with this item as where it came from. */
  async makeAction(item: FeedbackItem, title: string): Promise<void> {
    await api('post', '/api/teams/{team}/actions', {
      path: { team: this.team },
      body: { title, feedbackIds: [item.id] },
    });
    this.notice = title;
  }

  async removeTag(item: FeedbackItem, tag: string): Promise<void> {
    await api('delete', '/api/teams/{team}/feedback/{id}/tags/{tag}', { path: { team: this.team, id: item.id, tag } });
    this.items = this.items.map((entry) =>
      entry.id === item.id ? { ...entry, tags: entry.tags.filter((existing) => existing !== tag) } : entry,
    );
  }
}
