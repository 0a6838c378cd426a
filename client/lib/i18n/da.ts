import type { Messages } from './en.ts';
import type { Shape } from './shape.ts';
import { appDa } from './areas/app.da.ts';
import { actionsDa } from './areas/actions.da.ts';
import { importsDa } from './areas/imports.da.ts';
import { feedbackDa } from './areas/feedback.da.ts';
import { liveDa } from './areas/live.da.ts';
import { boardDa } from './areas/board.da.ts';
import { meetingsDa } from './areas/meetings.da.ts';
import { pulseDa } from './areas/pulse.da.ts';
import { pagesDa } from './areas/pages.da.ts';
import { unitsDa } from './areas/units.da.ts';
import { digestsDa } from './areas/digests.da.ts';
import { unitThemesDa } from './areas/unit-themes.da.ts';
import { peopleDa } from './areas/people.da.ts';

/** Every Danish string, for tests; the app loads them per area. */
export const da: Shape<Messages> = {
  ...feedbackDa,
  ...importsDa,
  ...meetingsDa,
  ...liveDa,
  ...boardDa,
  ...actionsDa,
  ...pulseDa,
  ...pagesDa,
  ...unitsDa,
  ...digestsDa,
  ...unitThemesDa,
  ...peopleDa,
  ...appDa,
};
