import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en, type MessageKey } from './en.ts';

/** The console's languages (GIGW: English and Hindi), by the code kept for users and in the cookie. */
export const locales = ['en', 'hi'] as const;
export type Locale = (typeof locales)[number];
export type MessageParams = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;

/** Numbers, dates and plural rules follow India's conventions in both languages (lakh grouping). */
export const intlLocaleOf: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// English is always here; the SPA loads Hindi only when someone chooses it, the BFF at start.
const catalogues: Partial<Record<Locale, Catalogue>> = { en };
const compiled = new Map<string, IntlMessageFormat>();
const numberFormats = Object.fromEntries(locales.map((locale) => [locale, new Intl.NumberFormat(intlLocaleOf[locale])])) as Record<Locale, Intl.NumberFormat>;

/** Makes a language's catalogue available to translate(); until then its keys are shown in English. */
export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  catalogues[locale] = catalogue;
  for (const cacheKey of compiled.keys()) if (cacheKey.startsWith(`${locale}:`)) compiled.delete(cacheKey);
}

export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

function compiledMessage(locale: Locale, key: MessageKey): IntlMessageFormat {
  const available: Locale = catalogues[locale] ? locale : 'en';
  const cacheKey = `${available}:${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    // ignoreTag: a "<" in a message is text, never markup.
    message = new IntlMessageFormat((catalogues[available] as Catalogue)[key], intlLocaleOf[available], undefined, { ignoreTag: true });
    compiled.set(cacheKey, message);
  }
  return message;
}

/** The names of the plain {name} arguments at any depth (not plural, select or number ones). */
function plainArgumentNames(elements: readonly MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) names.add(element.value);
    else if (element.type === TYPE.tag) plainArgumentNames(element.children, names);
    else if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) plainArgumentNames(option.value, names);
  }
  return names;
}

/** The names of a message's arguments, plural and select ones included, at any depth. */
export function argumentNames(elements: readonly MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      for (const name of argumentNames(element.children)) names.add(name);
      continue;
    }
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) for (const name of argumentNames(option.value)) names.add(name);
    }
  }
  return names;
}

/** The placeholders a message fills (in English; the catalogue test keeps Hindi's the same). */
export function placeholdersOf(key: MessageKey): Set<string> {
  return argumentNames(compiledMessage('en', key).getAst());
}

/**
 * The one way a catalogue key becomes words, in the SPA and in the BFF (problem details, mail): an
 * ICU message (plurals, numbers) in the locale's catalogue. A placeholder given no value stays
 * visible as {name} rather than failing the page, and the catalogue test keeps that from shipping.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = compiledMessage(locale, key);
  const values: MessageParams = { ...params };
  const ast = message.getAst();
  for (const name of argumentNames(ast)) if (!Object.hasOwn(values, name)) values[name] = `{${name}}`;
  // A count in running text is grouped as the reader's locale does (1,00,000); plurals do it themselves.
  for (const name of plainArgumentNames(ast)) {
    const value = values[name];
    if (typeof value === 'number') values[name] = numberFormats[locale].format(value);
  }
  try {
    return String(message.format(values));
  } catch {
    // A plural given text instead of a number: show the words with the placeholders filled plainly.
    return (catalogues[locale] ?? en)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  }
}
