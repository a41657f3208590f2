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
  formats = formatsFor(locale);
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

function formatsFor(locale: Locale) {
  const intlLocale = intlLocaleOf[locale];
  return {
    // Times are shown in India Standard Time, whatever the reviewer's machine is set to.
    instant: new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }),
    // A calendar date (an effective date) is a day, not an instant: read and shown as the same day everywhere.
    date: new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    number: new Intl.NumberFormat(intlLocale),
    kilobytes: new Intl.NumberFormat(intlLocale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
    megabytes: new Intl.NumberFormat(intlLocale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
  };
}
let formats = formatsFor(activeLocale);

export function formatInstant(iso: string): string {
  return formats.instant.format(new Date(iso));
}

/** 2026-11-30 as "30 Nov 2026" (Hindi: "30 नव॰ 2026"); text that is not an ISO date stays as it is. */
export function formatDate(isoDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formats.date.format(new Date(`${isoDate}T00:00:00Z`)) : isoDate;
}

/** A count with India's grouping (1,00,000). */
export function formatNumber(value: number): string {
  return formats.number.format(value);
}

/**
 * File sizes the way the BFF writes them (5 MB is 5 × 1024 × 1024 bytes): MB from 1 MB, kB from
 * 1 kB, and bytes below that, so a 37-byte file is never shown as "0 kB".
 */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return formats.megabytes.format(bytes / (1024 * 1024));
  if (bytes >= 1024) return formats.kilobytes.format(bytes / 1024);
  return t('app.fileSize.bytes', { count: bytes });
}
