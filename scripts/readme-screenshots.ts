/**
 * `npm run screenshots`: the README's pictures of the hour, taken from the demo. Seeds the demo into
 * a temporary DATA_DIR, starts Kadence on 127.0.0.1 at a free port, holds the Danish team's next
 * review live up to a step, and saves what Chromium shows into docs/images/. Stops what it started.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/open.ts';
import { loadConfig } from '../server/plugins/config.ts';
import { seedDemo } from '../server/seed/index.ts';
import { rehearseNext } from '../server/seed/rehearse.ts';
import { createServices } from '../server/services.ts';
import { sharedSqliteStore } from '../server/db/kysely/store.ts';
import { LiveClient } from '../tests/helpers/meeting.ts';
import { freePort } from '../tests/helpers/server-process.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'images');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TEAM = 'kundeservice';

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the client build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-screenshots-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
  });

  // The demo, and the Danish team's next review started: it stands at check-in.
  const seeding = openDatabase(config.databaseFile);
  const seedServices = createServices(sharedSqliteStore(seeding), { sessionDays: 1, publicUrl: url });
  await seedDemo(seedServices, seeding);
  const meetingId = await rehearseNext(seedServices, seeding, TEAM, 'open', 'open');
  const lastHeld = (await seedServices.meetings.archive(await seedServices.teams.bySlug(TEAM)))[0]?.id;
  seeding.close();

  const app = await buildApp(config, { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const sockets: LiveClient[] = [];
  try {
    const cookieOf = async (email: string) => {
      const user = await app.services.users.byEmail(email);
      if (!user) throw new Error(`no demo user ${email}`);
      return (await app.services.auth.startSession(user.id)).token;
    };
    const open = async (email: string, path: string, viewport = DESKTOP): Promise<Page> => {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport });
      await context.addCookies([{ name: 'kadence_session', value: await cookieOf(email), url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${url}/#/${path}`);
      return page;
    };
    const shoot = async (page: Page, name: string, height?: number) => {
      // Settle: fonts, lazy step views and the chart's first frame.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      const file = join(OUT, `${name}.png`);
      await page.screenshot({
        path: file,
        ...(height ? { fullPage: true, clip: { x: 0, y: 0, width: DESKTOP.width, height } } : {}),
      });
      console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
    };
    mkdirSync(OUT, { recursive: true });

    // Others in the room, over real sockets: presence with a raised hand and a ready mark.
    for (const [email, signal] of [
      ['mette@demo.kadence', 'ready'],
      ['sara@demo.kadence', 'hand'],
      ['peter@demo.kadence', null],
      ['anna@demo.kadence', 'ready'],
    ] as const) {
      const client = new LiveClient(url, {
        cookie: `kadence_session=${await cookieOf(email)}`,
        prefix: email.slice(0, 4),
      });
      sockets.push(client);
      await client.connected();
      await client.join(meetingId);
      if (signal === 'ready') await client.send(meetingId, { type: 'ready.set', ready: true });
      if (signal === 'hand') await client.send(meetingId, { type: 'hand.set', raised: true });
    }

    const live = `teams/${TEAM}/meetings/${meetingId}/live`;
    const facilitator = await open('jonas@demo.kadence', live);
    await facilitator.getByRole('heading').first().waitFor();
    await facilitator.getByRole('heading', { level: 3 }).nth(2).waitFor();
    await shoot(facilitator, 'board-checkin-da', 1200);

    // On to the group step: follow-up, reading with comments, then the theme board.
    await rehearseNext(app.services, app.db, TEAM, 'followup', 'group');
    await facilitator.reload();
    await facilitator.getByText('Størrelser').first().waitFor();
    await shoot(facilitator, 'board-group-da');

    const participant = await open('sara@demo.kadence', live, PHONE);
    await participant.getByText('Størrelser').first().waitFor();
    await shoot(participant, 'board-phone-da');

    const presenter = await open('mette@demo.kadence', `${live}?present`);
    await presenter.getByText('Størrelser').first().waitFor();
    await shoot(presenter, 'board-present-da');

    const archive = await open('mette@demo.kadence', `teams/${TEAM}/archive`);
    await archive.getByRole('link').nth(3).waitFor();
    await shoot(archive, 'archive-da');

    const summary = await open('mette@demo.kadence', `teams/${TEAM}/meetings/${lastHeld}/summary`);
    await summary.getByRole('heading').first().waitFor();
    await shoot(summary, 'summary-da', 1400);
  } finally {
    for (const client of sockets) client.close();
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
