import type { Database } from 'better-sqlite3';
import { createLiveEngine } from '../live/engine.ts';
import { liveActions } from '../live/actions.ts';
import type { Services } from '../services.ts';
import { createBackdate } from './backdate.ts';
import { themeOfText } from './feedback.ts';
import { Random } from './random.ts';
import { playReview, type Member, type Phase } from './review.ts';
import { NEXT_THEMES, TEAMS } from './story.ts';

/**
 * Holds part of a demo team's next review now, live (for the README's screenshots): the same
 * players as the year's reviews, without dating anything back and without presence, since real
 * sockets join. Returns the meeting's id.
 */
export async function rehearseNext(
  services: Services,
  db: Database,
  slug: string,
  from: Phase,
  until: Phase,
  now = new Date(),
): Promise<number> {
  const story = TEAMS.find((team) => team.slug === slug);
  if (!story) throw new Error(`no demo team ${slug}`);
  const team = await services.teams.bySlug(slug);
  const next = (await services.meetings.meetings(team)).find(
    (row) => row.status !== 'ended' && row.starts_at > now.toISOString(),
  );
  if (!next) throw new Error(`${story.name} has no review to come`);
  const members: Member[] = [];
  for (const person of story.people) {
    const user = await services.users.byEmail(person.email);
    if (!user) throw new Error(`no demo user ${person.email}`);
    members.push({ user, actor: { key: `u:${user.id}`, name: user.name, role: person.role } });
  }
  await playReview({
    engine: createLiveEngine({ store: services.store, ...liveActions(services) }),
    backdate: createBackdate(db),
    language: story.language,
    meetingId: next.id,
    startsAt: now,
    dueDate: new Date(Date.parse(next.starts_at) + 27 * 86_400_000).toISOString().slice(0, 10),
    attendees: members.slice(0, 5),
    facilitator: members[1] as Member,
    themes: NEXT_THEMES,
    decisions: [],
    followUps: [],
    themeOf: themeOfText(story.language),
    random: new Random(12),
    from,
    until,
    join: false,
  });
  return next.id;
}
