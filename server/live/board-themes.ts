import { applyMeetingEvent, initialState, type MeetingState } from '../../shared/meeting/index.ts';
import type { LiveRepo } from './repo.ts';
import type { LiveStoreRepo } from './store-repo.ts';

/** One card or comment that a meeting's board grouped into a theme. */
export interface BoardPlacement {
  meetingId: number;
  kind: 'card' | 'comment';
  /** The card's id (its feedback item's id) or the comment's. */
  id: string;
  /** The feedback item the card shows, or the one the comment was written on. */
  feedbackId: number;
  /** The team's theme (themes table) as the board knew it; merges are resolved by the reader. */
  themeId: number;
}

function placementsOf(state: MeetingState): BoardPlacement[] {
  const found: BoardPlacement[] = [];
  for (const card of Object.values(state.cards)) {
    if (card.themeId !== null)
      found.push({
        meetingId: state.meetingId,
        kind: 'card',
        id: card.id,
        feedbackId: Number(card.id),
        themeId: card.themeId,
      });
  }
  for (const comment of Object.values(state.comments)) {
    if (comment.themeId !== null && !comment.private)
      found.push({
        meetingId: state.meetingId,
        kind: 'comment',
        id: comment.id,
        feedbackId: Number(comment.cardId),
        themeId: comment.themeId,
      });
  }
  return found.filter((placement) => Number.isSafeInteger(placement.feedbackId));
}

/**
 * What a team's boards grouped, read from the meeting logs with the one meeting reducer: the latest
 * snapshot plus the tail. Reads only. The
 * result per meeting is kept with the seq it was folded at, so an unchanged meeting is not folded
 * again; a meeting that moved on (in this process or another) is, since its seq is read each time.
 */
export function createBoardThemes(
  repo: Pick<LiveRepo, 'boardMeetingIds' | 'latestSnapshot'>,
  log: Pick<LiveStoreRepo, 'maxSeq' | 'eventsAfter'>,
) {
  const folded = new Map<number, { seq: number; placements: BoardPlacement[] }>();

  async function fold(meetingId: number): Promise<MeetingState> {
    let state = (await repo.latestSnapshot(meetingId)) ?? initialState(meetingId);
    for (const event of await log.eventsAfter(meetingId, state.seq)) state = applyMeetingEvent(state, event);
    return state;
  }

  return {
    async placements(teamId: number): Promise<BoardPlacement[]> {
      const found: BoardPlacement[] = [];
      for (const meetingId of await repo.boardMeetingIds(teamId)) {
        const seq = await log.maxSeq(meetingId);
        const known = folded.get(meetingId);
        if (known && known.seq === seq) {
          found.push(...known.placements);
          continue;
        }
        const placements = placementsOf(await fold(meetingId));
        folded.set(meetingId, { seq, placements });
        found.push(...placements);
      }
      return found;
    },
  };
}
export type BoardThemes = ReturnType<typeof createBoardThemes>;
