import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { hi } from './hi.ts';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { isMessageKey, placeholdersOf, registerCatalogue, translate } from './translate.ts';
import type { MessageKey } from './en.ts';

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'problem.signInThrottled', { minutes: 15 })).toContain('Wait 15 minutes');
    expect(translate('en', 'registrations.pageOf', { page: 2 })).toBe('Page 2 of {pages}');
  });

  it('chooses the plural form, and groups counts as India does in both languages', () => {
    expect(translate('en', 'offices.import.run', { count: 1 })).toBe('Import 1 new office');
    expect(translate('en', 'offices.import.run', { count: 3 })).toBe('Import 3 new offices');
    expect(translate('en', 'officers.caption', { shown: 50, total: 125000 })).toBe('Officers shown: 50 of 1,25,000');
    expect(translate('hi', 'officers.caption', { shown: 50, total: 125000 })).toContain('1,25,000');
    expect(translate('en', 'offices.import.run', { count: 2000 })).toBe('Import 2,000 new offices');
  });

  it('says a message in Hindi once the catalogue is there, with the same placeholders filled', () => {
    registerCatalogue('hi', hi);
    const hindi = translate('hi', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' });
    expect(hindi).toContain('EIA-KOC-02');
    expect(hindi).toMatch(/[\u0900-\u097F]/);
    expect(hindi).not.toBe(translate('en', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' }));
  });

  it('knows its own keys and no others', () => {
    expect(isMessageKey('nav.officeManagement')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('has no empty message, and the menu words of Trade Notice 23/2024-25', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(en['nav.myDashboard']).toBe('My Dashboard');
    expect(en['nav.officeManagement']).toBe('Office Management');
    expect(en['nav.userManagement']).toBe('User Management');
    expect(en['nav.registerDsc']).toBe('Register Digital Signature Certificate');
    expect(en['register.registerAs.agency']).toBe('CoO Authorized Agency');
  });

  it('says the same from a catalogue parsed ahead, as the SPA build ships it, as from the ICU text', () => {
    // Hindi's slot holds English's messages as syntax trees; 3 is "other" in both languages' plural rules.
    registerCatalogue('hi', Object.fromEntries(Object.entries(en).map(([key, text]) => [key, parse(text, { ignoreTag: true })])) as never);
    try {
      for (const key of Object.keys(en) as MessageKey[]) {
        const params = Object.fromEntries([...placeholdersOf(key)].map((name) => [name, 3]));
        expect(translate('hi', key, params), key).toBe(translate('en', key, params));
      }
    } finally {
      registerCatalogue('hi', hi);
    }
  });

  it('writes a message whose formatting fails with its values put in plainly, rather than failing the page', () => {
    // A date argument given words makes Intl throw; no catalogue message does that today.
    registerCatalogue('hi', { ...hi, 'app.title': parse('{count, plural, one {# office} other {# offices}} from {when, date}') });
    try {
      expect(translate('hi', 'app.title', { count: 2, when: 'yesterday' })).toBe('2 offices from yesterday');
    } finally {
      registerCatalogue('hi', hi);
    }
  });

  it('says a message of words alone exactly as IntlMessageFormat would, quoting included, in text and as a tree', () => {
    registerCatalogue('hi', { ...hi, 'app.title': "Don''t do it", 'app.subtitle': parse("It''s {n} o''clock", { ignoreTag: true }) });
    try {
      expect(translate('hi', 'app.title')).toBe("Don't do it");
      expect(translate('hi', 'app.subtitle', { n: 5 })).toBe("It's 5 o'clock");
      registerCatalogue('hi', hi);
      for (const locale of ['en', 'hi'] as const) {
        const catalogue = locale === 'en' ? en : hi;
        for (const key of Object.keys(en) as MessageKey[]) {
          if (placeholdersOf(key).size > 0) continue;
          const expected = new IntlMessageFormat(catalogue[key], locale, undefined, { ignoreTag: true }).format();
          expect(translate(locale, key), `${locale} ${key}`).toBe(expected);
          registerCatalogue(locale, { ...catalogue, [key]: parse(catalogue[key], { ignoreTag: true }) } as never);
          expect(translate(locale, key), `${locale} ${key} as a tree`).toBe(expected);
          registerCatalogue(locale, catalogue);
        }
      }
    } finally {
      registerCatalogue('en', en);
      registerCatalogue('hi', hi);
    }
  });

  it('writes a code param (what a file is) in the message\'s language, and shows any other value as it is', () => {
    registerCatalogue('hi', hi);
    expect(translate('en', 'problem.imageType', { detected: 'gif' })).toBe('Upload a JPEG, PNG or WebP picture of the stamp or signature; this file is a GIF image.');
    expect(translate('hi', 'problem.imageType', { detected: 'gif' })).toBe('मुहर या हस्ताक्षर का JPEG, PNG या WebP चित्र अपलोड करें; यह फ़ाइल एक GIF चित्र है।');
    expect(translate('hi', 'problem.letterType', { detected: 'empty' })).toContain('यह फ़ाइल खाली है।');
    expect(translate('en', 'problem.letterType', { detected: 'a scroll' })).toBe('Upload a PDF, JPEG or PNG; this file is a scroll.');
    expect(translate('en', 'problem.imageResultMissing', { method: 'ink-on-sheet' })).toContain('no result made with Ink extraction within the sheet.');
    expect(translate('hi', 'problem.imageResultMissing', { method: 'ink-on-sheet' })).not.toContain('ink-on-sheet');
  });
});

