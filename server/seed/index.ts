import type { Database } from 'better-sqlite3';
import { localDate } from '../../shared/actions.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { createLiveEngine, type LiveEngine } from '../live/engine.ts';
import { liveActions } from '../live/actions.ts';
import type { Services } from '../services.ts';
import { createBackdate, type Backdate } from './backdate.ts';
import { importFeedback, themeOfText } from './feedback.ts';
import { seedPulse } from './pulse.ts';
import { Random } from './random.ts';
import { playReview, type Member } from './review.ts';
import {
  ACTIONS,
  ADMIN_EMAIL,
  DEMO_PASSWORD,
  HELD_REVIEWS,
  REVIEW_THEMES,
  TEAMS,
  type StoryMove,
  type TeamStory,
} from './story.ts';
import { cadenceFor } from './cadence.ts';

const DAY = 86_400_000;

export interface SeededTeam {
  slug: string;
  name: string;
  language: string;
  feedback: number;
  held: number;
  actions: Record<string, number>;
  pulseRounds: number;
  next: { meetingId: number; startsAt: string; cards: number };
}

export interface SeedReport {
  teams: SeededTeam[];
  people: number;
  signIn: { email: string; password: string };
}

/** The day before an instant, as a local date (a decided action's default due date). */
function dayBefore(instant: Date, timezone: string): string {
  const date = new Date(`${localDate(instant, timezone)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** When a tracker move of the story happens: some days after its review, mid-morning. */
const trackerTime = (reviewStart: Date, daysAfter: number) =>
  new Date(reviewStart.getTime() + daysAfter * DAY + 2 * 3_600_000);

/**
 * Plays one team's year: cadence, a year of imported feedback, twelve held reviews with their boards
 * and decisions, the tracker's work between them, the pulse, and the next review prepared.
 */
async function seedTeam(
  services: Services,
  engine: LiveEngine,
  backdate: Backdate,
  story: TeamStory,
  users: Map<string, User>,
  now: Date,
  random: Random,
): Promise<SeededTeam> {
  const lead = users.get(story.people[0]?.email ?? '') as User;
  await services.teams.create({
    name: story.name,
    slug: story.slug,
    timezone: story.timezone,
    language: story.language,
  });
  for (const person of story.people) await services.teams.addMember(story.slug, person.email, person.role);
  const team = await services.teams.bySlug(story.slug);
  const members: Member[] = story.people.map((person) => {
    const user = users.get(person.email) as User;
    return { user, actor: { key: `u:${user.id}`, name: user.name, role: person.role } };
  });
  const at = (slot: number) => members[slot] as Member;

  await services.meetings.setCadence(
    team,
    {
      ...cadenceFor(now, story.nextInDays, story.timezone),
      time: story.time,
      durationMinutes: 60,
      from: localDate(new Date(now.getTime() - 375 * DAY), story.timezone),
    },
    lead.id,
    now,
  );
  const all = await services.meetings.meetings(team);
  const held = all.filter((row) => row.status === 'planned' && row.starts_at <= now.toISOString());
  const next = all.find((row) => row.status === 'planned' && row.starts_at > now.toISOString());
  if (held.length !== HELD_REVIEWS || !next)
    throw new Error(
      `${story.name}: the cadence gave ${held.length} past reviews, expected ${HELD_REVIEWS} and one to come`,
    );

  const starts = held.map((row) => new Date(row.starts_at));
  const bounds = [new Date((starts[0] as Date).getTime() - 30 * DAY), ...starts, now];
  const feedback = await importFeedback(services, team, story.slug, story.language, bounds, random);
  const themeOf = themeOfText(story.language);

  const actionIds = new Map<number, number>();
  const owner = (index: number) => at(ACTIONS[index]?.owner ?? 0);
  const moves = (where: (move: StoryMove) => boolean) =>
    ACTIONS.flatMap((action, index) =>
      action.moves.filter(where).map((move) => ({ index, move, actionId: actionIds.get(index) as number, action })),
    );

  for (let review = 0; review < held.length; review++) {
    const row = held[review] as (typeof held)[number];
    const startsAt = starts[review] as Date;
    await services.meetings.propose(team, row.id);
    // Someone is away most months; the lead and the facilitator always come.
    const away = new Set([
      review % 3 === 0 ? -1 : 2 + (review % (members.length - 2)),
      review % 4 === 1 ? members.length - 1 : -1,
    ]);
    const attendees = members.filter((_, slot) => !away.has(slot));
    const present = (member: Member) => attendees.includes(member);
    const followUps = moves((move) => 'step' in move.at && move.at.review === review).map(
      ({ index, move, actionId }) => ({
        actionId,
        move,
        by: present(owner(index)) ? owner(index) : at(1),
      }),
    );
    const decisions = ACTIONS.flatMap((action, index) =>
      action.review === review ? [{ action, owner: owner(index), index }] : [],
    );
    const nextStart = review + 1 < starts.length ? (starts[review + 1] as Date) : new Date(next.starts_at);
    const decided = await playReview({
      engine,
      backdate,
      language: story.language,
      meetingId: row.id,
      startsAt,
      dueDate: dayBefore(nextStart, story.timezone),
      attendees,
      facilitator: at(1),
      themes: REVIEW_THEMES[review] ?? [],
      decisions,
      followUps,
      themeOf,
      random,
    });
    decisions.forEach((decision, position) => actionIds.set(decision.index, decided[position] as number));
    // Notes said on the board are written into the tracker by their owners afterwards.
    for (const { actionId, move, by } of followUps) {
      if (!move.note) continue;
      await services.actions.addNote(by.user, actionId, move.note[story.language]);
      backdate.changed(actionId, new Date(startsAt.getTime() + 61 * 60_000));
    }
    // Between reviews, owners move their actions in the tracker.
    const tracker = moves((move) => 'daysAfter' in move.at && move.at.review === review).sort(
      (a, b) =>
        ('daysAfter' in a.move.at ? a.move.at.daysAfter : 0) - ('daysAfter' in b.move.at ? b.move.at.daysAfter : 0),
    );
    for (const { index, move, actionId } of tracker) {
      const when = trackerTime(startsAt, 'daysAfter' in move.at ? move.at.daysAfter : 0);
      await services.actions.changeStatus(owner(index).user, actionId, move.to, {
        reason: move.reason?.[story.language],
        note: move.note?.[story.language],
      });
      backdate.changed(actionId, when);
    }
  }

  await services.meetings.propose(team, next.id);
  backdate.prepared(next.id, new Date(now.getTime() - 3_600_000));
  const pulse = await seedPulse(services, backdate, {
    slug: story.slug,
    language: story.language,
    timezone: story.timezone,
    lead,
    members: members.map((member) => member.user),
    now,
    random,
  });
  const counts: Record<string, number> = {};
  for (const action of (await services.actions.list(lead, { team: story.slug }, now)).actions) {
    const key = action.dueState === 'overdue' ? `${action.status} (overdue)` : action.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return {
    slug: story.slug,
    name: story.name,
    language: story.language,
    feedback,
    held: held.length,
    actions: counts,
    pulseRounds: pulse.closed + pulse.open,
    next: {
      meetingId: next.id,
      startsAt: next.starts_at,
      cards: (await services.meetings.board(team, next.id)).cards.length,
    },
  };
}

/**
 * Fills an empty workspace with the demo: people, a Danish and an English team, each with a year of
 * held monthly reviews, their actions and effects, pulse rounds and the next review prepared.
 * Refuses a database that already has accounts, so it never mixes the demo into real data.
 */
export async function seedDemo(services: Services, db: Database, now = new Date()): Promise<SeedReport> {
  if ((await services.users.count()) > 0)
    throw new Error(
      'the database already has accounts; seed:demo only fills an empty one (point DATA_DIR at an empty folder)',
    );
  const engine = createLiveEngine({ store: services.store, ...liveActions(services) });
  const backdate = createBackdate(db);
  const users = new Map<string, User>();
  for (const person of TEAMS.flatMap((team) => team.people)) {
    if (users.has(person.email)) continue;
    users.set(
      person.email,
      await services.users.create({
        email: person.email,
        name: person.name,
        password: DEMO_PASSWORD,
        isAdmin: person.email === ADMIN_EMAIL,
      }),
    );
  }
  const random = new Random(20_261_202);
  const teams: SeededTeam[] = [];
  // Thousands of small commits: while the demo is being made nobody relies on them, so they skip the
  // fsync each (a crash leaves a folder to delete and seed again); full durability returns after.
  db.pragma('synchronous = OFF');
  try {
    for (const story of TEAMS) teams.push(await seedTeam(services, engine, backdate, story, users, now, random));
    await engine.settle();
  } finally {
    db.pragma('synchronous = FULL');
  }
  return { teams, people: users.size, signIn: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } };
}
