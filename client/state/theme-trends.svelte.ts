import { api } from '../lib/api.ts';
import type { ThemeTrends } from '../lib/theme-trends.ts';

/** A team's themes month by month, for the team page. */
export class ThemeTrendsView {
  trends = $state<ThemeTrends | null>(null);

  constructor(
    private readonly team: string,
    private readonly months = 6,
  ) {}

  async load(): Promise<void> {
    this.trends = await api('get', '/api/teams/{team}/themes/monthly', {
      path: { team: this.team },
      query: { months: this.months },
    });
  }
}
