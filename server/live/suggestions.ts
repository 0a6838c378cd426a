import { ErrorCode } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import {
  currentStep,
  projectState,
  type Actor,
  type ItemRef,
  type ThemeSuggestions,
} from '../../shared/meeting/index.ts';
import { own } from '../../shared/meeting/state.ts';
import { redact } from '../../shared/redact.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { createThemesRepo } from '../themes/repo.ts';
import type { SuggestItem } from '../themes/suggest.ts';
import { suggestThemesOffLoop } from '../themes/worker-runner.ts';
import type { LiveEngine } from './engine.ts';

/** Item ids as the suggestion engine sees them: one namespace for cards and comments. */
const itemId = (ref: ItemRef): string => `${ref.kind === 'card' ? 'k' : 'c'}:${ref.id}`;
const itemRef = (id: string): ItemRef => ({ kind: id.startsWith('k:') ? 'card' : 'comment', id: id.slice(2) });

const SUGGEST_STEPS = new Set(['read', 'group']);

/**
 * Suggested themes for one viewer of a live board. Built from that viewer's projection only, so no
 * one's private writing ever reaches another person's suggestions; texts are masked again before they
 * become terms. Items already in a theme are left out: suggestions are for what is still ungrouped.
 * The answer goes to the asker alone (a socket acknowledgement): nothing is applied or broadcast, so a
 * participant's suggestions stay theirs; only the facilitator's `theme.accept` goes through the log.
 */
export function createLiveSuggestions(store: Pick<Store, 'db'>, engine: LiveEngine) {
  const themes = createThemesRepo(store.db);
  const teamLanguage = async (teamId: number) =>
    (await store.db.selectFrom('teams').select('language').where('id', '=', teamId).executeTakeFirst())?.language;

  return {
    async suggest(meetingId: number, actor: Actor, cardIds: readonly string[] | undefined): Promise<ThemeSuggestions> {
      const row = await engine.meeting(meetingId);
      const state = await engine.state(meetingId);
      // While reading too, so a person can see how the cards in front of them fall together.
      if (state.status !== 'live' || !SUGGEST_STEPS.has(currentStep(state)?.key ?? ''))
        throw new AppError(ErrorCode.CONFLICT, 'Themes are suggested in the reading and group steps of a live meeting');
      if (actor.role === 'observer') throw forbidden('Observers can follow the meeting but not group it');
      const isFacilitator = state.facilitator === actor.key;
      if (!isFacilitator && cardIds === undefined)
        throw forbidden('Only the facilitator can ask for suggestions for the whole board');
      const view = projectState(state, actor.key);
      const wanted = cardIds === undefined ? null : new Set(cardIds);
      // Only cards of this meeting, as this person sees it: a card of another meeting is refused the
      // same way as one that never existed, so the answer tells nothing about other boards.
      for (const id of wanted ?? []) if (own(view.cards, id) === undefined) throw notFound('A card of this meeting');
      const cards = Object.values(view.cards).filter((card) => wanted === null || wanted.has(card.id));
      const onCards = new Set(cards.map((card) => card.id));
      const items: SuggestItem[] = [];
      for (const card of cards) {
        if (card.themeId !== null) continue;
        const text = [card.title, card.quote].filter((part) => part !== null && part.trim() !== '').join('. ');
        if (text === '') continue;
        const language = isLanguage(card.language) ? card.language : undefined;
        items.push({ id: itemId({ kind: 'card', id: card.id }), text: redact(text), language });
      }
      for (const comment of Object.values(view.comments)) {
        if (comment.themeId !== null || !onCards.has(comment.cardId)) continue;
        items.push({ id: itemId({ kind: 'comment', id: comment.id }), text: redact(comment.text) });
      }
      const found = await teamLanguage(row.team_id);
      const language: Language | undefined = isLanguage(found) ? found : undefined;
      const earlierThemes = (await themes.earlierThemeNames(row.team_id)).map((name) => ({ name }));
      const result = await suggestThemesOffLoop({ items, earlierThemes, language });
      return {
        themes: result.themes.map((theme) => ({
          name: theme.name,
          ...(theme.matched === undefined ? {} : { matched: theme.matched }),
          terms: theme.terms,
          language: theme.language,
          items: theme.ids.map(itemRef),
        })),
        unassigned: result.unassigned.map(itemRef),
      };
    },
  };
}
export type LiveSuggestions = ReturnType<typeof createLiveSuggestions>;
