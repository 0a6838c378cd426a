import type { FeedbackItem, FeedbackPage } from '../../shared/schemas/feedback.ts';
import { api } from '../lib/api.ts';

export interface InboxFilters {
  q: string;
  from: string;
  to: string;
  source: string;
  metric: string;
  band: string;
  language: string;
  tag: string;
  flagged: boolean;
  /** Only items whose rating changed after a reply was posted. */
  ratingAfterReply: boolean;
}

/** The inbox of one team: filters, the loaded pages, and changes to tags and flags. */
export class Inbox {
  filters = $state<InboxFilters>({ q: '', from: '', to: '', source: '', metric: '', band: '', language: '', tag: '', flagged: false, ratingAfterReply: false });
  items = $state<FeedbackItem[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  /** The title of the action just made, for the confirmation. */
  notice = $state('');
  facets = $state<{ sources: string[]; tags: string[] }>({ sources: [], tags: [] });

  constructor(private readonly team: string) {}

  private query(cursor: string | null): string {
    const entries: [string, string][] = [];
    for (const [key, value] of Object.entries(this.filters)) {
      if (value === true) entries.push([key, 'true']);
      else if (typeof value === 'string' && value.trim()) entries.push([key, value.trim()]);
    }
    if (cursor) entries.push(['cursor', cursor]);
    entries.push(['limit', '50']);
    return entries.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const [page, facets] = await Promise.all([
        api<FeedbackPage>('GET', `/api/teams/${this.team}/feedback?${this.query(null)}`),
        api<{ sources: string[]; tags: string[] }>('GET', `/api/teams/${this.team}/feedback/facets`),
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
    const page = await api<FeedbackPage>('GET', `/api/teams/${this.team}/feedback?${this.query(this.nextCursor)}`);
    this.items = [...this.items, ...page.items];
    this.nextCursor = page.nextCursor;
  }

  async toggleFlag(item: FeedbackItem): Promise<void> {
    await api('PUT', `/api/teams/${this.team}/feedback/${item.id}/flag`, { flagged: !item.flagged });
    this.items = this.items.map((entry) => (entry.id === item.id ? { ...entry, flagged: !item.flagged } : entry));
  }

  async addTag(item: FeedbackItem, tag: string): Promise<void> {
    const clean = tag.trim().toLowerCase();
    await api('POST', `/api/teams/${this.team}/feedback/${item.id}/tags`, { tag: clean });
    this.items = this.items.map((entry) => (entry.id === item.id ? { ...entry, tags: (entry.tags.includes(clean) ? entry.tags : [...entry.tags, clean]).sort() } : entry));
  }

  /** An improvement action between meetings, with this item as where it came from. */
  async makeAction(item: FeedbackItem, title: string): Promise<void> {
    await api('POST', `/api/teams/${this.team}/actions`, { title, feedbackIds: [item.id] });
    this.notice = title;
  }

  async removeTag(item: FeedbackItem, tag: string): Promise<void> {
    await api('DELETE', `/api/teams/${this.team}/feedback/${item.id}/tags/${encodeURIComponent(tag)}`);
    this.items = this.items.map((entry) => (entry.id === item.id ? { ...entry, tags: entry.tags.filter((existing) => existing !== tag) } : entry));
  }
}
