import type { Page } from 'playwright-core';
import { da } from '../../client/lib/i18n/da.ts';
import { en } from '../../client/lib/i18n/en.ts';

/**
 * Checks a page as a person sees it: nothing sideways out of the window, no two controls on top of
 * each other, and no text left in the other language. Each returns a list of findings (empty is
 * good), described so a failing test says which element it is.
 */

/** What a finding names: tag, test id or class, and the start of its text. */
const DESCRIBE = `(element) => {
  const id = element.getAttribute('data-testid') ? '[' + element.getAttribute('data-testid') + ']' : '';
  const cls = typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\\s+/)[0] : '';
  const label = (element.getAttribute('aria-label') || element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return element.tagName.toLowerCase() + id + cls + (label ? ' "' + label + '"' : '');
}`;

/**
 * Horizontal overflow: the document is no wider than the window, and no visible element reaches past
 * its right edge unless a scroll container (overflow-x auto/scroll/hidden) holds it.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate((describeSource) => {
    const describe = new Function(`return ${describeSource}`)() as (element: Element) => string;
    const width = window.innerWidth;
    const found: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
      // Name what reaches furthest right, hidden or clipped or not, so the finding says where to look.
      let widest: Element = document.body;
      let widestRight = 0;
      for (const element of document.body.querySelectorAll('*')) {
        const right = element.getBoundingClientRect().right + window.scrollX;
        if (right > widestRight) [widest, widestRight] = [element, right];
      }
      found.push(
        `document is ${scrollWidth}px wide in a ${width}px window (furthest right: ${describe(widest)} at ${Math.round(widestRight)}px)`,
      );
    }
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // An element's own box, or what spills out of it (a long address in a paragraph).
      const spill = getComputedStyle(element).overflowX === 'visible' ? box.left + element.scrollWidth : box.right;
      const right = Math.max(box.right, spill) + window.scrollX;
      if (right > width + 1 && !clipped(element) && element.checkVisibility({ visibilityProperty: true })) {
        found.push(
          `${describe(element)} ${right > box.right + window.scrollX + 1 ? 'spills to' : 'ends at'} ${Math.round(right)}px`,
        );
      }
    }
    return found.slice(0, 10);
  }, DESCRIBE);
}

/**
 * Controls on top of each other: visible buttons, links, form fields, summaries and role=button
 * elements whose boxes intersect by more than a pixel each way, leaving out pairs where one holds
 * the other (a link inside a label, a button inside a summary).
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate((describeSource) => {
    const describe = new Function(`return ${describeSource}`)() as (element: Element) => string;
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="checkbox"], [role="radio"]';
    const controls = [...document.querySelectorAll(selector)]
      .filter((element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1);
    const found: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (!a || !b || a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > 1 && down > 1)
          found.push(
            `${describe(a.element)} overlaps ${describe(b.element)} by ${Math.round(across)}×${Math.round(down)}px`,
          );
      }
    }
    return found.slice(0, 10);
  }, DESCRIBE);
}

type Tree = { readonly [key: string]: string | Tree };
const flatten = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : flatten(value)));

/** Templates without enough words of their own (`{{name}}`, `{{a}} · {{b}}`) say nothing about the language. */
const MIN_LETTERS = 3;
const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/**
 * The other language's catalogue as patterns: each string that differs from every string of the
 * viewer's catalogue, its `{{…}}` parts matching any text.
 */
function foreignPatterns(foreign: Tree, own: Tree): { source: string; pattern: string }[] {
  const ownStrings = new Set(flatten(own).map((text) => text.trim()));
  const seen = new Set<string>();
  const patterns: { source: string; pattern: string }[] = [];
  for (const raw of flatten(foreign)) {
    const text = raw.trim();
    if (ownStrings.has(text) || seen.has(text)) continue;
    seen.add(text);
    const fixed = text.replace(/\{\{[^}]+\}\}/g, '');
    if (letters(fixed) < MIN_LETTERS) continue;
    const pattern = text
      .split(/\{\{[^}]+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?');
    patterns.push({ source: text, pattern: `^${pattern}$` });
  }
  return patterns;
}

export const ENGLISH_ONLY = foreignPatterns(en, da);
export const DANISH_ONLY = foreignPatterns(da, en);

/**
 * Visible text in the wrong language: each visible text node (trimmed, whitespace collapsed), and
 * the visible labels people read (placeholder, aria-label), that equals a string of the other
 * language's catalogue. `ignore` lists data shown as written (names of people and teams); text inside
 * an element whose `lang` says it is in another language is skipped.
 */
export async function textInOtherLanguage(
  page: Page,
  foreign: { source: string; pattern: string }[],
  ignore: readonly string[] = [],
): Promise<string[]> {
  return page.evaluate(
    ({ foreign, ignore }) => {
      const patterns = foreign.map(({ source, pattern }) => ({ source, regex: new RegExp(pattern, 'su') }));
      const texts = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (!parent || !text || parent.closest('script, style, template')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        // Text marked as another language on purpose (a language named in itself: "English") is that language.
        const pageLanguage = document.documentElement.lang;
        if (pageLanguage && parent.closest('[lang]')?.getAttribute('lang') !== pageLanguage) continue;
        texts.add(text);
        // Text beside a name or a figure often starts or ends with its separator ("· Review 8 Dec").
        const bare = text.replace(/^[\s·:—–,]+|[\s·:—–,]+$/g, '');
        if (bare) texts.add(bare);
      }
      for (const element of document.body.querySelectorAll('[placeholder], [aria-label]')) {
        if (!element.checkVisibility({ visibilityProperty: true })) continue;
        for (const attribute of ['placeholder', 'aria-label']) {
          const value = element.getAttribute(attribute)?.trim();
          if (value) texts.add(value);
        }
      }
      const found: string[] = [];
      for (const text of texts) {
        if (ignore.includes(text)) continue;
        const match = patterns.find(({ regex }) => regex.test(text));
        if (match) found.push(`"${text}" (catalogue: "${match.source}")`);
      }
      return found;
    },
    { foreign, ignore },
  );
}
