import { createSubscriber } from 'svelte/reactivity';
import { splitHash } from './path.ts';

/**
 * The hash part of the address as state: reading `path` or `query` inside an effect or a template
 * subscribes to `hashchange`, and the listener goes away with the last reader, so importing this
 * module does nothing by itself. It reads the window's own location each time, never a copy.
 */
class HashLocation {
  readonly #subscribe = createSubscriber((update) => {
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  });

  get path(): string {
    this.#subscribe();
    return splitHash(window.location.hash).path;
  }

  get query(): URLSearchParams {
    this.#subscribe();
    return new URLSearchParams(splitHash(window.location.hash).query);
  }
}

export const hashLocation = new HashLocation();

/** The `href` for a page of the app (`/teams/a` → `#/teams/a`). */
export const linkTo = (path: `/${string}`): string => `#${path}`;

/** Opens a page of the app as following a link would (a new history entry). */
export function navigate(path: `/${string}`): void {
  window.location.hash = linkTo(path);
}
