import { z } from 'zod';
import { encodeOffences, findOffendingChars } from '../text/invisible-chars.ts';

/** Merchant IDs issued by the gateways DGFT agencies use are letters and digits only. */
export const isMerchantIdChar = (char: string) => /^[A-Za-z0-9]$/.test(char);
/** Checksum keys (salts) are printable ASCII with no white space of any kind. */
export const isChecksumKeyChar = (char: string) => /^[\x21-\x7e]$/.test(char);

/**
 * Trade Notice 23/2024-25 §3.I.iii: no spaces or extra characters, never blank. The message names
 * every offending character and its position; nothing is trimmed here, so what is saved is exactly
 * what was typed once it is clean.
 */
function paymentParam(field: 'merchantId' | 'checksumKey', isAllowed: (char: string) => boolean, min: number, max: number) {
  return z.string().superRefine((value, ctx) => {
    const offences = findOffendingChars(value, isAllowed);
    // Only spaces and invisible characters is blank as the user sees it: say "required" first, the
    // field still marks each character (issue 13, fault 14).
    const isBlank = offences.length === [...value].length && offences.every((offence) => offence.kind === 'space' || offence.kind === 'invisible');
    if (isBlank) return void ctx.addIssue({ code: 'custom', message: `validation.${field}.blank` });
    if (offences.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `validation.${field}.chars`,
        params: { offences: encodeOffences(offences), count: offences.length },
      });
      return;
    }
    const length = [...value].length;
    if (length < min || length > max) ctx.addIssue({ code: 'custom', message: `validation.${field}.length`, params: { min, max, length } });
  });
}

export const MerchantIdSchema = paymentParam('merchantId', isMerchantIdChar, 3, 50);
export const ChecksumKeySchema = paymentParam('checksumKey', isChecksumKeyChar, 8, 256);
