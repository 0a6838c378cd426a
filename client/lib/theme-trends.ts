import type { ApiReply } from './api.ts';

/** A team's themes month by month (GET /api/teams/{team}/themes/monthly). */
export type ThemeTrends = ApiReply<'/api/teams/{team}/themes/monthly', 'get'>;
export type ThemeHighlight = NonNullable<ThemeTrends['latest']>['themes'][number];
