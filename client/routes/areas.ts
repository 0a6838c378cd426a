import type { Area } from '../lib/i18n/areas.ts';

/** The live board's frame, on the team's board and on a guest's. Its steps add their own (steps/areas.ts). */
export const BOARD_AREAS = ['live', 'board'] as const satisfies readonly Area[];

/**
 * The catalogue areas each page (by its file in client/pages/) loads with its chunk, besides the core.
 * A test reads every page's components and fails when one uses a string from an area not named here.
 */
export const PAGE_AREAS = {
  Account: ['people'],
  ActionPage: ['actions'],
  Actions: ['actions'],
  Cadence: ['meetings', 'pages'],
  GuestJoin: BOARD_AREAS,
  Home: ['pages', 'people', 'units'],
  Import: ['imports', 'feedback', 'import-reasons'],
  Inbox: ['feedback', 'imports', 'actions'],
  Invite: ['people'],
  LeaderDigests: ['digests', 'units'],
  LiveMeeting: BOARD_AREAS,
  Login: ['people'],
  MeetingArchive: ['pages', 'live'],
  MeetingSummary: ['pages', 'live'],
  Prepare: ['meetings', 'feedback'],
  Setup: ['people'],
  Team: ['pages', 'people', 'meetings', 'feedback', 'pulse'],
  TeamsHealth: ['meetings'],
  UnitDashboard: ['units', 'digests', 'unit-themes'],
  UnitTeam: ['unit-themes'],
  Units: ['units'],
} as const satisfies Record<string, readonly Area[]>;

export type PageName = keyof typeof PAGE_AREAS;
