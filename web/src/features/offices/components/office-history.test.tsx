import { describe, expect, it } from 'vitest';
import { officeHistoryFields } from '@ecoo/shared/offices/audit';
import { en } from '@ecoo/shared/i18n/en';
import { hi } from '@ecoo/shared/i18n/hi';
import { officeHistoryFieldLabel } from './office-history';

describe('the office history field labels', () => {
  it.each(officeHistoryFields)('%s has a label in both catalogues, and it is not the key', (field) => {
    const key = officeHistoryFieldLabel[field];
    expect(en[key]).toBeTruthy();
    expect(hi[key]).toBeTruthy();
    expect(en[key]).not.toBe(field);
  });
});
