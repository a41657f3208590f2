/**
 * Finds characters that do not belong in a payment-gateway parameter: spaces of every kind,
 * invisible format characters, and non-ASCII look-alikes pasted from email or PDFs. DGFT Trade
 * Notice 23/2024-25 §3.I.iii: a stray space or extra character in the Merchant ID or Checksum
 * breaks payments for every exporter of the office. Nothing here trims silently: it reports each
 * character with its position, and proposes a fix that the user confirms.
 */

export type OffenceKind = 'space' | 'invisible' | 'lookalike' | 'not-allowed';
export type GenericChar = 'fullwidth' | 'surrogate' | 'control' | 'format' | 'space' | 'nonascii';

export interface OffendingChar {
  /** 1-based position, counted in characters as the user sees them (code points). */
  position: number;
  char: string;
  /** "U+200B" */
  codePoint: string;
  /** Its Unicode name, in the standard's English, as a code is: "zero-width space", "Cyrillic capital A" */
  name: string;
  kind: OffenceKind;
  /** For a look-alike, the ASCII character it passes for. */
  looksLike?: string;
  /** A character without a name of its own here is described by its class, which each language words (chars.offence). */
  generic?: GenericChar;
  /** What the fix puts in its place: '' deletes it, a letter replaces a look-alike, null means no automatic fix. */
  replacement: string | null;
}

const namedSpaces: Record<number, string> = {
  0x09: 'tab',
  0x0a: 'line break (line feed)',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'line break (carriage return)',
  0x20: 'space',
  0x85: 'next-line break',
  0xa0: 'no-break space',
  0x1680: 'Ogham space mark',
  0x2000: 'en quad space',
  0x2001: 'em quad space',
  0x2002: 'en space',
  0x2003: 'em space',
  0x2004: 'three-per-em space',
  0x2005: 'four-per-em space',
  0x2006: 'six-per-em space',
  0x2007: 'figure space',
  0x2008: 'punctuation space',
  0x2009: 'thin space',
  0x200a: 'hair space',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202f: 'narrow no-break space',
  0x205f: 'medium mathematical space',
  0x3000: 'ideographic (full-width) space',
};

const namedInvisibles: Record<number, string> = {
  0x00: 'null character (NUL)',
  0xad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x17b4: 'Khmer vowel inherent aq',
  0x17b5: 'Khmer vowel inherent aa',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfe0f: 'variation selector-16',
  0xfeff: 'byte-order mark (zero-width no-break space)',
  0xffa0: 'half-width Hangul filler',
};

/** Letters from other scripts that print like ASCII ones, and what they look like. */
const lookalikes: Record<string, [ascii: string, name: string]> = {
  А: ['A', 'Cyrillic capital A'], В: ['B', 'Cyrillic capital Ve'], С: ['C', 'Cyrillic capital Es'], Е: ['E', 'Cyrillic capital Ie'],
  Н: ['H', 'Cyrillic capital En'], І: ['I', 'Cyrillic capital Byelorussian-Ukrainian I'], Ј: ['J', 'Cyrillic capital Je'],
  К: ['K', 'Cyrillic capital Ka'], М: ['M', 'Cyrillic capital Em'], О: ['O', 'Cyrillic capital O'], Р: ['P', 'Cyrillic capital Er'],
  Ѕ: ['S', 'Cyrillic capital Dze'], Т: ['T', 'Cyrillic capital Te'], Х: ['X', 'Cyrillic capital Ha'], У: ['Y', 'Cyrillic capital U'],
  а: ['a', 'Cyrillic small a'], с: ['c', 'Cyrillic small es'], е: ['e', 'Cyrillic small ie'], і: ['i', 'Cyrillic small Byelorussian-Ukrainian i'],
  ј: ['j', 'Cyrillic small je'], о: ['o', 'Cyrillic small o'], р: ['p', 'Cyrillic small er'], ѕ: ['s', 'Cyrillic small dze'],
  х: ['x', 'Cyrillic small ha'], у: ['y', 'Cyrillic small u'], ԁ: ['d', 'Cyrillic small komi de'], ԛ: ['q', 'Cyrillic small qa'],
  ԝ: ['w', 'Cyrillic small we'], һ: ['h', 'Cyrillic small shha'],
  Α: ['A', 'Greek capital Alpha'], Β: ['B', 'Greek capital Beta'], Ε: ['E', 'Greek capital Epsilon'], Ζ: ['Z', 'Greek capital Zeta'],
  Η: ['H', 'Greek capital Eta'], Ι: ['I', 'Greek capital Iota'], Κ: ['K', 'Greek capital Kappa'], Μ: ['M', 'Greek capital Mu'],
  Ν: ['N', 'Greek capital Nu'], Ο: ['O', 'Greek capital Omicron'], Ρ: ['P', 'Greek capital Rho'], Τ: ['T', 'Greek capital Tau'],
  Υ: ['Y', 'Greek capital Upsilon'], Χ: ['X', 'Greek capital Chi'], ο: ['o', 'Greek small omicron'], ν: ['v', 'Greek small nu'],
  '‐': ['-', 'hyphen (U+2010)'], '‑': ['-', 'non-breaking hyphen'], '‒': ['-', 'figure dash'], '–': ['-', 'en dash'], '—': ['-', 'em dash'],
  '−': ['-', 'minus sign'], '‘': ["'", 'left single quotation mark'], '’': ["'", 'right single quotation mark'],
  '“': ['"', 'left double quotation mark'], '”': ['"', 'right double quotation mark'], '′': ["'", 'prime'], '․': ['.', 'one dot leader'],
};

export const codePointLabel = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Describes one character that is not plain printable ASCII, or answers undefined for one that is. */
function describeForeign(char: string): Omit<OffendingChar, 'position' | 'char' | 'codePoint'> | undefined {
  const cp = char.codePointAt(0) ?? 0;
  if (namedSpaces[cp]) return { name: namedSpaces[cp], kind: 'space', replacement: '' };
  if (namedInvisibles[cp]) return { name: namedInvisibles[cp], kind: 'invisible', replacement: '' };
  if (cp >= 0x21 && cp <= 0x7e) return undefined;
  const lookalike = lookalikes[char];
  if (lookalike) return { name: lookalike[1], kind: 'lookalike', looksLike: lookalike[0], replacement: lookalike[0] };
  // Full-width forms (U+FF01–FF5E) are ASCII shifted by 0xFEE0, typed by East Asian input methods.
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const ascii = String.fromCodePoint(cp - 0xfee0);
    return { name: 'full-width form', generic: 'fullwidth', kind: 'lookalike', looksLike: ascii, replacement: ascii };
  }
  // Half of a UTF-16 pair with no other half: JSON can carry one ("\ud800"), no font can show it.
  if (cp >= 0xd800 && cp <= 0xdfff) return { name: 'lone surrogate (half of a character)', generic: 'surrogate', kind: 'invisible', replacement: '' };
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return { name: 'control character', generic: 'control', kind: 'invisible', replacement: '' };
  if (/\p{Cf}|\p{Mn}|\p{Me}/u.test(char)) return { name: 'invisible formatting character', generic: 'format', kind: 'invisible', replacement: '' };
  if (/\p{Zs}/u.test(char)) return { name: 'space', generic: 'space', kind: 'space', replacement: '' };
  return { name: 'non-ASCII character', generic: 'nonascii', kind: 'not-allowed', replacement: null };
}

/**
 * Whether a character may stand in one line of free text (an office's name or address): not a
 * control character (NUL, tab, line breaks), a line or paragraph separator, an invisible format
 * character (bidi overrides such as U+202E that reorder what is shown, zero-width spaces) or a
 * lone surrogate. The zero-width joiner and non-joiner stay: Indian scripts shape conjuncts with them.
 */
export const isLineTextChar = (char: string): boolean =>
  char === '\u200c' || char === '\u200d' || !/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(char);

/**
 * Whether a character may stand in text of several lines (a reason that is mailed and kept on
 * record): what one line allows, and line breaks as a text box sends them, LF or CR LF. A CR alone,
 * a tab, and the Unicode line and paragraph separators stay out: mail and exports break lines at LF.
 */
export const isMultiLineTextChar = (char: string, next: string | undefined): boolean =>
  char === '\n' || (char === '\r' && next === '\n') || isLineTextChar(char);

/**
 * Every character of `value` that `isAllowed` refuses (given the character after it, if it needs
 * it), with its position and name. Characters that are plain ASCII but not allowed (say "-" in a
 * Merchant ID) are reported too, with no fix.
 */
export function findOffendingChars(value: string, isAllowed: (char: string, next: string | undefined) => boolean): OffendingChar[] {
  const found: OffendingChar[] = [];
  const chars = [...value];
  let position = 0;
  for (const char of chars) {
    position += 1;
    if (isAllowed(char, chars[position])) continue;
    const cp = char.codePointAt(0) ?? 0;
    const foreign = describeForeign(char) ?? { name: `"${char}"`, kind: 'not-allowed' as const, replacement: null };
    found.push({ position, char, codePoint: codePointLabel(cp), ...foreign });
  }
  return found;
}

/** The value with every fixable offence fixed; what cannot be fixed automatically stays for the user. */
export function applyFixes(value: string, offences: readonly OffendingChar[]): string {
  const byPosition = new Map(offences.map((offence) => [offence.position, offence]));
  let position = 0;
  let fixed = '';
  for (const char of value) {
    position += 1;
    const offence = byPosition.get(position);
    fixed += offence && offence.replacement !== null ? offence.replacement : char;
  }
  return fixed;
}

/**
 * The offending characters as a problem's param carries them, in no language: "U+200B@7;U+0410@9"
 * (code point @ position). translate() writes them out in the reader's language (offence-words.ts),
 * so a Hindi page never shows an English sentence about them, and API users get a list they can parse.
 */
export const encodeOffences = (offences: readonly OffendingChar[]): string => offences.map((offence) => `${offence.codePoint}@${offence.position}`).join(';');

const encodedOffences = /^U\+[0-9A-F]{4,6}@\d+(?:;U\+[0-9A-F]{4,6}@\d+)*$/;

/** The characters an encodeOffences() list names, described again; undefined for any other text. */
export function decodeOffences(list: string): OffendingChar[] | undefined {
  if (!encodedOffences.test(list)) return undefined;
  const offences: OffendingChar[] = [];
  for (const item of list.split(';')) {
    const [codePoint, position] = item.split('@') as [string, string];
    const value = Number.parseInt(codePoint.slice(2), 16);
    // Six hex digits can say more than Unicode holds; fromCodePoint would throw inside translate().
    if (value > 0x10ffff) return undefined;
    const char = String.fromCodePoint(value);
    const foreign = describeForeign(char) ?? { name: `"${char}"`, kind: 'not-allowed' as const, replacement: null };
    offences.push({ position: Number(position), char, codePoint, ...foreign });
  }
  return offences;
}
