import { describe, expect, it } from 'vitest';
import { hi } from '../i18n/hi.ts';
import { registerCatalogue, translate } from '../i18n/translate.ts';
import { applyFixes, decodeOffences, encodeOffences, findOffendingChars, isLineTextChar } from './invisible-chars.ts';
import { offenceInWords, offencesInWords } from './offence-words.ts';

const describeOffence = (offence: Parameters<typeof offenceInWords>[0]) => offenceInWords(offence, (key, params) => translate('en', key, params));

const lettersAndDigits = (char: string) => /^[A-Za-z0-9]$/.test(char);
const printableAscii = (char: string) => /^[\x21-\x7e]$/.test(char);

describe('findOffendingChars', () => {
  it('answers nothing for a clean Merchant ID', () => {
    expect(findOffendingChars('EICMUM2024', lettersAndDigits)).toEqual([]);
  });

  it.each([
    ['\u0020', 'U+0020 space', 'space'],
    ['\u0009', 'U+0009 tab', 'space'],
    ['\u000A', 'U+000A line break (line feed)', 'space'],
    ['\u000D', 'U+000D line break (carriage return)', 'space'],
    ['\u00A0', 'U+00A0 no-break space', 'space'],
    ['\u202F', 'U+202F narrow no-break space', 'space'],
    ['\u3000', 'U+3000 ideographic (full-width) space', 'space'],
    ['\u200B', 'U+200B zero-width space', 'invisible'],
    ['\u200C', 'U+200C zero-width non-joiner', 'invisible'],
    ['\u200D', 'U+200D zero-width joiner', 'invisible'],
    ['\u2060', 'U+2060 word joiner', 'invisible'],
    ['\uFEFF', 'U+FEFF byte-order mark (zero-width no-break space)', 'invisible'],
    ['\u00AD', 'U+00AD soft hyphen', 'invisible'],
    ['\u200E', 'U+200E left-to-right mark', 'invisible'],
    ['\u202E', 'U+202E right-to-left override', 'invisible'],
    ['\u0000', 'U+0000 null character (NUL)', 'invisible'],
    ['\u0007', 'U+0007 control character', 'invisible'],
    ['\uD800', 'U+D800 lone surrogate (half of a character)', 'invisible'],
    ['\uDFFF', 'U+DFFF lone surrogate (half of a character)', 'invisible'],
  ])('names %j and its position 7, and the fix deletes it', (char, label, kind) => {
    const value = `EICMUM${char}2024`;
    const [offence, ...rest] = findOffendingChars(value, printableAscii);
    expect(rest).toEqual([]);
    expect(offence).toMatchObject({ position: 7, kind, replacement: '' });
    expect(describeOffence(offence!)).toBe(`${label} at position 7`);
    expect(applyFixes(value, [offence!])).toBe('EICMUM2024');
  });

  it.each([
    ['\u0410', 'A', 'U+0410 Cyrillic capital A'],
    ['\u0435', 'e', 'U+0435 Cyrillic small ie'],
    ['\u039F', 'O', 'U+039F Greek capital Omicron'],
    ['\uFF21', 'A', 'U+FF21 full-width form, which looks like "A"'],
    ['\uFF11', '1', 'U+FF11 full-width form, which looks like "1"'],
    ['\u2013', '-', 'U+2013 en dash'],
  ])('names the look-alike %j and the fix puts "%s" in its place', (char, ascii, label) => {
    const value = `AB${char}CD`;
    const offences = findOffendingChars(value, printableAscii);
    expect(offences).toHaveLength(1);
    expect(describeOffence(offences[0]!)).toContain(`${label}`);
    expect(describeOffence(offences[0]!)).toContain('at position 3');
    expect(applyFixes(value, offences)).toBe(`AB${ascii}CD`);
  });

  it('reports leading, trailing and several offences with their own positions', () => {
    const value = '\uFEFF M1D\u200B\u00A0';
    const offences = findOffendingChars(value, lettersAndDigits);
    expect(offences.map((o) => [o.position, o.codePoint])).toEqual([
      [1, 'U+FEFF'],
      [2, 'U+0020'],
      [6, 'U+200B'],
      [7, 'U+00A0'],
    ]);
    expect(applyFixes(value, offences)).toBe('M1D');
  });

  it('counts positions in characters, not UTF-16 units', () => {
    const offences = findOffendingChars('😀A\u200B', printableAscii);
    expect(offences.map((o) => o.position)).toEqual([1, 3]);
  });

  it('reports a plain ASCII character outside the allowed set with no automatic fix', () => {
    const offences = findOffendingChars('EIC-MUM', lettersAndDigits);
    expect(offences).toEqual([{ position: 4, char: '-', codePoint: 'U+002D', name: '"-"', kind: 'not-allowed', replacement: null }]);
    expect(applyFixes('EIC-MUM', offences)).toBe('EIC-MUM');
  });

  it('reports a non-ASCII letter that resembles nothing with no automatic fix', () => {
    const [offence] = findOffendingChars('ABक', printableAscii);
    expect(offence).toMatchObject({ codePoint: 'U+0915', kind: 'not-allowed', replacement: null });
  });
});

describe('isLineTextChar', () => {
  it.each(['\u0000', '\t', '\n', '\r', '\u0085', '\u2028', '\u2029', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uD800', '\uDC00'])('refuses %j', (char) =>
    expect(isLineTextChar(char)).toBe(false),
  );
  it.each(['a', ' ', '\u00A0', 'क', '\u200C', '\u200D', '😀', '—'])('keeps %j', (char) => expect(isLineTextChar(char)).toBe(true));
});

describe('offending characters in a problem\'s params', () => {
  const value = '\uFEFFM\u0410D-\u00A0';
  const offences = findOffendingChars(value, lettersAndDigits);

  it('travel as codes and positions, and come back as the same characters', () => {
    const list = encodeOffences(offences);
    expect(list).toBe('U+FEFF@1;U+0410@3;U+002D@5;U+00A0@6');
    expect(decodeOffences(list)).toEqual(offences);
    for (const text of ['', 'U+200B', 'U+200B@', 'zero-width space at position 1', 'U+200B@1;']) expect(decodeOffences(text)).toBeUndefined();
  });

  it('are written in the reader\'s language: English names them; Hindi says where and what in Hindi, the standard name kept as a code', () => {
    const list = encodeOffences(offences);
    expect(offencesInWords(list, (key, params) => translate('en', key, params))).toBe(
      'U+FEFF byte-order mark (zero-width no-break space) at position 1; U+0410 Cyrillic capital A, which looks like "A" at position 3; U+002D "-" at position 5; U+00A0 no-break space at position 6',
    );
    registerCatalogue('hi', hi);
    const hindi = translate('hi', 'validation.merchantId.chars', { offences: list });
    expect(hindi).toContain('स्थान 1 पर U+FEFF');
    expect(hindi).toContain('जो "A" जैसा दिखता है');
    expect(hindi).toContain('स्थान 6 पर U+00A0 (no-break space), एक रिक्ति वर्ण');
    expect(hindi).not.toMatch(/at position|which looks like/);
    // A character without a Unicode name here is worded by its class, in Hindi too.
    const digits = translate('hi', 'validation.merchantId.chars', { offences: encodeOffences(findOffendingChars('EIC१', lettersAndDigits)) });
    expect(digits).toContain('स्थान 4 पर U+0967 (ASCII से बाहर का वर्ण)');
    expect(digits).not.toMatch(/character/);
    expect(decodeOffences('U+110000@1')).toBeUndefined();
  });
});
