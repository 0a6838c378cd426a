import type { Shape } from '../shape.ts';
import type { feedbackEn } from './feedback.en.ts';

export const feedbackDa: Shape<typeof feedbackEn> = {
  feedback: { title: 'Feedback' },
};
