import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { hi } from './hi.ts';
import { isMessageKey, registerCatalogue, translate } from './translate.ts';

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
});
