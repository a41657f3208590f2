import { useSyncExternalStore } from 'react';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import { hasCatalogue, intlLocaleOf, isMessageKey, registerCatalogue, translate, type Locale, type MessageParams } from '@ecoo/shared/i18n/translate';
import type { FieldProblem, Problem } from '@ecoo/shared/problem';

export type { Locale, MessageKey };

let activeLocale: Locale = 'en';
const listeners = new Set<() => void>();

/** The language pages are shown in now: the session's (the user's choice, the cookie, or Accept-Language). */
export function currentLocale(): Locale {
  return activeLocale;
}

/**
 * Switches every page to a language. Hindi's catalogue is fetched only when someone needs it, so an
 * English first visit never downloads it; the page's lang follows, for screen readers and fonts.
 */
export async function applyLocale(locale: Locale): Promise<void> {
  if (!hasCatalogue(locale)) registerCatalogue(locale, (await import('@ecoo/shared/i18n/hi')).hi);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (locale === activeLocale) return;
  activeLocale = locale;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language shown, as React state: the app re-renders its pages when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, currentLocale);
}

/** The one way the SPA turns a catalogue key into words; a key outside the catalogue does not compile. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(activeLocale, key, params);
}

/** A problem from the BFF in the reader's language, from its code and params; its English detail if the code is not ours. */
export function problemText(problem: Pick<Problem, 'code' | 'params' | 'detail' | 'correlationId'>): string {
  return isMessageKey(problem.code) ? t(problem.code, { correlationId: problem.correlationId, ...problem.params }) : problem.detail;
}

/** A field's problem in the reader's language; the BFF's English message if the code is not ours. */
export function fieldProblemText(problem: FieldProblem): string {
  return isMessageKey(problem.code) ? t(problem.code, problem.params) : problem.message;
}

const formatOptions = {
  // Times are shown in India Standard Time, whatever the reviewer's machine is set to.
  instant: { kind: 'date', options: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' } },
  // A calendar date (an effective date) is a day, not an instant: read and shown as the same day everywhere.
  date: { kind: 'date', options: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } },
  number: { kind: 'number', options: {} },
  kilobytes: { kind: 'number', options: { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 } },
  megabytes: { kind: 'number', options: { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 } },
} as const satisfies Record<string, { kind: 'date'; options: Intl.DateTimeFormatOptions } | { kind: 'number'; options: Intl.NumberFormatOptions }>;
type FormatName = keyof typeof formatOptions;
type FormatterOf<N extends FormatName> = (typeof formatOptions)[N]['kind'] extends 'date' ? Intl.DateTimeFormat : Intl.NumberFormat;

// Each formatter is made on first use in the language shown: constructing one loads ICU data for its
// locale, which cost the first visit ~100 ms of script before React rendered anything at Lighthouse's 4x CPU.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<N extends FormatName>(name: N): FormatterOf<N> {
  const cacheKey = `${activeLocale}:${name}`;
  let made = formatters.get(cacheKey);
  if (!made) {
    const { kind, options } = formatOptions[name];
    made = kind === 'date' ? new Intl.DateTimeFormat(intlLocaleOf[activeLocale], options) : new Intl.NumberFormat(intlLocaleOf[activeLocale], options);
    formatters.set(cacheKey, made);
  }
  return made as FormatterOf<N>;
}

export function formatInstant(iso: string): string {
  return formatter('instant').format(new Date(iso));
}

/** 2026-11-30 as "30 Nov 2026" (Hindi: "30 नव॰ 2026"); text that is not an ISO date stays as it is. */
export function formatDate(isoDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatter('date').format(new Date(`${isoDate}T00:00:00Z`)) : isoDate;
}

/** A count with India's grouping (1,00,000). */
export function formatNumber(value: number): string {
  return formatter('number').format(value);
}

/**
 * File sizes the way the BFF writes them (5 MB is 5 × 1024 × 1024 bytes): MB from 1 MB, kB from
 * 1 kB, and bytes below that, so a 37-byte file is never shown as "0 kB".
 */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return formatter('megabytes').format(bytes / (1024 * 1024));
  if (bytes >= 1024) return formatter('kilobytes').format(bytes / 1024);
  return t('app.fileSize.bytes', { count: bytes });
}
