import { describe, expect, it } from 'vitest';
import { registrationReference } from './reference.ts';

describe('registrationReference', () => {
  it('is REG- and eight characters from an alphabet without I, L, O or U, the same every time for one id', () => {
    const id = '7a3f1c2e-9b4d-4e6f-8a1b-2c3d4e5f6a7b';
    expect(registrationReference(id)).toMatch(/^REG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(registrationReference(id)).toBe(registrationReference(id.toUpperCase()));
    expect(registrationReference('00000000-0000-4000-8000-000000000000')).toBe('REG-0000-0000');
    expect(registrationReference('ffffffff-ff00-4000-8000-000000000000')).toBe('REG-ZZZZ-ZZZZ');
  });

  it('gives ids that differ in their first 40 bits different references', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `${(i * 7919 * 104729).toString(16).padStart(10, '0').slice(-10)}00-0000-4000-8000-000000000000`.replace(/^(.{8})(.{4})/, '$1-$2'));
    expect(new Set(ids.map(registrationReference)).size).toBe(new Set(ids.map((id) => id.slice(0, 13))).size);
  });
});
