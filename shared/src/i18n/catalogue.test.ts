import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { en, type MessageKey } from './en.ts';
import { hi } from './hi.ts';
import { argumentNames, literalText } from './translate.ts';

const keys = Object.keys(en) as MessageKey[];
const astOf = (text: string) => parse(text, { ignoreTag: true });

// Names and codes that stay in Latin letters in Hindi text: acronyms in capitals are allowed by
// rule; these are the rest (product names, file names and extensions, CSV columns and values,
// protocol words inside quoted headers, the parts of example addresses).
const namesAndCodes = new Set([
  'eCoO', 'CoO', 'en', 'hi', 'br', 'md', 'my', 'a', 'z', 'xlsx', 'xls', 'OpenSSL', 'OpenSC', 'Windows', 'Excel', 'WebP', 'dpi', 'challenge', 'txt', 'p7s', 'cer', 'pfx', 'p12',
  'json', 'application', 'charset', 'utf', 'gzip', 'deflate', 'sha256', 'digitalSignature', 'nonRepudiation',
  'isEWalletEnabled', 'yes', 'no', 'name', 'agency', 'gov', 'in', 'eicindia', 'eic', 'mumbai', 'Content', 'Type',
  'npm', 'run', 'demo', 'sign', 'dsc', 'pkcs11', 'provider', 'opensc', 'so', 'tool', 'list', 'slots', 'token', 'label',
]);
// Messages that are names or codes through and through: the language names (each in its own
// script), "{name} ({code})" patterns, labels that are acronyms (GSTIN), and the shell commands.
const sameInBothLanguages = (key: MessageKey) => key.endsWith('.command') || key.startsWith('app.language.') || !/[a-z]{2}/.test(literalText(astOf(en[key])));

describe('the Hindi catalogue', () => {
  it('has every English key and no other', () => {
    expect(Object.keys(hi).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: parses as ICU and has the same placeholders as the English', (key) => {
    expect(argumentNames(astOf(hi[key]))).toEqual(argumentNames(astOf(en[key])));
    expect(hi[key].trim()).not.toBe('');
  });

  it('leaves no English words in Hindi text, only names and codes', () => {
    const english = keys.flatMap((key) => {
      if (sameInBothLanguages(key)) return [];
      const words = literalText(astOf(hi[key])).match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
      const foreign = words.filter((word) => !namesAndCodes.has(word) && !/^[A-Z0-9][A-Z0-9]+$/.test(word) && !/^[A-Z][a-z]?$/.test(word));
      return foreign.length > 0 ? [`${key}: ${foreign.join(' ')}`] : [];
    });
    expect(english).toEqual([]);
  });

  it('is written in Devanagari wherever the English has words', () => {
    const untranslated = keys.filter((key) => !sameInBothLanguages(key) && !/[\u0900-\u097F]/.test(hi[key]));
    expect(untranslated).toEqual([]);
  });

  it('keeps the line breaks of mail bodies', () => {
    const lineBreaks = (text: string) => text.split('\n').length;
    expect(keys.filter((key) => key.startsWith('mail.') && lineBreaks(hi[key]) !== lineBreaks(en[key]))).toEqual([]);
  });
});
