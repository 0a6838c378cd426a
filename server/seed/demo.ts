import { openDatabase } from '../db/open.ts';
import { loadConfig } from '../plugins/config.ts';
import { createServices } from '../services.ts';
import { sharedSqliteStore } from '../db/kysely/store.ts';
import { seedDemo } from './index.ts';

/** `npm run seed:demo`: fills an empty DATA_DIR with the demo workspace and says what it made. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    // The demo writes its backdated history straight into the SQLite file.
    throw new Error('seed:demo fills an embedded SQLite database: run it without DATABASE_URL');
  }
  const db = openDatabase(config.databaseFile);
  try {
    const services = createServices(sharedSqliteStore(db), {
      sessionDays: config.sessionDays,
      publicUrl: config.publicUrl,
      defaultLanguage: config.defaultLanguage,
    });
    const started = Date.now();
    const report = await seedDemo(services, db);
    for (const team of report.teams) {
      const actions = Object.entries(team.actions)
        .map(([state, n]) => `${n} ${state}`)
        .join(', ');
      console.log(
        `${team.name} (${team.language}): ${team.feedback} feedback items, ${team.held} held reviews, actions: ${actions}; ${team.pulseRounds} pulse rounds`,
      );
      console.log(
        `  next review ${team.next.startsAt}, prepared with ${team.next.cards} cards: ${config.publicUrl}/#/teams/${team.slug}/meetings/${team.next.meetingId}/live`,
      );
    }
    console.log(
      `${report.people} people, all with the password ${report.signIn.password}; made in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(
      `demo workspace ready in ${config.databaseFile}: sign in as ${report.signIn.email} / ${report.signIn.password} (the admin, lead of Kundeservice)`,
    );
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed:demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
