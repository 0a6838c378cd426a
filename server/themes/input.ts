import { isLanguage } from '../../shared/language.ts';
import { invalid } from '../errors.ts';
import type { SuggestItem } from './suggest.ts';

/**
 * Items from JSON Lines, one `{"id", "text", "language"?}` per line (blank lines skipped). Anything
 * else stops the whole file with one error naming the line: a line that is not JSON or not an
 * object, a missing or empty id, a text that is not a string, a language other than da or en, an
 * id given twice, or no items at all.
 */
export function parseItemsJsonl(content: string): SuggestItem[] {
  const items: SuggestItem[] = [];
  const lines = new Map<string, number>();
  content.split(/\r?\n/).forEach((line, index) => {
    const number = index + 1;
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(`line ${number}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalid(`line ${number}: expected an object with "id" and "text"`);
    const id: unknown = Reflect.get(value, 'id');
    const text: unknown = Reflect.get(value, 'text');
    const language: unknown = Reflect.get(value, 'language');
    if (typeof id !== 'string' || !id) throw invalid(`line ${number}: "id" must be a non-empty string`);
    if (typeof text !== 'string') throw invalid(`line ${number}: "text" must be a string`);
    if (language !== undefined && language !== null && !isLanguage(language))
      throw invalid(`line ${number}: "language" must be "da" or "en"`);
    const earlier = lines.get(id);
    if (earlier !== undefined) throw invalid(`line ${number}: the id "${id}" is also on line ${earlier}`);
    lines.set(id, number);
    items.push(isLanguage(language) ? { id, text, language } : { id, text });
  });
  if (items.length === 0) throw invalid('the file holds no items (expected JSON Lines of {"id", "text"})');
  return items;
}
