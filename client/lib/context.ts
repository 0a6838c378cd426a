import { getContext, setContext } from 'svelte';
import type { Session } from '../state/session.svelte.ts';

const KEY = Symbol('session');
export const setSession = (session: Session): Session => setContext(KEY, session);
export const getSession = (): Session => getContext<Session>(KEY);
