import { DEFAULT_STEP_NAMES } from '../../shared/agenda.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { createRollups } from '../../server/feedback/rollups.ts';
import { sharedSqliteStore } from '../../server/db/kysely/store.ts';
import { AGENDA, makeMeeting } from '../helpers/meeting.ts';

const PASSWORD = 'correct horse battery';

describe('actions between meetings in Chromium', () => {
  const e2e = useKadenceInChromium();
  let actionId: number;

  beforeAll(async () => {
    const { services, db } = e2e.kadence.app;
    await services.users.create({ email: 'lea@example.dk', name: 'Lea Lead', password: PASSWORD });
    await services.users.create({ email: 'ole@example.dk', name: 'Ole Owner', password: PASSWORD });
    const team = await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    await services.teams.addMember('kundeservice', 'lea@example.dk', 'lead');
    const owner = await services.teams.addMember('kundeservice', 'ole@example.dk', 'member');
    // NPS answers: poor two months ago, good this month, enough of each for an interval.
    const insert = db.prepare(
      "INSERT INTO feedback (team_id, source, dedupe_key, received_at, metric, score, comment, original) VALUES (?, 'survey', ?, ?, 'nps', ?, 'x', '{}')",
    );
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    for (let index = 0; index < 20; index++) insert.run(team.id, `old-${index}`, at(60), index < 16 ? 3 : 9);
    for (let index = 0; index < 20; index++) insert.run(team.id, `new-${index}`, at(0.01), index < 16 ? 10 : 5);
    // Written past the services: the monthly rollups the KPI charts read are counted again.
    await createRollups(sharedSqliteStore(db).db).rebuild(team.id);
    actionId = await services.actions.repo.create({
      teamId: team.id,
      title: 'Ring til utilfredse kunder',
      ownerId: owner.userId,
      dueDate: null,
      effectMetric: 'nps',
      createdBy: owner.userId,
    });
    await services.actions.repo.create({
      teamId: team.id,
      title: 'Kortere ventetid',
      ownerId: owner.userId,
      dueDate: '2020-01-01',
      effectMetric: 'nps',
      createdBy: owner.userId,
    });
  });

  async function signIn(email: string): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(e2e.kadence.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    await page.goto(`${e2e.kadence.url}/#/actions`);
    await page.getByRole('heading', { name: 'Actions', exact: true }).waitFor();
    return page;
  }

  it('completes an action in the tracker, the lead sees it live, and the effect chart shows the markers', async () => {
    const lead = await signIn('lea@example.dk');
    const errors: string[] = [];
    lead.on('pageerror', (error) => errors.push(error.message));
    await lead.getByRole('heading', { name: 'Actions of the teams you lead' }).waitFor();
    const leadRow = lead.locator(`tr[data-action="${actionId}"]`);
    await leadRow.getByText('Open', { exact: true }).waitFor();
    // The overdue one is highlighted with its label.
    await lead.locator('tr.overdue').getByText('Overdue').waitFor();
    expect(await seriousAxeViolations(lead)).toEqual([]);

    const owner = await signIn('ole@example.dk');
    await owner.getByRole('link', { name: 'Kortere ventetid' }).first().waitFor();
    const ownerRow = owner.locator(`tr[data-action="${actionId}"]`);
    await ownerRow.getByRole('button', { name: 'Mark done' }).click();
    await ownerRow.getByText('Done', { exact: true }).waitFor();

    // No reload on the lead's side: the socket event brings the change.
    await leadRow.getByText('Done', { exact: true }).waitFor();

    await owner.getByRole('link', { name: 'Ring til utilfredse kunder' }).click();
    await owner.getByRole('heading', { name: 'Ring til utilfredse kunder' }).waitFor();
    await owner.getByRole('img', { name: /NPS per month/ }).waitFor();
    expect(await owner.locator('[data-marker="decided"]').count()).toBe(2);
    expect(await owner.locator('[data-marker="done"]').count()).toBe(1);
    await owner.locator('[data-verdict]').waitFor();
    await owner.locator('ul.markers li', { hasText: 'Completed: Ring til utilfredse kunder' }).waitFor();
    expect(await seriousAxeViolations(owner)).toEqual([]);

    await owner.getByLabel('Progress note').fill('Ringede til 12 kunder');
    await owner.getByRole('button', { name: 'Add note' }).click();
    await owner.getByText('Ringede til 12 kunder').waitFor();

    // The lead re-dates the overdue one from its page; the owner's edit form has no owner or due fields.
    await lead.getByRole('link', { name: 'Kortere ventetid' }).click();
    await lead.getByText('Edit', { exact: true }).click();
    await lead.getByLabel('Due date').fill('2099-05-01');
    await lead.getByRole('button', { name: 'Save' }).click();
    await lead.getByText('Due: 1 May 2099').waitFor();
    expect(await seriousAxeViolations(lead)).toEqual([]);
    await owner.getByText('Edit', { exact: true }).click();
    await owner.getByLabel('Title').waitFor();
    expect(await owner.getByLabel('Due date').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  it('in the next meeting’s follow-up step, the facilitator marks another action done on the board', async () => {
    const meetingId = await makeMeeting(
      e2e.kadence.app,
      'kundeservice',
      [{ comment: 'Hurtig hjælp', score: 9 }],
      [{ key: 'followup', name: DEFAULT_STEP_NAMES.en.followup, minutes: 10 }, ...AGENDA],
    );
    const lead = await signIn('lea@example.dk');
    const errors: string[] = [];
    lead.on('pageerror', (error) => errors.push(error.message));
    await lead.goto(`${e2e.kadence.url}/#/teams/kundeservice/meetings/${meetingId}/live`);
    await lead.getByRole('button', { name: 'Start meeting' }).click();
    const followUp = lead.locator('section[aria-labelledby="followup-title"]');
    await followUp.getByRole('heading', { name: 'Last month’s actions' }).waitFor();
    const item = followUp.locator('li').filter({ hasText: 'Kortere ventetid' });
    await item.getByRole('button', { name: 'Mark done' }).click();
    await lead.getByTestId('follow-up-log').getByText('Kortere ventetid: Open → Done (Lea Lead)').waitFor();
    expect(await seriousAxeViolations(lead)).toEqual([]);
    const stored = e2e.kadence.app.db
      .prepare(`SELECT count(*) AS n FROM meeting_events WHERE meeting_id = ? AND type = 'action.status'`)
      .get(meetingId) as { n: number };
    expect(stored.n).toBe(1);
    expect(e2e.kadence.app.db.prepare(`SELECT status FROM actions WHERE title = 'Kortere ventetid'`).get()).toEqual({
      status: 'done',
    });

    // At check-in the team sees what its completed actions did to the KPI.
    await lead.getByRole('button', { name: 'Next step' }).click();
    const effect = lead.locator('section[aria-label="Ring til utilfredse kunder"]');
    await effect.getByRole('img', { name: /NPS per month/ }).waitFor();
    expect(await effect.locator('[data-marker="done"]').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(lead)).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
