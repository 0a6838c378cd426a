import type { Shape } from '../shape.ts';
import type { actionsEn } from './actions.en.ts';

export const actionsDa: Shape<typeof actionsEn> = {
  actions: { title: 'Handlinger' },
};
