import { appEn } from './areas/app.en.ts';
import { actionsEn } from './areas/actions.en.ts';
import { importsEn } from './areas/imports.en.ts';
import { feedbackEn } from './areas/feedback.en.ts';
import { liveEn } from './areas/live.en.ts';
import { boardEn } from './areas/board.en.ts';
import { meetingsEn } from './areas/meetings.en.ts';
import { pulseEn } from './areas/pulse.en.ts';
import { pagesEn } from './areas/pages.en.ts';
import { unitsEn } from './areas/units.en.ts';
import { digestsEn } from './areas/digests.en.ts';
import { unitThemesEn } from './areas/unit-themes.en.ts';
import { peopleEn } from './areas/people.en.ts';

/** Every English string, for the Danish type check and for tests; the app never loads it whole. */
export const en = {
  ...feedbackEn,
  ...importsEn,
  ...meetingsEn,
  ...liveEn,
  ...boardEn,
  ...actionsEn,
  ...pulseEn,
  ...pagesEn,
  ...unitsEn,
  ...digestsEn,
  ...unitThemesEn,
  ...peopleEn,
  ...appEn,
};
export type Messages = typeof en;
