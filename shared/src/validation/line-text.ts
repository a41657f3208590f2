import { z } from 'zod';
import { describeOffence, findOffendingChars, isLineTextChar } from '../text/invisible-chars.ts';

/**
 * One line of free text, trimmed, between `min` and `max` characters, that holds no control,
 * line-break, invisible format or half character: such a character is stored as sent and corrupts
 * every page, mail and export that shows it. The message names each one and its position, counted
 * in what was typed (before the trim), as for the Merchant ID.
 */
export function lineTextSchema(min: number, max: number) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const offences = findOffendingChars(value, isLineTextChar);
      if (offences.length === 0) return;
      ctx.addIssue({ code: 'custom', message: 'validation.text.chars', params: { offences: offences.map(describeOffence).join('; '), count: offences.length } });
    })
    .trim()
    .min(min, 'validation.tooShort')
    .max(max, 'validation.tooLong');
}
