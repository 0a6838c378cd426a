import type { Catalogue } from '../../../shared/translate.ts';

/**
 * The catalogue areas a page can ask for, each one chunk per language (./areas/<area>.<lang>.ts).
 * Every page loads the core (./areas/app.<lang>.ts: shell, sign-in, errors, counts) and only the areas its route names in
 * client/routes/areas.ts, so the live board does not download the import wizard's strings.
 * A new area: its two files, a line here per language, and the routes that use it.
 */
export type Area =
  | 'actions'
  | 'board'
  | 'digests'
  | 'feedback'
  | 'imports'
  | 'import-reasons'
  | 'live'
  | 'meetings'
  | 'pages'
  | 'people'
  | 'pulse'
  | 'units'
  | 'unit-themes';
export type Lang = 'en' | 'da';

type Loader = () => Promise<Catalogue>;

export const coreCatalogues: Record<Lang, Loader> = {
  en: () => import('./areas/app.en.ts').then(({ appEn }) => appEn),
  da: () => import('./areas/app.da.ts').then(({ appDa }) => appDa),
};

export const areaCatalogues: Record<Lang, Record<Area, Loader>> = {
  en: {
    actions: () => import('./areas/actions.en.ts').then(({ actionsEn }) => actionsEn),
    board: () => import('./areas/board.en.ts').then(({ boardEn }) => boardEn),
    digests: () => import('./areas/digests.en.ts').then(({ digestsEn }) => digestsEn),
    feedback: () => import('./areas/feedback.en.ts').then(({ feedbackEn }) => feedbackEn),
    imports: () => import('./areas/imports.en.ts').then(({ importsEn }) => importsEn),
    'import-reasons': () => import('./areas/import-reasons.en.ts').then(({ importReasonsEn }) => importReasonsEn),
    live: () => import('./areas/live.en.ts').then(({ liveEn }) => liveEn),
    meetings: () => import('./areas/meetings.en.ts').then(({ meetingsEn }) => meetingsEn),
    pages: () => import('./areas/pages.en.ts').then(({ pagesEn }) => pagesEn),
    people: () => import('./areas/people.en.ts').then(({ peopleEn }) => peopleEn),
    pulse: () => import('./areas/pulse.en.ts').then(({ pulseEn }) => pulseEn),
    units: () => import('./areas/units.en.ts').then(({ unitsEn }) => unitsEn),
    'unit-themes': () => import('./areas/unit-themes.en.ts').then(({ unitThemesEn }) => unitThemesEn),
  },
  da: {
    actions: () => import('./areas/actions.da.ts').then(({ actionsDa }) => actionsDa),
    board: () => import('./areas/board.da.ts').then(({ boardDa }) => boardDa),
    digests: () => import('./areas/digests.da.ts').then(({ digestsDa }) => digestsDa),
    feedback: () => import('./areas/feedback.da.ts').then(({ feedbackDa }) => feedbackDa),
    imports: () => import('./areas/imports.da.ts').then(({ importsDa }) => importsDa),
    'import-reasons': () => import('./areas/import-reasons.da.ts').then(({ importReasonsDa }) => importReasonsDa),
    live: () => import('./areas/live.da.ts').then(({ liveDa }) => liveDa),
    meetings: () => import('./areas/meetings.da.ts').then(({ meetingsDa }) => meetingsDa),
    pages: () => import('./areas/pages.da.ts').then(({ pagesDa }) => pagesDa),
    people: () => import('./areas/people.da.ts').then(({ peopleDa }) => peopleDa),
    pulse: () => import('./areas/pulse.da.ts').then(({ pulseDa }) => pulseDa),
    units: () => import('./areas/units.da.ts').then(({ unitsDa }) => unitsDa),
    'unit-themes': () => import('./areas/unit-themes.da.ts').then(({ unitThemesDa }) => unitThemesDa),
  },
};
