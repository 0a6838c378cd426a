import { localDate } from '../../shared/actions.ts';
import type { Language } from '../../shared/language.ts';
import { quarterOf } from '../../shared/pulse.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { Services } from '../services.ts';
import type { Backdate } from './backdate.ts';
import type { Random } from './random.ts';

const COMMENTS: Record<Language, string[]> = {
  da: [
    'Opfølgningen hver måned gør en forskel',
    'Jeg savner tid til at ringe kunderne op',
    'Vi ser nu, hvad vores handlinger betyder for kunderne',
    'Ledelsen kunne være mere med på gulvet',
  ],
  en: [
    'The monthly follow-up makes a difference',
    'I miss time to call customers back',
    'We now see what our actions mean for customers',
    'Management could be on the floor more',
  ],
};

const DAY = 86_400_000;

/**
 * The team's quarterly pulse through the pulse service: four closed rounds, each answered by
 * everyone asked (above the anonymity threshold) and a little more in agreement each quarter, and
 * the current quarter's round still open with some answers in (the lead has not answered yet).
 */
export async function seedPulse(
  services: Services,
  backdate: Backdate,
  input: { slug: string; language: Language; timezone: string; lead: User; members: User[]; now: Date; random: Random },
): Promise<{ closed: number; open: number }> {
  const { now, random } = input;
  const today = localDate(now, input.timezone);
  const quarterStart = (back: number) => {
    const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - back * 3, 1));
    return start;
  };
  const endsInTwoWeeks = localDate(new Date(now.getTime() + 14 * DAY), input.timezone);
  let closed = 0;
  for (let back = 4; back >= 0; back--) {
    const openedAt = new Date(quarterStart(back).getTime() + 20 * DAY + 9 * 3_600_000);
    const current = back === 0 || openedAt > now;
    const round = await services.pulse.openRound(input.lead, {
      quarter: quarterOf(openedAt > now ? now : openedAt),
      teams: [input.slug],
      endsOn: current ? endsInTwoWeeks : today,
    });
    const statements =
      (await services.pulse.rounds(input.lead, input.slug)).find((entry) => entry.id === round.id)?.statements ?? [];
    const answering = current ? input.members.filter((user) => user.id !== input.lead.id).slice(0, 3) : input.members;
    // Agreement grows by about a third of a point a quarter as the reviews take hold.
    const lean = 2.9 + (4 - back) * 0.3;
    for (const user of answering) {
      const answers = statements.map((statement, index) => ({
        statementId: statement.statementId,
        score: Math.max(1, Math.min(5, Math.round(lean + random.between(-1.2, 1.2)))),
        ...(index === 2 && random.chance(0.5) ? { comment: random.pick(COMMENTS[input.language]) } : {}),
      }));
      await services.pulse.answer(user, input.slug, round.id, answers);
    }
    if (current) {
      backdate.round(round.id, openedAt > now ? new Date(now.getTime() - 3 * DAY) : openedAt, endsInTwoWeeks, null);
      continue;
    }
    await services.pulse.closeRound(input.lead, input.slug, round.id);
    const endsOn = localDate(new Date(openedAt.getTime() + 14 * DAY), input.timezone);
    backdate.round(round.id, openedAt, endsOn, new Date(openedAt.getTime() + 15 * DAY));
    closed++;
  }
  return { closed, open: 1 };
}
