import { describe, expect, it } from 'vitest';
import { describeIssues } from './describe-issue.ts';
import { lineTextSchema, multiLineTextSchema } from './line-text.ts';

const problemOf = (schema: ReturnType<typeof lineTextSchema>, value: unknown) => describeIssues(schema.safeParse(value).error?.issues ?? [])[0];

describe('lineTextSchema', () => {
  it.each([
    ['Coir\u0000Board', 'U+0000 null character (NUL) at position 5'],
    ['Coir\nBoard', 'U+000A line break (line feed) at position 5'],
    ['Coir\rBoard', 'U+000D line break (carriage return) at position 5'],
    ['Coir\u2028Board', 'U+2028 line separator at position 5'],
    ['Coir \u202EdraoB', 'U+202E right-to-left override at position 6'],
    ['Coir\uD800Board', 'U+D800 lone surrogate (half of a character) at position 5'],
  ])('refuses %j, naming %s', (value, expected) => {
    const problem = problemOf(lineTextSchema(3, 200), value);
    expect(problem).toMatchObject({ code: 'validation.text.chars' });
    expect(problem?.message).toContain(expected);
  });

  it('says how many characters are needed, and how many are allowed', () => {
    expect(problemOf(lineTextSchema(3, 200), ' X ')).toMatchObject({ code: 'validation.tooShort', message: 'Enter at least 3 characters.' });
    expect(problemOf(lineTextSchema(3, 5), 'Coir Board')).toMatchObject({ code: 'validation.tooLong', message: 'Enter at most 5 characters.' });
  });
});

describe('multiLineTextSchema', () => {
  const reason = multiLineTextSchema(10, 1000, 'validation.reason');

  it('keeps line breaks (LF, or CR LF) and trims the ends', () => {
    expect(reason.parse('  The letter is unsigned.\nAttach a signed copy.\n')).toBe('The letter is unsigned.\nAttach a signed copy.');
    expect(reason.parse('The letter is unsigned.\r\n\r\nAttach a signed copy.')).toBe('The letter is unsigned.\r\n\r\nAttach a signed copy.');
  });

  it.each([
    ['The letter\ris unsigned.', 'U+000D line break (carriage return) at position 11'],
    ['The letter\tis unsigned.', 'U+0009 tab at position 11'],
    ['The letter\u0000\u001b[31m is unsigned.', 'U+0000 null character (NUL) at position 11; U+001B control character at position 12'],
    ['The letter\u2028is unsigned.', 'U+2028 line separator at position 11'],
    ['The letter\u2029is unsigned.', 'U+2029 paragraph separator at position 11'],
    ['The letter is \u202Edengisnu.', 'U+202E right-to-left override at position 15'],
    ['The letter is unsigned.\uD800', 'U+D800 lone surrogate (half of a character) at position 24'],
    ['\uDC00The letter is unsigned.', 'U+DC00 lone surrogate (half of a character) at position 1'],
    ['The letter\u200Bis unsigned.', 'U+200B zero-width space at position 11'],
  ])('refuses %j, naming %s', (value, expected) => {
    const problem = problemOf(reason, value);
    expect(problem).toMatchObject({ code: 'validation.text.multiLineChars' });
    expect(problem?.message).toContain(expected);
  });

  it('asks for the length with the key it is given', () => {
    expect(problemOf(reason, '  too short \n ')).toMatchObject({ code: 'validation.reason' });
  });

  it('keeps the joiners Indian scripts need, and a character made of two halves', () => {
    const text = 'क्\u200Dष प्रमाणपत्र अस्वीकृत 📄';
    expect(reason.parse(text)).toBe(text);
  });
});
