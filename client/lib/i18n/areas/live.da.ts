import type { Shape } from '../shape.ts';
import type { liveEn } from './live.en.ts';

export const liveDa: Shape<typeof liveEn> = {
  live: { title: 'Mødet' },
};
