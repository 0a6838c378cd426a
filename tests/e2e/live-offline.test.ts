import { describe, expect, it } from 'vitest';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

describe('the live board offline', () => {
  const e2e = useKadenceInChromium();

  /** The sockets the server holds for one person on the live namespace. */
  const liveSocketsOf = (userId: number) =>
    [...e2e.kadence.app.io.of('/live').sockets.values()].filter(
      (socket) => (socket.data as { user?: { id: number } }).user?.id === userId,
    );

  it('queues a comment while offline, delivers it when back, and rolls back one the server refuses', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea Lead', 'lead');
    const anna = await makeMember(app, 'support', 'anna@example.dk', 'Anna Agent', 'member');
    const meetingId = await makeMeeting(app, 'support', [{ comment: 'The app logged me out twice', score: 4 }]);
    const path = `#/teams/support/meetings/${meetingId}/live`;
    const { page: facilitator } = await e2e.open(lea.cookie, path);
    const { context: annaContext, page: annaPage } = await e2e.open(anna.cookie, path);
    const connection = annaPage.getByTestId('connection');
    await connection.filter({ hasText: 'Connected' }).waitFor();

    await facilitator.getByRole('button', { name: 'Start meeting' }).click();
    await annaPage.getByTestId('step-title').waitFor();
    // Straight to grouping, where comments are shared at once.
    await facilitator.getByRole('button', { name: 'Next step' }).click();
    await facilitator.getByRole('button', { name: 'Next step' }).click();
    await annaPage.getByRole('button', { name: 'Create theme' }).waitFor();

    // Offline: the browser has no network, and the connection it had is gone.
    await goOffline();
    const card = annaPage.getByTestId('card').filter({ hasText: 'The app logged me out twice' });
    await card.getByRole('button', { name: 'Comment on this card' }).click();
    await card.getByLabel('What does this tell us?').fill('Sessions expire too soon');
    await card.getByRole('button', { name: 'Add' }).click();
    await card.getByText('Sessions expire too soon').waitFor();
    await connection.filter({ hasText: '1 waiting to be sent' }).waitFor();
    expect(await facilitator.getByText('Sessions expire too soon').count()).toBe(0);

    await annaContext.setOffline(false);
    await connection.filter({ hasText: 'Connected' }).waitFor();
    await facilitator.getByTestId('card').getByText('Sessions expire too soon').waitFor();
    expect(await connection.textContent()).not.toContain('waiting to be sent');

    // Offline again; meanwhile the facilitator moves on to voting, where comments are refused.
    await goOffline();
    await facilitator.getByRole('button', { name: 'Next step' }).click();
    await facilitator.getByRole('heading', { name: 'Dot votes' }).waitFor();
    await card.getByLabel('What does this tell us?').fill('Too late for this step');
    await card.getByRole('button', { name: 'Add' }).click();
    await card.getByText('Too late for this step').waitFor();
    await annaContext.setOffline(false);
    await annaPage.getByRole('alert').filter({ hasText: 'Not possible in the vote step' }).waitFor();
    await card.getByText('Too late for this step').waitFor({ state: 'detached' });
    await connection.filter({ hasText: 'Connected' }).waitFor();
    expect(await connection.textContent()).not.toContain('waiting to be sent');
    expect(await facilitator.getByText('Too late for this step').count()).toBe(0);
    const stored = app.db
      .prepare("SELECT COUNT(*) AS n FROM meeting_events WHERE meeting_id = ? AND type = 'comment.add'")
      .get(meetingId) as { n: number };
    expect(stored.n).toBe(1);

    async function goOffline(): Promise<void> {
      await annaContext.setOffline(true);
      await connection.filter({ hasText: 'Offline' }).waitFor();
      // Chromium's offline emulation really cuts the open websocket: the server lets go of it too.
      for (let i = 0; i < 100 && liveSocketsOf(anna.id).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(liveSocketsOf(anna.id)).toHaveLength(0);
    }
  }, 90_000);
});
