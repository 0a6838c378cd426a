/**
 * The small part of i18next Kadence uses, without the rest of it (i18next alone was about 13 KB of
 * the 60 KB the live board may cost): dotted keys, `{{name}}` interpolation, and plural keys chosen by
 * Intl.PluralRules with i18next's suffixes (`_zero`, `_one`, `_other`, …) when `count` is a number.
 * The catalogues keep i18next's format, and a test holds this to i18next's answers (one chosen
 * difference: a key naming a group rather than a text comes back as the key, not as a diagnostic).
 */
export type Catalogue = { readonly [key: string]: string | Catalogue };
export type Params = Readonly<Record<string, string | number | undefined>>;
/**
 * What Kadence's own code passes: `count` is a number or absent, since a count given as text skips the
 * plural rules (as in i18next) and reads "1 prikker". Other figures come formatted by shared/format.ts.
 */
export type MessageParams = { readonly count?: number; readonly [name: string]: string | number | undefined };

export class Translator {
  private readonly catalogues = new Map<string, Catalogue>();
  private readonly plurals = new Map<string, Intl.PluralRules>();

  constructor(private readonly fallback: string) {}

  has(lang: string): boolean {
    return this.catalogues.has(lang);
  }

  /** Adds strings to a language; catalogues arrive per area, each with its own top-level groups. */
  add(lang: string, catalogue: Catalogue): void {
    this.catalogues.set(lang, { ...this.catalogues.get(lang), ...catalogue });
  }

  /** A key found in neither the language nor the fallback comes back as itself, as in i18next. */
  t(lang: string, key: string, params: Params = {}): string {
    for (const candidate of lang === this.fallback ? [lang] : [lang, this.fallback]) {
      const text = this.find(candidate, key, params.count);
      if (text !== undefined) return interpolate(text, params);
    }
    return key;
  }

  private find(lang: string, key: string, count: Params[string] | undefined): string | undefined {
    const catalogue = this.catalogues.get(lang);
    if (!catalogue) return undefined;
    if (typeof count === 'number') {
      const suffixes = count === 0 ? ['zero', this.rules(lang).select(count)] : [this.rules(lang).select(count)];
      for (const suffix of suffixes) {
        const text = lookup(catalogue, `${key}_${suffix}`);
        if (text !== undefined) return text;
      }
    }
    return lookup(catalogue, key);
  }

  private rules(lang: string): Intl.PluralRules {
    let rules = this.plurals.get(lang);
    if (!rules) this.plurals.set(lang, (rules = new Intl.PluralRules(lang)));
    return rules;
  }
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, params: Params): string {
  // A placeholder with no value stays visible, as in i18next, so a missing parameter shows up in review.
  return text.replace(/{{(.+?)}}/g, (placeholder, name: string) => {
    const value = params[name.trim()];
    return value === undefined ? placeholder : String(value);
  });
}
