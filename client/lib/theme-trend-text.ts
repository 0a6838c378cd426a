import type { Formatter } from '../../shared/format.ts';
import type { MessageParams } from '../../shared/translate.ts';

import type { ThemeHighlight } from './theme-trends.ts';

export type { ThemeTrends } from './theme-trends.ts';
type Translate = (key: string, params?: MessageParams) => string;

/**
 * One theme's month in words: "Levering: 14 omtaler, dobbelt så mange som normalt". Up to two and a
 * half times the usual reads as "twice"; beyond that the ratio is named.
 */
export function highlightText(entry: ThemeHighlight, t: Translate, format: Formatter): string {
  const mentions = t('feedback.trends.mentions', { count: entry.mentions, n: format.number(entry.mentions) });
  const usual = format.number(entry.usual, 1);
  let how: string;
  if (entry.flag === 'rising') {
    const ratio = entry.usual > 0 ? entry.mentions / entry.usual : 0;
    how = ratio < 2.5 ? t('feedback.trends.twice') : t('feedback.trends.times', { ratio: format.number(ratio, 1) });
  } else if (entry.flag === 'new') how = t('feedback.trends.new');
  else if (entry.flag === 'falling') how = t('feedback.trends.falling', { usual });
  else how = t('feedback.trends.usual', { usual });
  return `${entry.name}: ${mentions}, ${how}`;
}
