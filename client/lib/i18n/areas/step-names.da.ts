import type { Shape } from '../shape.ts';
import type { stepNamesEn } from './step-names.en.ts';

/** The default step names in Danish (see step-names.en.ts). */
export const stepNamesDa: Shape<typeof stepNamesEn> = {
  steps: { checkin: 'Check-in', followup: 'Opfølgning', read: 'Læs', group: 'Gruppér', vote: 'Stem', decide: 'Beslut', wrapup: 'Afrunding' },
  stepTitles: {
    checkin: 'Check-in og KPI-puls',
    followup: 'Opfølgning på sidste måneds handlinger',
    read: 'Læs månedens feedback og kommentér',
    group: 'Gruppér i temaer',
    vote: 'Stem',
    decide: 'Beslut forbedringshandlinger',
    wrapup: 'Afrunding',
  },
};
