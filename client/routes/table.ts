import { locale } from '../lib/i18n/locale.svelte.ts';
import type { LazyPage, PageComponent, RouteTable } from '../lib/router/route.ts';
import { PAGE_AREAS, type PageName } from './areas.ts';

/**
 * Every page is its own chunk, fetched when its route is first opened, so a participant opening the
 * live board downloads the board and not the import wizard or the tracker. The page's catalogue
 * areas are fetched beside its chunk and the page renders once both are in (the router shows
 * Loading.svelte meanwhile).
 */
const page = (name: PageName, load: () => Promise<{ default: PageComponent }>): LazyPage => ({
  load: () => Promise.all([load(), locale.need(...PAGE_AREAS[name])]).then(([module]) => module.default),
});

const Home = page('Home', () => import('../pages/Home.svelte'));
const GuestJoin = page('GuestJoin', () => import('../pages/GuestJoin.svelte'));
const Invite = page('Invite', () => import('../pages/Invite.svelte'));

export const signedInRoutes: RouteTable = {
  '/': Home,
  '/teams/:slug': page('Team', () => import('../pages/Team.svelte')),
  '/teams/:slug/feedback': page('Inbox', () => import('../pages/Inbox.svelte')),
  '/teams/:slug/import': page('Import', () => import('../pages/Import.svelte')),
  '/teams/:slug/cadence': page('Cadence', () => import('../pages/Cadence.svelte')),
  '/teams/:slug/meetings/:id/prepare': page('Prepare', () => import('../pages/Prepare.svelte')),
  '/teams/:slug/meetings/:id/live': page('LiveMeeting', () => import('../pages/LiveMeeting.svelte')),
  '/teams/:slug/meetings/:id/summary': page('MeetingSummary', () => import('../pages/MeetingSummary.svelte')),
  '/teams/:slug/archive': page('MeetingArchive', () => import('../pages/MeetingArchive.svelte')),
  '/join/:token': GuestJoin,
  '/invite/:token': Invite,
  '/account': page('Account', () => import('../pages/Account.svelte')),
  '/actions': page('Actions', () => import('../pages/Actions.svelte')),
  '/rhythm': page('TeamsHealth', () => import('../pages/TeamsHealth.svelte')),
  '/units': page('Units', () => import('../pages/Units.svelte')),
  '/units/:id': page('UnitDashboard', () => import('../pages/UnitDashboard.svelte')),
  '/units/:id/teams/:slug': page('UnitTeam', () => import('../pages/UnitTeam.svelte')),
  '/digests': page('LeaderDigests', () => import('../pages/LeaderDigests.svelte')),
  '/actions/:team/:id': page('ActionPage', () => import('../pages/ActionPage.svelte')),
  '*': Home,
};

export const signedOutRoutes: RouteTable = {
  '/invite/:token': Invite,
  '/join/:token': GuestJoin,
  '*': page('Login', () => import('../pages/Login.svelte')),
};
