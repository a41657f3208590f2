import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { encodeOffences, findOffendingChars, isLineTextChar, isMultiLineTextChar } from '../text/invisible-chars.ts';

/**
 * Free text a person typed, trimmed, between `min` and `max` characters, that holds no control or
 * invisible format character (bidi overrides such as U+202E, zero-width spaces) and no half
 * character (a lone surrogate, which JSON can carry as "\ud800"): such a character is stored as
 * sent and corrupts every page, mail and export that shows it. The message names each one and its
 * position, counted in what was typed (before the trim), as for the Merchant ID. `tooShort` is the
 * message of a value under `min`, for fields that say why they need so much (a reason).
 */
function freeTextSchema(isAllowed: (char: string, next: string | undefined) => boolean, charsKey: MessageKey, min: number, max: number, tooShort: MessageKey) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const offences = findOffendingChars(value, isAllowed);
      if (offences.length === 0) return;
      ctx.addIssue({ code: 'custom', message: charsKey, params: { offences: encodeOffences(offences), count: offences.length } });
    })
    .trim()
    .min(min, tooShort)
    .max(max, 'validation.tooLong');
}

/** One line of free text (a name, an address line): no line break either. */
export const lineTextSchema = (min: number, max: number, tooShort: MessageKey = 'validation.tooShort') =>
  freeTextSchema(isLineTextChar, 'validation.text.chars', min, max, tooShort);

/** Free text of several lines (a reason that is mailed and kept on record): line breaks as LF or CR LF. */
export const multiLineTextSchema = (min: number, max: number, tooShort: MessageKey = 'validation.tooShort') =>
  freeTextSchema(isMultiLineTextChar, 'validation.text.multiLineChars', min, max, tooShort);
