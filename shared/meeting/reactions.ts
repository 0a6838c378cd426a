/**
 * The reactions a card can get. Apart from the command schemas so the reducer and the client's board
 * can use them without pulling the schema builder into the browser.
 */
export const REACTIONS = ['wow', 'heart', 'thumbs', 'idea'] as const;
export type Reaction = (typeof REACTIONS)[number];
