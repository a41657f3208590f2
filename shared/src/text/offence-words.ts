import type { MessageKey } from '../i18n/en.ts';
import { decodeOffences, type OffendingChar } from './invisible-chars.ts';

type Say = (key: MessageKey, params: Record<string, string | number>) => string;

/** One offending character in the words of `say`'s language (chars.offence in the catalogue). */
export function offenceInWords(offence: OffendingChar, say: Say): string {
  return say('chars.offence', {
    codePoint: offence.codePoint,
    name: offence.name,
    position: offence.position,
    kind: offence.kind,
    looksLike: offence.looksLike ?? '',
    // 'named': the character's own Unicode name, kept as it is in every language.
    generic: offence.generic ?? 'named',
  });
}

/**
 * An encodeOffences() list written out in `say`'s language, "; " between them; undefined when the
 * text is not such a list. `say` is translate() in one locale: passed in, so this module and
 * translate.ts do not import each other.
 */
export function offencesInWords(list: string, say: Say): string | undefined {
  return decodeOffences(list)?.map((offence) => offenceInWords(offence, say)).join('; ');
}
