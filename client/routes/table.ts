import wrap from 'svelte-spa-router/wrap';
import type { AsyncSvelteComponent, RouteDefinition } from 'svelte-spa-router';
import Loading from './Loading.svelte';

/**
 * Every page is its own chunk, fetched when its route is first opened, so a participant opening the
 * live board downloads the board and not the import wizard or the tracker. `wrap` is the router's
 * own way to do this (no second router or loader component to keep in step with it).
 */
const page = (load: AsyncSvelteComponent) => wrap({ asyncComponent: load, loadingComponent: Loading });

const Home = page(() => import('../pages/Home.svelte'));
const GuestJoin = page(() => import('../pages/GuestJoin.svelte'));
const Invite = page(() => import('../pages/Invite.svelte'));

export const signedInRoutes: RouteDefinition = {
  '/': Home,
  '/teams/:slug': page(() => import('../pages/Team.svelte')),
  '/teams/:slug/feedback': page(() => import('../pages/Inbox.svelte')),
  '/teams/:slug/import': page(() => import('../pages/Import.svelte')),
  '/teams/:slug/cadence': page(() => import('../pages/Cadence.svelte')),
  '/teams/:slug/meetings/:id/prepare': page(() => import('../pages/Prepare.svelte')),
  '/teams/:slug/meetings/:id/live': page(() => import('../pages/LiveMeeting.svelte')),
  '/teams/:slug/meetings/:id/summary': page(() => import('../pages/MeetingSummary.svelte')),
  '/teams/:slug/archive': page(() => import('../pages/MeetingArchive.svelte')),
  '/join/:token': GuestJoin,
  '/invite/:token': Invite,
  '/account': page(() => import('../pages/Account.svelte')),
  '/actions': page(() => import('../pages/Actions.svelte')),
  '/rhythm': page(() => import('../pages/TeamsHealth.svelte')),
  '/actions/:team/:id': page(() => import('../pages/ActionPage.svelte')),
  '*': Home,
};

export const signedOutRoutes: RouteDefinition = {
  '/invite/:token': Invite,
  '/join/:token': GuestJoin,
  '*': page(() => import('../pages/Login.svelte')),
};
