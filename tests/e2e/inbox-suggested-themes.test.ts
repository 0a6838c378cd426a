import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveActions } from '../../server/live/actions.ts';
import { createLiveEngine } from '../../server/live/engine.ts';
import type { MeetingCommand } from '../../shared/meeting/index.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { holdGrouped } from '../helpers/grouped-board.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';
const VIEWPORT = { width: 1280, height: 900 };

const BOARD = [
  'Pakken kom tre dage for sent',
  'Leveringen var forsinket igen',
  'Min pakke kom for sent',
  'Prisen er alt for høj',
  'Alt for dyrt, prisen er steget',
];

/**
 * In Danish: a review grouped delivery and price cards; two delivery comments arrived that no board
 * showed. The inbox shows them as resembling "Levering", apart from the boards' themes, and the theme
 * filter takes them in only when asked.
 */
describe('the inbox shows the themes items no board grouped resemble, in Danish', () => {
  const e2e = useKadenceInChromium();
  let lea: { id: number; cookie: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const app = e2e.kadence.app;
    const team = await app.services.teams.create({ name: 'Webshop', slug: 'webshop' });
    lea = await makeMember(app, 'webshop', 'lea@example.dk', 'Lea Larsen', 'lead');
    const meetingId = await makeMeeting(
      app,
      'webshop',
      BOARD.map((comment) => ({ comment })),
    );
    const ids = app.db
      .prepare<[number], { id: number }>(
        'SELECT feedback_id AS id FROM meeting_cards WHERE meeting_id = ? ORDER BY position',
      )
      .all(meetingId)
      .map((row) => row.id);
    const insert = app.db.prepare(
      "INSERT INTO feedback (team_id, source, dedupe_key, received_at, metric, score, comment, language, original) VALUES (?, 'survey', ?, '2026-01-20T10:00:00.000Z', 'nps', 5, ?, 'da', '{}')",
    );
    insert.run(team.id, 'u-1', 'Pakken er forsinket og leveringen tog en uge');
    insert.run(team.id, 'u-2', 'Levering tog alt for lang tid, pakken var forsinket');
    const engine = createLiveEngine({ store: app.services.store, ...liveActions(app.services) });
    let op = 0;
    await holdGrouped(
      async (command: MeetingCommand) =>
        (
          await engine.command(
            meetingId,
            { key: `u:${lea.id}`, name: 'Lea Larsen', role: 'lead' },
            `op-${++op}`,
            command,
          )
        ).event,
      ids,
      [
        { theme: 'Levering', cards: [0, 1, 2] },
        { theme: 'Pris', cards: [3, 4] },
      ],
    );
  });

  it('marks the resemblance and filters by it only when asked', async () => {
    const { page } = await e2e.open(lea.cookie, '#/teams/webshop/feedback', { locale: 'da-DK', viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const resembling = page.locator('article', { hasText: 'Pakken er forsinket og leveringen tog en uge' });
    await resembling.locator('.suggested', { hasText: 'Ligner: Levering' }).waitFor();
    // A grouped card shows its board's theme and no resemblance.
    const grouped = page.locator('article', { hasText: 'Min pakke kom for sent' });
    await grouped.getByText('Levering').waitFor();
    expect(await grouped.locator('.suggested').count()).toBe(0);

    const theme = page.getByRole('combobox', { name: /^Tema/ });
    await theme.selectOption('Levering');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('article').length === 3);
    await page.getByLabel('Også det, der ligner temaet').check();
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('article').length === 5);
    await page.screenshot({ path: `${SHOTS}/inbox-suggested-themes-da.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
