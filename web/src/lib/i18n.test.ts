import { describe, expect, it } from 'vitest';
import { en } from '@ecoo/shared/i18n/en';
import { formatFileSize, t } from './i18n';

describe('t', () => {
  it('fills placeholders from the catalogue', () => {
    expect(t('nav.signedInAs', { name: 'Asha Verma', role: t('role.dgft-reviewer') })).toBe('Signed in as Asha Verma (DGFT reviewer)');
  });

  it('accepts only catalogue keys', () => {
    // The check is the compiler's (npx tsc -p web): an unknown key is a type error, so no English can skip the catalogue.
    // @ts-expect-error 'home.welcome' is not a catalogue key
    const unknown = () => t('home.welcome');
    expect(Object.hasOwn(en, 'home.welcome')).toBe(false);
    expect(unknown).toBeTypeOf('function');
  });
});

describe('formatFileSize', () => {
  it('writes the 5 MB limit as the BFF does', () => {
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatFileSize(1_572_864)).toBe('1.5 MB');
    expect(formatFileSize(2048)).toBe('2 kB');
    expect(formatFileSize(1100)).toBe('1.1 kB');
  });

  it('writes a file under 1 kB in bytes, never as "0 kB" (issue 14)', () => {
    expect(formatFileSize(37)).toBe('37 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(1023)).toBe('1,023 bytes');
  });
});
