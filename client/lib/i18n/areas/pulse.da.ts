import type { Shape } from '../shape.ts';
import type { pulseEn } from './pulse.en.ts';

export const pulseDa: Shape<typeof pulseEn> = {
  pulse: { title: 'Kulturmåling' },
};
