import { SaxesParser } from 'saxes';
import { AppError } from '../../errors.ts';
import type { ZipPackage } from './package.ts';
import { workbookDamaged } from './refusals.ts';

/** What a reader of one part does with its elements; names come without namespace prefix. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** `x:row` and `row` are the same element: writers choose prefixes freely (Open XML SDK writes `x:`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of an attribute whatever prefix it carries (`r:id`, `ns:id`, `x:id` are one attribute). */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const name in attributes) if (name.endsWith(suffix)) return attributes[name];
  return undefined;
}

/**
 * One part fed piece by piece to a strict, non-validating parser (saxes: no DTD entities are
 * expanded, so no entity tricks). A part that is not well-formed is a damaged workbook, named with
 * the place the parser stopped, never with the parser's own message.
 */
export class XmlReader {
  // Without position tracking saxes is about a third faster; a failure is placed by bytes instead.
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private decoder: TextDecoder | null = null;
  private bytes = 0;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    this.parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
    this.parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
    this.parser.on('text', (text) => handlers.text(text));
    this.parser.on('cdata', (text) => handlers.text(text));
  }

  write(bytes: Buffer): void {
    // Parts are UTF-8 nearly always; a UTF-16 part says so with its byte order mark.
    // Fatal: bytes that are not valid in the encoding make a damaged part, not replacement characters.
    this.decoder ??= new TextDecoder(
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : 'utf-8',
      { fatal: true },
    );
    this.bytes += bytes.length;
    this.feed(() => this.parser.write(this.decoder?.decode(bytes, { stream: true }) ?? ''));
  }

  end(): void {
    this.feed(() => {
      const rest = this.decoder?.decode() ?? '';
      if (rest) this.parser.write(rest);
      this.parser.close();
    });
  }

  private feed(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw workbookDamaged(
        `${this.part} is not well-formed XML (within its first ${Math.max(1, Math.ceil(this.bytes / 1024)).toLocaleString('en')} KB)`,
      );
    }
  }
}

/** Reads a whole part through the handlers. */
export async function readXmlPart(pkg: ZipPackage, part: string, handlers: XmlHandlers): Promise<void> {
  const reader = new XmlReader(part, handlers);
  for await (const chunk of pkg.chunks(part)) reader.write(chunk);
  reader.end();
}
