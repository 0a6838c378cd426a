import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedbackDa as da } from '../../../client/lib/i18n/areas/feedback.da.ts';
import { feedbackEn as en } from '../../../client/lib/i18n/areas/feedback.en.ts';

const { Inbox } = await import('../../../client/state/inbox.svelte.ts');

describe('the inbox filter "rating changed after a reply"', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the feedback route for ratingAfterReply only when the box is ticked', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const body = url.includes('/facets') ? { sources: [], tags: [] } : { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const inbox = new Inbox('support');
    await inbox.load();
    expect(asked.find((url) => url.startsWith('/api/teams/support/feedback?'))).not.toContain('ratingAfterReply');
    inbox.filters.ratingAfterReply = true;
    await inbox.load();
    expect(asked.filter((url) => url.startsWith('/api/teams/support/feedback?')).at(-1)).toContain(
      'ratingAfterReply=true',
    );
  });

  it('has the label in Danish and English', () => {
    expect(en.feedback.onlyRatingAfterReply).toBe('Only ratings changed after our reply');
    expect(da.feedback.onlyRatingAfterReply).toBe('Kun bedømmelser ændret efter vores svar');
  });
});
