import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/events.ts';
import type { MeetingCommand, MeetingEvent } from '../../shared/meeting/index.ts';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { AGENDA, LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

const ok = <T extends object>(ack: Ack<T>): T => {
  if (!ack.ok) throw new Error(ack.error.message);
  return ack;
};

/** Seeding sends a few hundred commands; the per-person rate limit is waited out, not raised. */
async function send(
  client: LiveClient,
  meetingId: number,
  command: MeetingCommand,
): Promise<Ack<{ seq: number; duplicate: boolean }>> {
  for (;;) {
    const ack = await client.send(meetingId, command);
    if (ack.ok || ack.error.code !== 'RATE_LIMITED') return ack;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const CARDS = 40;
const COMMENTS = 200;
const THEMES = 12;
const GROUP_STEP = AGENDA.findIndex((step) => step.key === 'group');

/**
 * A full board — 40 cards, 200 comments, 12 themes — must take a new comment without redrawing the
 * rest: the lists are keyed, so only the commented card's own part of the page changes. This counts
 * the DOM changes in the group step when a comment arrives, rather than timing anything.
 */
describe('the live board with a full month on it', () => {
  const e2e = useKadenceInChromium();

  it('changes only the commented card when a comment arrives in a board of 40 cards, 200 comments and 12 themes', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Travlt team', slug: 'travlt' });
    const lea = await makeMember(app, 'travlt', 'lea@example.dk', 'Lea Larsen', 'lead');
    const bo = await makeMember(app, 'travlt', 'bo@example.dk', 'Bo Berg', 'member');
    const meetingId = await makeMeeting(
      app,
      'travlt',
      Array.from({ length: CARDS }, (_, index) => ({
        comment: `Kort nummer ${index + 1} om leveringen`,
        score: index % 11,
      })),
    );

    const lead = new LiveClient(e2e.kadence.url, { cookie: lea.cookie, prefix: 'lea' });
    const member = new LiveClient(e2e.kadence.url, { cookie: bo.cookie, prefix: 'bo' });
    try {
      for (const client of [lead, member]) {
        expect(await client.connected()).toBe('connected');
        ok(await client.join(meetingId));
      }
      const started = ok(await send(lead, meetingId, { type: 'meeting.start' }));
      await lead.until(started.seq);
      const snapshot = lead.events.find(
        (event): event is Extract<MeetingEvent, { type: 'snapshot' }> => event.type === 'snapshot',
      );
      const cardIds = Object.keys(snapshot?.payload.state.cards ?? {});
      expect(cardIds).toHaveLength(CARDS);
      ok(await send(lead, meetingId, { type: 'step.go', index: GROUP_STEP - 1 }));
      for (let index = 0; index < COMMENTS; index++) {
        const client = index % 2 === 0 ? lead : member;
        ok(
          await send(client, meetingId, {
            type: 'comment.add',
            cardId: cardIds[index % CARDS] ?? '',
            text: `Kommentar ${index + 1}`,
          }),
        );
      }
      ok(await send(lead, meetingId, { type: 'comments.reveal' }));
      ok(await send(lead, meetingId, { type: 'step.go', index: GROUP_STEP }));
      for (let index = 0; index < THEMES; index++) {
        const made = ok(await send(lead, meetingId, { type: 'theme.create', name: `Tema ${index + 1}` }));
        await lead.until(made.seq);
        const event = lead.events.find((candidate) => candidate.seq === made.seq);
        const themeId = event?.type === 'theme.create' ? event.payload.themeId : 0;
        // Three cards in each theme; the last four stay in the pool.
        for (const cardId of cardIds.slice(index * 3, index * 3 + 3))
          ok(await send(lead, meetingId, { type: 'item.move', item: { kind: 'card', id: cardId }, themeId }));
      }

      const { page } = await e2e.open(lea.cookie, `#/teams/travlt/meetings/${meetingId}/live`, {
        locale: 'da-DK',
        viewport: { width: 1280, height: 800 },
      });
      await page
        .getByTestId('theme')
        .nth(THEMES - 1)
        .waitFor();
      expect(await page.getByTestId('theme').count()).toBe(THEMES);
      expect(await page.getByTestId('card').count()).toBe(CARDS);
      expect(await page.getByTestId('comment').count()).toBe(COMMENTS);

      // Which cards have anything under them changed, from here on.
      await page.evaluate(() => {
        const touched = new Set<Element>();
        (window as unknown as { __touched: Set<Element> }).__touched = touched;
        new MutationObserver((records) => {
          for (const record of records) {
            const node = record.target instanceof Element ? record.target : record.target.parentElement;
            const card = node?.closest('[data-testid="card"]');
            if (card) touched.add(card);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const target = cardIds[5] ?? '';
      ok(await send(member, meetingId, { type: 'comment.add', cardId: target, text: 'En helt ny tanke' }));
      await page.getByText('En helt ny tanke').waitFor();
      const touched = await page.evaluate(() =>
        [...(window as unknown as { __touched: Set<Element> }).__touched].map((card) => card.textContent ?? ''),
      );
      expect(await page.getByTestId('comment').count()).toBe(COMMENTS + 1);
      expect(touched).toHaveLength(1);
      expect(touched[0]).toContain('En helt ny tanke');
    } finally {
      lead.close();
      member.close();
    }
  });
});
