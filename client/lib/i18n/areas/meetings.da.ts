import type { Shape } from '../shape.ts';
import type { meetingsEn } from './meetings.en.ts';

export const meetingsDa: Shape<typeof meetingsEn> = {
  meetings: { title: 'Møder' },
};
