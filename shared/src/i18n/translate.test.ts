import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isMessageKey, translate } from './translate.ts';

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'problem.signInThrottled', { minutes: 15 })).toContain('Wait 15 minutes');
    expect(translate('en', 'registrations.pageOf', { page: 2 })).toBe('Page 2 of {pages}');
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
