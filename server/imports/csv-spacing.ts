import { Readable } from 'node:stream';

/**
 * Some exports write `2011-01-03, , "6,000,000",Galway`: a space after each delimiter. A CSV parser
 * takes a quote only at the start of a field, so the quoted number would split in three. For such
 * files (decided from the header line) the spaces right after a delimiter, outside quotes, are
 * dropped before parsing, as Python's csv module does with skipinitialspace.
 */
export function withoutInitialSpace(text: Readable, delimiter: string): Readable {
  async function* trimmed(): AsyncGenerator<string> {
    let quoted = false;
    let afterDelimiter = false;
    for await (const piece of text) {
      const chunk = String(piece);
      let out = '';
      let from = 0;
      for (let index = 0; index < chunk.length; index++) {
        const char = chunk[index];
        if (afterDelimiter && (char === ' ' || char === '\t')) {
          out += chunk.slice(from, index);
          from = index + 1;
          continue;
        }
        afterDelimiter = false;
        if (char === '"') quoted = !quoted;
        else if (char === delimiter && !quoted) afterDelimiter = true;
      }
      out += chunk.slice(from);
      if (out) yield out;
    }
  }
  return Readable.from(trimmed());
}
