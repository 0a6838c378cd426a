import type { Shape } from '../shape.ts';
import type { stepNamesEn } from './step-names.en.ts';

/** The default agenda's short step names in Danish (see step-names.en.ts). */
export const stepNamesDa: Shape<typeof stepNamesEn> = {
  steps: {
    checkin: 'Check-in',
    followup: 'Opfølgning',
    read: 'Læs',
    group: 'Gruppér',
    vote: 'Stem',
    decide: 'Beslut',
    wrapup: 'Afrunding',
  },
};
