import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en, type MessageKey } from './en.ts';
import { offencesInWords } from '../text/offence-words.ts';
import { isFileKind } from '../files/file-kinds.ts';
import { isBackgroundMethod } from '../images/methods.ts';

/** The console's languages (GIGW: English and Hindi), by the code kept for users and in the cookie. */
export const locales = ['en', 'hi'] as const;
export type Locale = (typeof locales)[number];
export type MessageParams = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;
/**
 * A message as a catalogue holds it: ICU text in the source, or, in the SPA's build, the syntax tree
 * it parses to (scripts/precompile-messages.ts), so browsers need no parser.
 */
type Message = string | MessageFormatElement[];
type Messages = Readonly<Record<MessageKey, Message>>;

/** Numbers, dates and plural rules follow India's conventions in both languages (lakh grouping). */
export const intlLocaleOf: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// English is always here; the SPA loads Hindi only when someone chooses it, the BFF at start.
const catalogues: Partial<Record<Locale, Messages>> = { en };
/** A message compiled once, with the names of its placeholders, read on every translate(). */
interface CompiledMessage {
  /**
   * Null for a message that is only words (most of the catalogue): it is returned as it is, so a
   * page of labels never builds an IntlMessageFormat, whose first construction loads the locale's
   * ICU data (~300 ms of a first visit's script at Lighthouse's 4x CPU).
   */
  format: IntlMessageFormat | null;
  /** The words of a message that has no arguments. */
  literal: string;
  /** Every argument, plural and select ones included. */
  names: Set<string>;
  /** The plain {name} ones, which translate() formats as numbers itself. */
  plainNames: Set<string>;
}
const compiled = new Map<string, CompiledMessage>();
// Made on first use: constructing an Intl formatter loads the locale's ICU data, which cost a
// first visit ~200 ms of script time at Lighthouse's 4x CPU when both languages were made up front.
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};
function numberFormatOf(locale: Locale): Intl.NumberFormat {
  return (numberFormats[locale] ??= new Intl.NumberFormat(intlLocaleOf[locale]));
}

type Say = (key: MessageKey, params: MessageParams) => string;

/**
 * Params that are codes, not words (problems carry values, never sentences), written out in the
 * message's own language from the catalogue; a value that is not such a code is shown as it is.
 */
const paramWords: Partial<Record<string, (value: string, say: Say) => string | undefined>> = {
  // Offending characters as code points and positions (encodeOffences).
  offences: offencesInWords,
  // What an uploaded file turned out to be (bff/src/storage/file-type.ts).
  detected: (value, say) => (isFileKind(value) ? say('file.kind', { kind: value }) : undefined),
  // A background-removal method (problem.imageResultMissing), in the words of the review screen.
  method: (value, say) => (isBackgroundMethod(value) ? say(`images.review.method.${value}`, {}) : undefined),
};

/** Makes a language's catalogue available to translate(); until then its keys are shown in English. */
export function registerCatalogue(locale: Locale, catalogue: Messages): void {
  catalogues[locale] = catalogue;
  for (const cacheKey of compiled.keys()) if (cacheKey.startsWith(`${locale}:`)) compiled.delete(cacheKey);
}

export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

function compiledMessage(locale: Locale, key: MessageKey): CompiledMessage {
  const available: Locale = catalogues[locale] ? locale : 'en';
  const cacheKey = `${available}:${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    const source = (catalogues[available] as Messages)[key];
    const literal = literalOnly(source);
    if (literal !== null) message = { format: null, literal, names: new Set(), plainNames: new Set() };
    else {
      // ignoreTag: a "<" in a message is text, never markup.
      const format = new IntlMessageFormat(source, intlLocaleOf[available], undefined, { ignoreTag: true });
      const plainNames = new Set<string>();
      message = { format, literal: '', names: collectArguments(format.getAst(), new Set(), plainNames), plainNames };
    }
    compiled.set(cacheKey, message);
  }
  return message;
}

/**
 * The words of a message that has no arguments, or null. ICU text without braces or apostrophes
 * (quoting) reads as it is written; a tree qualifies when it is all literal elements.
 */
function literalOnly(message: Message): string | null {
  if (typeof message === 'string') return /[{}']/.test(message) ? null : message;
  return message.every((element) => element.type === TYPE.literal) ? message.map((element) => element.value).join('') : null;
}

/** Adds the names of a message's arguments, at any depth, to `names`, and the plain {name} ones also to `plainNames`. */
function collectArguments(elements: readonly MessageFormatElement[], names: Set<string>, plainNames = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      collectArguments(element.children, names, plainNames);
      continue;
    }
    names.add(element.value);
    if (element.type === TYPE.argument) plainNames.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) collectArguments(option.value, names, plainNames);
    }
  }
  return names;
}

/** The names of a message's arguments, plural and select ones included, at any depth. */
export function argumentNames(elements: readonly MessageFormatElement[]): Set<string> {
  return collectArguments(elements, new Set());
}

/** The words a reader sees in a message: its literal text at any depth, placeholders and ICU keywords left out. */
export function literalText(elements: readonly MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).map((option) => literalText(option.value)).join(' ');
      return ' ';
    })
    .join('');
}

/** The placeholders a message fills (in English; the catalogue test keeps Hindi's the same). */
export function placeholdersOf(key: MessageKey): ReadonlySet<string> {
  return compiledMessage('en', key).names;
}

/**
 * The one way a catalogue key becomes words, in the SPA and in the BFF (problem details, mail): an
 * ICU message (plurals, numbers) in the locale's catalogue. A placeholder given no value stays
 * visible as {name} rather than failing the page, and the catalogue test keeps that from shipping.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = compiledMessage(locale, key);
  if (message.format === null) return message.literal;
  const values: MessageParams = { ...params };
  for (const name of message.names) if (!Object.hasOwn(values, name)) values[name] = `{${name}}`;
  // A count in running text is grouped as the reader's locale does (1,00,000); plurals do it themselves.
  for (const name of message.plainNames) {
    const value = values[name];
    if (typeof value === 'number') values[name] = numberFormatOf(locale).format(value);
    const words = typeof value === 'string' ? paramWords[name]?.(value, (wordsKey, wordsParams) => translate(locale, wordsKey, wordsParams)) : undefined;
    if (words !== undefined) values[name] = words;
  }
  const { format } = message;
  try {
    return String(format.format(values));
  } catch {
    // A plural given text instead of a number: show the words with the placeholders filled plainly.
    return plainText(format.getAst(), values);
  }
}

/** A message's words with each argument's value put in as it is; a plural or select takes its `other` words. */
function plainText(elements: readonly MessageFormatElement[], values: MessageParams, pound = ''): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.pound) return pound;
      if (element.type === TYPE.tag) return plainText(element.children, values, pound);
      const value = String(values[element.value] ?? `{${element.value}}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        const option = element.options[value] ?? element.options.other;
        return option ? plainText(option.value, values, value) : value;
      }
      return value;
    })
    .join('');
}
