import { emptyMap, own, type Card, type Comment, type MeetingState, type Participant, type Theme } from './state.ts';

/** The board's keyed collections: a patch names the entries that changed instead of sending the whole map. */
interface Entries {
  cards: Card;
  comments: Comment;
  themes: Theme;
  votes: Record<string, number>;
  participants: Participant;
}
type EntryKey = keyof Entries;
type Field = Exclude<keyof MeetingState, EntryKey>;
type OptionalField = 'writing' | 'ratings';
const OPTIONAL_FIELDS: readonly OptionalField[] = ['writing', 'ratings'];
/** Every other field of the state; the compiler checks that the list is complete. */
const FIELD_SET: Record<Exclude<Field, OptionalField>, true> = {
  meetingId: true,
  seq: true,
  status: true,
  steps: true,
  stepIndex: true,
  timer: true,
  facilitator: true,
  authorsShown: true,
  revealed: true,
  voteLimit: true,
  votesRevealed: true,
  focusThemeId: true,
  decisions: true,
  followUps: true,
  summary: true,
};
const FIELDS = Object.keys(FIELD_SET) as Exclude<Field, OptionalField>[];

export interface EntryPatch<T> {
  set?: Record<string, T>;
  remove?: string[];
}

/**
 * How one viewer's projection differs from what they can fold themselves: the fields replaced whole,
 * the fields gone, and the map entries set or removed. Built only from the target projection, so it
 * carries nothing the viewer may not see.
 */
export interface StatePatch {
  fields?: Partial<Pick<MeetingState, Field>>;
  unset?: OptionalField[];
  entries?: { [K in EntryKey]?: EntryPatch<Entries[K]> };
}

/** Structural equality of JSON values (what the state is made of); key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

function diffEntries<T>(from: Record<string, T>, to: Record<string, T>): EntryPatch<T> | undefined {
  const set = emptyMap<T>();
  const remove: string[] = [];
  for (const [id, value] of Object.entries(to)) if (!sameJson(own(from, id), value)) set[id] = value;
  for (const id of Object.keys(from)) if (!Object.hasOwn(to, id)) remove.push(id);
  const changed = Object.keys(set).length > 0;
  if (!changed && remove.length === 0) return undefined;
  return { ...(changed ? { set } : {}), ...(remove.length > 0 ? { remove } : {}) };
}

/** What turns `from` into `to`: applying the result to `from` gives a state equal to `to`. */
export function diffStates(from: MeetingState, to: MeetingState): StatePatch {
  const fields: Partial<Pick<MeetingState, Field>> = {};
  const unset: OptionalField[] = [];
  const field = <K extends Field>(key: K) => {
    if (!sameJson(from[key], to[key])) fields[key] = to[key];
  };
  for (const key of FIELDS) field(key);
  for (const key of OPTIONAL_FIELDS) {
    if (to[key] === undefined) {
      if (from[key] !== undefined) unset.push(key);
    } else field(key);
  }
  const entries: NonNullable<StatePatch['entries']> = {};
  const cards = diffEntries(from.cards, to.cards);
  if (cards) entries.cards = cards;
  const comments = diffEntries(from.comments, to.comments);
  if (comments) entries.comments = comments;
  const themes = diffEntries(from.themes, to.themes);
  if (themes) entries.themes = themes;
  const votes = diffEntries(from.votes, to.votes);
  if (votes) entries.votes = votes;
  const participants = diffEntries(from.participants, to.participants);
  if (participants) entries.participants = participants;
  return {
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(unset.length > 0 ? { unset } : {}),
    ...(Object.keys(entries).length > 0 ? { entries } : {}),
  };
}

function patchEntries<T>(map: Record<string, T>, patch: EntryPatch<T> | undefined): Record<string, T> {
  if (!patch) return map;
  const next = emptyMap<T>();
  for (const [id, value] of Object.entries(map)) next[id] = value;
  for (const id of patch.remove ?? []) delete next[id];
  for (const [id, value] of Object.entries(patch.set ?? {})) next[id] = value;
  return next;
}

/** Applies a patch from `diffStates`; pure, and the maps it builds have no prototype. */
export function applyPatch(state: MeetingState, patch: StatePatch): MeetingState {
  const next: MeetingState = { ...state, ...patch.fields };
  for (const field of patch.unset ?? []) delete next[field];
  const entries = patch.entries ?? {};
  return {
    ...next,
    cards: patchEntries(next.cards, entries.cards),
    comments: patchEntries(next.comments, entries.comments),
    themes: patchEntries(next.themes, entries.themes),
    votes: patchEntries(next.votes, entries.votes),
    participants: patchEntries(next.participants, entries.participants),
  };
}
