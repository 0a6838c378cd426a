import type { Services } from '../services.ts';

const COMMENTS = {
  good: ['Hurtig levering og venlig hjælp', 'Super god service i butikken', 'Fast delivery and friendly staff', 'Medarbejderen gik den ekstra mil – tak!', 'Easy to return an item', 'Nem bestilling på appen'],
  neutral: ['Helt okay, men ventetiden i telefonen var lang', 'Fine, nothing special', 'Varen var god, fragten dyr', 'The app works, but checkout is slow'],
  bad: ['Pakken kom aldrig, og ingen svarede på min mail', 'Rude answer from support', 'Fakturaen var forkert – igen', 'Appen lukker når jeg betaler', 'Waited 40 minutes in the queue'],
};
const SOURCES = ['trustpilot', 'webshop', 'app-store', 'butik'];

/** A year of believable feedback for one team, improving slowly: what a demo review looks at. */
export function seedFeedback(services: Services, slug: string, now = new Date()): number {
  const team = services.teams.bySlug(slug);
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const items = [];
  for (let monthsBack = 11; monthsBack >= 0; monthsBack--) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
    const lift = (11 - monthsBack) * 0.02;
    for (let index = 0; index < 30; index++) {
      const day = 1 + Math.floor(random() * 27);
      const received = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), day, 8 + Math.floor(random() * 9), Math.floor(random() * 60)));
      if (received > now) continue;
      const roll = random() + lift;
      const csat = index % 3 === 0;
      const score = csat ? (roll > 0.75 ? 5 : roll > 0.55 ? 4 : roll > 0.4 ? 3 : roll > 0.2 ? 2 : 1) : roll > 0.6 ? 9 + Math.round(random()) : roll > 0.35 ? 7 + Math.round(random()) : Math.floor(random() * 7);
      const mood = (csat ? score >= 4 : score >= 9) ? 'good' : (csat ? score === 3 : score >= 7) ? 'neutral' : 'bad';
      const texts = COMMENTS[mood];
      items.push({
        id: `demo-${slug}-${monthsBack}-${index}`,
        receivedAt: received.toISOString(),
        metric: csat ? ('csat' as const) : ('nps' as const),
        score,
        comment: texts[Math.floor(random() * texts.length)] ?? null,
        source: SOURCES[index % SOURCES.length] ?? null,
        customer: `kunde${Math.floor(random() * 400)}@demo.kadence`,
      });
    }
  }
  let imported = 0;
  for (let start = 0; start < items.length; start += 1000) imported += services.imports.ingestBatch(team, items.slice(start, start + 1000)).imported;
  return imported;
}
