import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { AGENDA, makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';

describe('a whole live meeting in three browsers', () => {
  const e2e = useKadenceInChromium();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const open = async (cookie: string, path: string): Promise<Page> =>
    (await e2e.open(cookie, path, { timeoutMs: 10_000 })).page;

  it('comments privately, reveals, groups, votes, decides an action, ends, and summarises', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea Lead', 'lead');
    const anna = await makeMember(app, 'support', 'anna@example.dk', 'Anna Agent', 'member');
    const bo = await makeMember(app, 'support', 'bo@example.dk', 'Bo Berg', 'member');
    // Timers of three seconds a step, so the "time is up" signal shows within the test.
    const agenda = AGENDA.map((step) => ({ ...step, minutes: 0.05 }));
    // Last month's meeting left the team a theme, which this month's board offers again.
    const lastMonth = await makeMeeting(app, 'support', [{ comment: 'Nobody picked up', score: 1 }]);
    app.db
      .prepare(
        "INSERT INTO themes (team_id, name, created_in) SELECT id, 'Waiting time', ? FROM teams WHERE slug = 'support'",
      )
      .run(lastMonth);
    const meetingId = await makeMeeting(
      app,
      'support',
      [
        { comment: 'I waited 40 minutes on the phone', score: 2 },
        { comment: 'Mette on the phone was wonderful', score: 10 },
      ],
      agenda,
    );
    const path = `#/teams/support/meetings/${meetingId}/live`;
    const facilitator = await open(lea.cookie, path);
    const annaPage = await open(anna.cookie, path);
    const boPage = await open(bo.cookie, path);
    const errors: string[] = [];
    for (const page of [facilitator, annaPage, boPage]) page.on('pageerror', (error) => errors.push(error.message));

    await facilitator.getByRole('button', { name: 'Start meeting' }).click();
    // Check-in shows its own content (the WOW moments: a promoter's words), not every card.
    for (const page of [annaPage, boPage]) await page.getByText('Mette on the phone was wonderful').waitFor();
    expect(await annaPage.getByText('I waited 40 minutes on the phone').count()).toBe(0);
    // A guest without an account joins through a meeting link, with a display name.
    // Guest links live in the facilitator's menu.
    await facilitator.getByRole('button', { name: 'More' }).click();
    await facilitator.getByText('Guests without an account').click();
    await facilitator.getByRole('button', { name: 'Create meeting link' }).click();
    const guestUrl = await facilitator.getByTestId('guest-url').inputValue();
    const guestPage = await (await e2e.browser.newContext({ locale: 'en-GB' })).newPage();
    guestPage.setDefaultTimeout(10_000);
    await guestPage.goto(guestUrl);
    await guestPage.getByLabel('Your name').fill('Gitte Guest');
    await guestPage.getByRole('button', { name: 'Join' }).click();
    await guestPage.getByText('Mette on the phone was wonderful').waitFor();
    await facilitator
      .getByTestId('presence')
      .getByRole('listitem')
      .filter({ hasText: 'Gitte Guest' })
      .first()
      .waitFor();
    await facilitator.keyboard.press('Escape');

    await facilitator.getByRole('button', { name: 'Next step' }).click();
    await facilitator.getByRole('button', { name: 'Start timer' }).click();
    await annaPage.getByText('Time is up').waitFor({ timeout: 10_000 });

    const waitCard = (page: Page) => page.getByTestId('card').filter({ hasText: 'I waited 40 minutes' });
    // The comment box opens on demand.
    await waitCard(annaPage).getByRole('button', { name: 'Comment on this card' }).click();
    await waitCard(annaPage).getByLabel('What does this tell us?').fill('Callbacks would help');
    await waitCard(annaPage).getByRole('button', { name: 'Add' }).click();
    await annaPage.getByText('Callbacks would help').waitFor();
    await waitCard(annaPage).getByRole('button', { name: 'WOW moment' }).click();
    // Private until revealed: Bo's browser never gets it.
    await boPage.getByTestId('presence').getByText('Anna Agent').waitFor();
    expect(await boPage.getByText('Callbacks would help').count()).toBe(0);
    await facilitator.screenshot({ path: `${SHOTS}/live-read.png`, fullPage: true });
    await facilitator.getByRole('button', { name: 'Reveal comments' }).click();
    await boPage.getByText('Callbacks would help').waitFor();

    await facilitator.getByRole('button', { name: 'Next step' }).click();
    // The step change reaches Anna over the socket and the group step's view loads on demand.
    await annaPage.getByLabel('New theme name').waitFor();
    expect(await annaPage.locator('#known-themes option[value="Waiting time"]').count()).toBe(1);
    await annaPage.getByLabel('New theme name').fill('Waiting time');
    await annaPage.getByRole('button', { name: 'Create theme' }).click();
    await boPage.getByTestId('theme').filter({ hasText: 'Waiting time' }).waitFor();
    // The same theme as last month, not a new one of the same name.
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM themes WHERE name = 'Waiting time'").get()).toEqual({ n: 1 });
    // With the mouse: Bo drags the card into the theme (the mouse is pressed on the card, moved, released).
    await waitCard(boPage)
      .first()
      .locator('blockquote')
      .dragTo(boPage.getByTestId('theme').filter({ hasText: 'Waiting time' }), { steps: 8 });
    await facilitator.getByTestId('theme').filter({ hasText: 'I waited 40 minutes' }).waitFor();
    // With the keyboard: Anna opens the comment's move control, arrows to the theme (nothing moves yet) and confirms.
    const comment = annaPage.getByTestId('comment').filter({ hasText: 'Callbacks would help' });
    await comment.getByRole('button', { name: 'Move “Callbacks would help”' }).click();
    await comment.getByLabel('Move to theme').focus();
    await annaPage.keyboard.press('ArrowDown');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      app.db
        .prepare(
          "SELECT COUNT(*) AS n FROM meeting_events WHERE meeting_id = ? AND type = 'item.move' AND payload LIKE '%comment%'",
        )
        .get(meetingId),
    ).toEqual({ n: 0 });
    await comment.getByRole('button', { name: 'Move here' }).click();
    await facilitator.getByTestId('theme').filter({ hasText: 'Callbacks would help' }).waitFor();
    // Split: the comment goes on into a theme of its own.
    await facilitator.locator('summary').filter({ hasText: 'More for Waiting time' }).click();
    await facilitator.getByText('Split Waiting time…').click();
    await facilitator
      .getByRole('group', { name: 'Move these to the new theme' })
      .getByLabel('Callbacks would help')
      .check();
    await facilitator.getByLabel('Name of the new theme').fill('Callbacks');
    await facilitator.getByRole('button', { name: 'Split 1 off into the new theme' }).click();
    const callbacks = annaPage
      .getByTestId('theme')
      .filter({ has: annaPage.getByRole('heading', { name: 'Callbacks' }) });
    await callbacks.filter({ hasText: 'Callbacks would help' }).waitFor();
    const waiting = boPage.getByTestId('theme').filter({ has: boPage.getByRole('heading', { name: 'Waiting time' }) });
    await waiting.getByTestId('card').filter({ hasText: 'I waited 40 minutes' }).waitFor();
    expect(await waiting.getByTestId('comment').filter({ hasText: 'Callbacks would help' }).count()).toBe(0);
    expect(await seriousAxeViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: `${SHOTS}/live-group.png`, fullPage: true });

    await facilitator.getByRole('button', { name: 'Next step' }).click();
    for (const page of [annaPage, boPage])
      await page.getByRole('button', { name: 'Add a dot to Waiting time' }).click();
    await boPage.getByText('2 of 3 dots left').waitFor();
    await facilitator.getByRole('button', { name: 'Next step' }).click();
    await annaPage.getByTestId('vote-results').filter({ hasText: 'Waiting time — 2 dots' }).waitFor();

    await facilitator.getByLabel('Focus theme').selectOption({ label: 'Waiting time (2 dots)' });
    await boPage.getByRole('status').filter({ hasText: 'Waiting time' }).first().waitFor();
    await facilitator.getByLabel('Action', { exact: true }).fill('Offer callbacks in the phone queue');
    await facilitator.getByLabel('Owner').selectOption({ label: 'Anna Agent' });
    await facilitator.getByLabel('Due date').fill('2026-03-01');
    await facilitator.getByRole('button', { name: 'Decide action' }).click();
    await boPage.getByTestId('decisions').filter({ hasText: 'Offer callbacks in the phone queue' }).waitFor();
    await facilitator.screenshot({ path: `${SHOTS}/live-decide.png`, fullPage: true });
    const action = app.db.prepare('SELECT title, owner_id FROM actions').get() as { title: string; owner_id: number };
    expect(action).toEqual({ title: 'Offer callbacks in the phone queue', owner_id: anna.id });
    // One comment can become an action too, linked to that comment, its card and its theme.
    await facilitator.getByLabel('Action', { exact: true }).fill('Call back within a day');
    await facilitator.getByLabel('Made from').selectOption({ label: 'Comment: Callbacks would help' });
    await facilitator.getByRole('button', { name: 'Decide action' }).click();
    await boPage.getByTestId('decisions').filter({ hasText: 'Call back within a day' }).waitFor();
    const origins = app.db
      .prepare(
        "SELECT o.kind FROM action_origins o JOIN actions a ON a.id = o.action_id WHERE a.title = 'Call back within a day' ORDER BY o.kind",
      )
      .all();
    expect(origins).toEqual([{ kind: 'comment' }, { kind: 'feedback' }, { kind: 'theme' }]);

    // Ending asks first.
    await facilitator.getByRole('button', { name: 'More' }).click();
    await facilitator.getByRole('menuitem', { name: 'End meeting…' }).click();
    await facilitator
      .getByRole('dialog', { name: 'End the meeting for everyone?' })
      .getByRole('button', { name: 'End meeting' })
      .click();
    await annaPage.getByText('The meeting has ended.').waitFor();
    await facilitator.getByRole('link', { name: 'See the summary' }).click();
    const summary = facilitator.getByTestId('summary');
    await summary.getByText('Offer callbacks in the phone queue').waitFor();
    for (const text of [
      'Anna Agent',
      'Bo Berg',
      'Lea Lead',
      'Gitte Guest',
      'Waiting time — 2 dots',
      'Owner: Anna Agent',
    ]) {
      expect(await summary.getByText(text).count()).toBeGreaterThan(0);
    }
    expect(await seriousAxeViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: `${SHOTS}/live-summary.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
