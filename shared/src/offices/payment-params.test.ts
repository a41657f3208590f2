import { describe, expect, it } from 'vitest';
import { describeIssues } from '../validation/describe-issue.ts';
import { ChecksumKeySchema, MerchantIdSchema } from './payment-params.ts';

const problemsOf = (schema: typeof MerchantIdSchema, value: string) => describeIssues(schema.safeParse(value).error?.issues ?? []);

describe('MerchantIdSchema', () => {
  it('accepts letters and digits exactly as typed', () => {
    expect(MerchantIdSchema.parse('EICMUM2024')).toBe('EICMUM2024');
  });

  it('refuses blank with a message that says why it matters', () => {
    expect(problemsOf(MerchantIdSchema, '')[0]?.code).toBe('validation.merchantId.blank');
  });

  it.each([
    ['spaces', '   '],
    ['a zero-width space and a no-break space', '\u200B\u00A0'],
    ['a tab, a byte-order mark and a line break', '\t\uFEFF\n'],
  ])('refuses a value of only %s as blank, not character by character', (_label, value) => {
    expect(problemsOf(MerchantIdSchema, value)[0]?.code).toBe('validation.merchantId.blank');
    expect(problemsOf(ChecksumKeySchema, value)[0]?.code).toBe('validation.checksumKey.blank');
  });

  it('names the zero-width space and its position in the message', () => {
    const [problem] = problemsOf(MerchantIdSchema, 'EICMUM\u200B2024');
    expect(problem?.code).toBe('validation.merchantId.chars');
    expect(problem?.message).toContain('U+200B zero-width space at position 7');
  });

  it('names every offence: leading space, Cyrillic look-alike, trailing tab', () => {
    const [problem] = problemsOf(MerchantIdSchema, ' EICМUM\t');
    expect(problem?.message).toContain('U+0020 space at position 1');
    expect(problem?.message).toContain('U+041C Cyrillic capital Em, which looks like "M" at position 5');
    expect(problem?.message).toContain('U+0009 tab at position 8');
  });

  it('refuses punctuation in a Merchant ID', () => {
    expect(problemsOf(MerchantIdSchema, 'EIC-MUM')[0]?.message).toContain('U+002D "-" at position 4');
  });

  it('refuses a length outside 3 to 50', () => {
    expect(problemsOf(MerchantIdSchema, 'AB')[0]?.code).toBe('validation.merchantId.length');
  });
});

describe('ChecksumKeySchema', () => {
  it('accepts printable ASCII punctuation', () => {
    expect(ChecksumKeySchema.parse('k3Y!@#$%^&*()_+-=[]{}')).toBe('k3Y!@#$%^&*()_+-=[]{}');
  });

  it.each([
    ['a no-break space', 'abcd\u00A0efgh', 'U+00A0 no-break space at position 5'],
    ['a byte-order mark', '\uFEFFabcdefgh', 'U+FEFF byte-order mark (zero-width no-break space) at position 1'],
    ['a line break', 'abcdefgh\n', 'U+000A line break (line feed) at position 9'],
    ['a full-width letter', 'abcdＥfgh', 'U+FF25 full-width form, which looks like "E" at position 5'],
  ])('refuses %s, naming it', (_label, value, expected) => {
    const [problem] = problemsOf(ChecksumKeySchema, value);
    expect(problem?.code).toBe('validation.checksumKey.chars');
    expect(problem?.message).toContain(expected);
  });
});
