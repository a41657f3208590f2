import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from '@ecoo/shared/i18n/en';
import { hi } from '@ecoo/shared/i18n/hi';
import { literalText, type Locale } from '@ecoo/shared/i18n/translate';
import { currentLocale } from '../lib/i18n';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An ICU message as a pattern: its placeholders stand for any text (captured, when `capture`), a
 * plural or select for any of its forms.
 */
function patternOf(elements: readonly MessageFormatElement[], capture = false): string {
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return escape(element.value);
        case TYPE.plural:
        case TYPE.select:
          return `(?:${Object.values(element.options).map((option) => patternOf(option.value, capture)).join('|')})`;
        case TYPE.pound:
          return '[\\d,.]+';
        default:
          return capture ? '([\\s\\S]+?)' : '[\\s\\S]+';
      }
    })
    .join('');
}

interface Templates {
  /** Messages with words of their own: text they match is catalogue text. */
  worded: RegExp[];
  /**
   * Messages with none ("{label} ({count})", "{before} → {after}") would match almost any text:
   * text they match counts only when each filled part is itself catalogue text or data.
   */
  wordless: RegExp[];
}

function templatesOf(catalogue: Record<string, string>): Templates {
  const messages = Object.values(catalogue).map((message) => parse(message, { ignoreTag: true }));
  const isWorded = (elements: MessageFormatElement[]) => /\p{L}/u.test(literalText(elements));
  return {
    worded: messages.filter(isWorded).map((elements) => new RegExp(`^${patternOf(elements)}$`)),
    wordless: messages.filter((elements) => !isWorded(elements)).map((elements) => new RegExp(`^${patternOf(elements, true)}$`)),
  };
}
const templates: Record<Locale, Templates> = { en: templatesOf(en), hi: templatesOf(hi) };

function isCatalogueText(text: string, data: readonly string[], shown: Templates, depth = 0): boolean {
  if (data.includes(text) || /^[\d,.\s]+$/.test(text)) return true;
  if (shown.worded.some((template) => template.test(text))) return true;
  if (depth > 1) return false;
  return shown.wordless.some((template) => {
    const parts = template.exec(text)?.slice(1);
    return parts !== undefined && parts.every((part) => part === undefined || isCatalogueText(part.trim(), data, shown, depth + 1));
  });
}

/**
 * The visible text of `root` that no entry of the shown language's catalogue produced and that is
 * not one of `data` (names, emails, dates from the fixtures): a string written straight into a
 * component, or one left in English on a Hindi page.
 */
export function textOutsideCatalogue(root: Element, data: readonly string[] = []): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const stray: string[] = [];
  const joined = new Set<Element>();
  const shown = templates[currentLocale()];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Text split only by <wbr> (a fingerprint's break points) is one text: its element's.
    const parent = node.parentElement;
    const isSplit = parent?.querySelector(':scope > wbr') != null;
    if (isSplit && joined.has(parent)) continue;
    if (isSplit) joined.add(parent);
    // The language switch names each language in its own language, whichever is shown.
    if (parent?.closest('.language-switch')) continue;
    const text = ((isSplit ? parent.textContent : node.textContent) ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '' && !isCatalogueText(text, data, shown)) stray.push(text);
  }
  return stray;
}
