import { describe, expect, it } from 'vitest';
import { gstinCheckCharacter, hasValidGstinCheck } from './gstin.ts';

describe('GSTIN check character', () => {
  it.each(['27AAPFU0939F1ZV', '29AAGCB7383J1Z4'])('accepts the published GSTIN %s', (gstin) => {
    expect(gstinCheckCharacter(gstin.slice(0, 14))).toBe(gstin[14]);
    expect(hasValidGstinCheck(gstin)).toBe(true);
  });

  it('refuses a wrong check character, and a typo anywhere', () => {
    expect(hasValidGstinCheck('27AAPFU0939F1ZW')).toBe(false);
    expect(hasValidGstinCheck('27AAPFU0938F1ZV')).toBe(false);
  });

  it('refuses the wrong shape', () => {
    expect(hasValidGstinCheck('27aapfu0939f1zv')).toBe(false);
    expect(hasValidGstinCheck('27AAPFU0939F1Z')).toBe(false);
    expect(hasValidGstinCheck('27AAPFU0939F0ZV')).toBe(false);
  });
});
