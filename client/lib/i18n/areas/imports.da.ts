import type { Shape } from '../shape.ts';
import type { importsEn } from './imports.en.ts';

export const importsDa: Shape<typeof importsEn> = {
  imports: { title: 'Importér feedback' },
};
