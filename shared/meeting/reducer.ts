import { applyPatch } from './patch.ts';
import { REACTIONS } from './reactions.ts';
import {
  ANONYMOUS,
  emptyMap,
  own,
  withKey,
  type Card,
  type Comment,
  type MeetingEvent,
  type MeetingState,
  type Participant,
} from './state.ts';

/**
 * Applies one accepted event. Pure: the input state is never changed, touched collections are copied.
 * It trusts the event (the server checked it), so server and clients fold the same log to the same
 * state; the order of `seq` decides every conflict (the later move of a card wins).
 */
export function applyMeetingEvent(state: MeetingState, event: MeetingEvent): MeetingState {
  const next = reduce(state, event);
  return event.type === 'snapshot' ? next : { ...next, seq: event.seq };
}

function reduce(s: MeetingState, e: MeetingEvent): MeetingState {
  const actor = e.actor.key;
  switch (e.type) {
    case 'snapshot':
      return e.payload.state;
    case 'change': {
      const inner = { ...e.payload.event, seq: e.seq, opId: e.opId, at: e.at, actor: e.actor } as MeetingEvent;
      return applyPatch(reduce(s, inner), e.payload.patch);
    }
    case 'hidden':
      return e.payload.writing ? { ...s, writing: e.payload.writing } : s;
    case 'meeting.start': {
      const cards = emptyMap<Card>();
      for (const card of e.payload.cards) cards[card.id] = { ...card, themeId: null, reactions: {}, flags: [] };
      const first = e.payload.steps[0];
      return {
        ...s,
        status: 'live',
        steps: e.payload.steps,
        stepIndex: 0,
        timer: { durationMs: (first?.minutes ?? 0) * 60_000, runningSince: null, elapsedMs: 0 },
        facilitator: actor,
        cards,
      };
    }
    case 'meeting.end':
      return { ...s, status: 'ended', summary: e.payload.summary, timer: pause(s.timer, e.at) };
    case 'presence.join': {
      const known = own(s.participants, actor);
      const participant: Participant = known
        ? { ...known, name: e.actor.name, role: e.actor.role, connections: known.connections + 1 }
        : {
            key: actor,
            name: e.actor.name,
            role: e.actor.role,
            connections: 1,
            ready: false,
            hand: false,
            handAt: null,
          };
      return { ...s, participants: withKey(s.participants, actor, participant) };
    }
    case 'presence.leave':
      return patchParticipant(s, actor, (p) => ({ connections: Math.max(0, p.connections - 1) }));
    case 'presence.reset': {
      const participants = emptyMap<Participant>();
      for (const [key, p] of Object.entries(s.participants)) participants[key] = { ...p, connections: 0 };
      return { ...s, participants };
    }
    case 'ready.set':
      return patchParticipant(s, actor, () => ({ ready: e.payload.ready }));
    case 'hand.set':
      return patchParticipant(s, actor, () => ({ hand: e.payload.raised, handAt: e.payload.raised ? e.at : null }));
    case 'comment.add': {
      // The server names the comment (opIds are only unique per person); old logs used the opId.
      const comment: Comment = {
        id: e.payload.commentId ?? e.opId,
        cardId: e.payload.cardId,
        author: actor === '' ? null : actor,
        authorName: actor === '' ? null : e.actor.name,
        text: e.payload.text,
        private: !s.revealed && s.steps[s.stepIndex]?.key === 'read',
        themeId: null,
        at: e.at,
      };
      const next = { ...s, comments: withKey(s.comments, comment.id, comment) };
      return comment.private ? { ...next, writing: countWriting(s.writing, actor, 1) } : next;
    }
    case 'comment.delete': {
      const gone = own(s.comments, e.payload.commentId);
      const comments = withKey(s.comments, e.payload.commentId, undefined);
      return gone?.private && gone.author !== null
        ? { ...s, comments, writing: countWriting(s.writing, gone.author, -1) }
        : { ...s, comments };
    }
    case 'comments.reveal':
      return reveal(s);
    case 'card.react':
      return patchCard(s, e.payload.cardId, (card) => {
        const who = card.reactions[e.payload.reaction] ?? [];
        return { reactions: { ...card.reactions, [e.payload.reaction]: toggle(who, actor, e.payload.on) } };
      });
    case 'card.flag':
      return patchCard(s, e.payload.cardId, (card) => ({ flags: toggle(card.flags, actor, e.payload.on) }));
    case 'card.marks': {
      const { reactions: totals, flags } = e.payload;
      return patchCard(s, e.payload.cardId, (card) => {
        const reactions: Card['reactions'] = {};
        for (const reaction of REACTIONS) {
          const list = refill(card.reactions[reaction] ?? [], totals[reaction] ?? 0);
          if (list.length > 0) reactions[reaction] = list;
        }
        return { reactions, flags: refill(card.flags, flags) };
      });
    }
    case 'theme.create': {
      const order = Object.keys(s.themes).length;
      return {
        ...s,
        themes: withKey(s.themes, e.payload.themeId, { id: e.payload.themeId, name: e.payload.name, order }),
      };
    }
    case 'theme.rename': {
      const theme = own(s.themes, e.payload.themeId);
      return theme ? { ...s, themes: withKey(s.themes, theme.id, { ...theme, name: e.payload.name }) } : s;
    }
    case 'theme.merge':
      return mergeThemes(s, e.payload.from, e.payload.into);
    case 'theme.split': {
      const order = Object.keys(s.themes).length;
      let next: MeetingState = {
        ...s,
        themes: withKey(s.themes, e.payload.newThemeId, { id: e.payload.newThemeId, name: e.payload.name, order }),
      };
      for (const item of e.payload.items) next = moveItem(next, item.kind, item.id, e.payload.newThemeId);
      return next;
    }
    case 'theme.accept': {
      const { themeId, name, items } = e.payload;
      const order = Object.keys(s.themes).length;
      let next: MeetingState = own(s.themes, themeId)
        ? s
        : { ...s, themes: withKey(s.themes, themeId, { id: themeId, name, order }) };
      for (const item of items) next = moveItem(next, item.kind, item.id, themeId);
      return next;
    }
    case 'item.move':
      return moveItem(s, e.payload.item.kind, e.payload.item.id, e.payload.themeId);
    case 'vote.cast': {
      const mine = own(s.votes, actor) ?? emptyMap<number>();
      const dots = Math.max(0, (own(mine, e.payload.themeId) ?? 0) + e.payload.delta);
      return { ...s, votes: withKey(s.votes, actor, withKey(mine, e.payload.themeId, dots === 0 ? undefined : dots)) };
    }
    case 'vote.limit':
      return { ...s, voteLimit: e.payload.limit };
    case 'focus.set':
      return { ...s, focusThemeId: e.payload.themeId };
    case 'action.decide':
      return {
        ...s,
        decisions: [
          ...s.decisions,
          {
            actionId: e.payload.actionId,
            title: e.payload.title,
            ownerId: e.payload.ownerId,
            ownerName: e.payload.ownerName,
            dueDate: e.payload.dueDate,
            themeId: e.payload.themeId,
            commentIds: e.payload.commentIds,
            cardIds: e.payload.cardIds,
            at: e.at,
          },
        ],
      };
    case 'action.status':
      // Snapshots from before follow-ups were recorded have no list yet.
      return {
        ...s,
        followUps: [
          ...(s.followUps ?? []),
          {
            actionId: e.payload.actionId,
            title: e.payload.title,
            from: e.payload.from,
            to: e.payload.to,
            by: e.actor.name,
            at: e.at,
          },
        ],
      };
    case 'step.go':
      return goToStep(s, e.payload.index);
    case 'timer.start':
      return s.timer.runningSince === null ? { ...s, timer: { ...s.timer, runningSince: e.at } } : s;
    case 'timer.pause':
      return { ...s, timer: pause(s.timer, e.at) };
    case 'timer.extend':
      return { ...s, timer: { ...s.timer, durationMs: s.timer.durationMs + e.payload.seconds * 1000 } };
    case 'facilitator.handover':
      return { ...s, facilitator: e.payload.to };
    case 'facilitator.claim':
      return { ...s, facilitator: actor };
    case 'meeting.rate':
      return { ...s, ratings: { ...(s.ratings ?? {}), [actor]: e.payload.score } };
    case 'authors.show':
      return { ...s, authorsShown: e.payload.shown };
  }
}

/**
 * A viewer's list after an anonymous total: the keys it knows (only ever its own, since others arrive
 * as ANONYMOUS) stay, and anonymous entries make up the rest of the total.
 */
function refill(list: string[], total: number): string[] {
  const known = list.filter((key) => key !== ANONYMOUS);
  return [...known, ...Array.from({ length: Math.max(0, total - known.length) }, () => ANONYMOUS)];
}

const toggle = (list: string[], key: string, on: boolean): string[] =>
  on ? (list.includes(key) ? list : [...list, key]) : list.filter((k) => k !== key);

const pause = (timer: MeetingState['timer'], at: number): MeetingState['timer'] =>
  timer.runningSince === null
    ? timer
    : { ...timer, runningSince: null, elapsedMs: timer.elapsedMs + Math.max(0, at - timer.runningSince) };

function patchParticipant(s: MeetingState, key: string, patch: (p: Participant) => Partial<Participant>): MeetingState {
  const p = own(s.participants, key);
  return p ? { ...s, participants: withKey(s.participants, key, { ...p, ...patch(p) }) } : s;
}

function patchCard(s: MeetingState, id: string, patch: (card: Card) => Partial<Card>): MeetingState {
  const card = own(s.cards, id);
  return card ? { ...s, cards: withKey(s.cards, id, { ...card, ...patch(card) }) } : s;
}

function moveItem(s: MeetingState, kind: 'card' | 'comment', id: string, themeId: number | null): MeetingState {
  if (themeId !== null && !own(s.themes, themeId)) return s;
  if (kind === 'card') return patchCard(s, id, () => ({ themeId }));
  const comment = own(s.comments, id);
  return comment ? { ...s, comments: withKey(s.comments, id, { ...comment, themeId }) } : s;
}

function reveal(s: MeetingState): MeetingState {
  const comments = emptyMap<Comment>();
  for (const [id, c] of Object.entries(s.comments)) comments[id] = c.private ? { ...c, private: false } : c;
  return { ...s, revealed: true, comments, writing: {} };
}

function countWriting(writing: MeetingState['writing'], key: string, delta: number): Record<string, number> {
  const next = Object.assign(emptyMap<number>(), writing);
  const count = Math.max(0, (own(next, key) ?? 0) + delta);
  if (count === 0) delete next[key];
  else next[key] = count;
  return next;
}

function mergeThemes(s: MeetingState, from: number, into: number): MeetingState {
  if (from === into || !own(s.themes, from) || !own(s.themes, into)) return s;
  const themes = withKey(s.themes, from, undefined);
  const cards = emptyMap<Card>();
  for (const [id, c] of Object.entries(s.cards)) cards[id] = c.themeId === from ? { ...c, themeId: into } : c;
  const comments = emptyMap<Comment>();
  for (const [id, c] of Object.entries(s.comments)) comments[id] = c.themeId === from ? { ...c, themeId: into } : c;
  const votes = emptyMap<Record<string, number>>();
  for (const [key, byTheme] of Object.entries(s.votes)) {
    const dots = own(byTheme, from);
    votes[key] =
      dots === undefined ? byTheme : withKey(withKey(byTheme, from, undefined), into, (own(byTheme, into) ?? 0) + dots);
  }
  const focusThemeId = s.focusThemeId === from ? into : s.focusThemeId;
  return { ...s, themes, cards, comments, votes, focusThemeId };
}

function goToStep(s: MeetingState, index: number): MeetingState {
  const step = s.steps[index];
  if (!step) return s;
  const leaving = s.steps[s.stepIndex];
  let next: MeetingState = {
    ...s,
    stepIndex: index,
    timer: { durationMs: step.minutes * 60_000, runningSince: null, elapsedMs: 0 },
  };
  // Leaving the reading step reveals private writing; leaving voting reveals the votes.
  if (leaving?.key === 'read' && index !== s.stepIndex && !s.revealed) next = reveal(next);
  if (leaving?.key === 'vote' && index !== s.stepIndex) next = { ...next, votesRevealed: true };
  const participants = emptyMap<Participant>();
  for (const [key, p] of Object.entries(next.participants)) participants[key] = p.ready ? { ...p, ready: false } : p;
  return { ...next, participants };
}
