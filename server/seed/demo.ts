import { openDatabase } from '../db/open.ts';
import { loadConfig } from '../plugins/config.ts';
import { createServices } from '../services.ts';
import { seedFeedback } from './feedback.ts';

/** Fills an empty database with a small demo workspace; refuses to touch one already in use. */
async function seed(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.databaseFile);
  try {
    const services = createServices(db, { sessionDays: config.sessionDays, publicUrl: config.publicUrl, defaultLanguage: config.defaultLanguage });
    if (services.users.count() > 0) throw new Error('the database already has accounts; seed:demo only fills an empty one');
    const password = 'kadence-demo';
    await services.users.create({ email: 'mette@demo.kadence', name: 'Mette Lund', password, isAdmin: true });
    await services.users.create({ email: 'jonas@demo.kadence', name: 'Jonas Holm', password });
    await services.users.create({ email: 'sara@demo.kadence', name: 'Sara Nielsen', password });
    await services.users.create({ email: 'peter@demo.kadence', name: 'Peter Madsen', password });
    services.teams.create({ name: 'Kundeservice', slug: 'kundeservice', timezone: 'Europe/Copenhagen' });
    services.teams.addMember('kundeservice', 'mette@demo.kadence', 'lead');
    services.teams.addMember('kundeservice', 'jonas@demo.kadence', 'facilitator');
    services.teams.addMember('kundeservice', 'sara@demo.kadence', 'member');
    services.teams.addMember('kundeservice', 'peter@demo.kadence', 'member');
    services.teams.create({ name: 'Webshop', slug: 'webshop', timezone: 'Europe/Copenhagen' });
    services.teams.addMember('webshop', 'mette@demo.kadence', 'member');
    services.teams.addMember('webshop', 'peter@demo.kadence', 'lead');
    const feedback = seedFeedback(services, 'kundeservice') + seedFeedback(services, 'webshop');
    services.meetings.setCadence({ ...services.teams.bySlug('kundeservice') }, { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60 }, null);
    services.meetings.setCadence({ ...services.teams.bySlug('webshop') }, { rrule: 'FREQ=MONTHLY;BYDAY=-1TH', time: '14:00', durationMinutes: 60 }, null);
    console.log(`${feedback} feedback items over the last twelve months`);
    console.log(`demo workspace ready in ${config.databaseFile}: sign in as mette@demo.kadence / ${password}`);
  } finally {
    db.close();
  }
}

seed().catch((error: unknown) => {
  console.error(`seed:demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
