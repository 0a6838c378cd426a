import type { ComponentInternals } from 'svelte';
import type { Params } from './path.ts';

/**
 * A page as the router renders it: given the parameters its pattern matched. Written as a method so
 * that a page declaring exactly the parameters of its own pattern (`{ params: { slug: string } }`)
 * fits, and a page without props too (`Record<string, never>`, where the parameters passed go
 * unread): the router only ever passes the keys of the pattern the page is listed under in
 * client/routes/table.ts.
 */
interface PageShape {
  render(internals: ComponentInternals, props: { params: Params } | Record<string, never>): object;
}
export type PageComponent = PageShape['render'];

/** A route's page, fetched when the route is first opened (a chunk and its catalogue areas). */
export interface LazyPage {
  load(): Promise<PageComponent>;
}

/** Patterns (`/teams/:slug`, `*` for the rest) to pages, tried in the order written. */
export type RouteTable = Readonly<Record<string, LazyPage>>;
