import type { MessageKey } from '@ecoo/shared/i18n/en';
import { translate, type Locale, type MessageParams } from '@ecoo/shared/i18n/translate';

export type { MessageKey };

/** Hindi arrives as a second catalogue; until then every page speaks English. */
const locale: Locale = 'en';
const intlLocale = 'en-IN';

/** The one way the SPA turns a catalogue key into words; a key outside the catalogue does not compile. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(locale, key, params);
}

// Times are shown in India Standard Time, whatever the reviewer's machine is set to.
const instantFormat = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

export function formatInstant(iso: string): string {
  return instantFormat.format(new Date(iso));
}

// A calendar date (an effective date) is a day, not an instant: read and shown as the same day everywhere.
const dateFormat = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2026-11-30 as "30 Nov 2026"; text that is not an ISO date stays as it is. */
export function formatDate(isoDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : isoDate;
}

/** File sizes the way the BFF writes them (5 MB is 5 × 1024 × 1024 bytes); below 1 MB in kB, never in bytes. */
export function formatFileSize(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? (['megabyte', 1024 * 1024] as const) : (['kilobyte', 1024] as const);
  return new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}
