import { describe, expect, it } from 'vitest';
import { describeIssues } from '../validation/describe-issue.ts';
import { OfficeCodeSchema, OfficeCreateSchema, OfficeUpdateSchema, PhoneSchema, PinCodeSchema } from './schemas.ts';

const office = {
  name: 'Export Inspection Agency, Mumbai',
  code: 'EIA-MUM-01',
  addressLine1: 'Plot 12, MIDC Andheri East',
  city: 'Mumbai',
  state: 'Maharashtra',
  pinCode: '400093',
  phone: '022 28200000',
  email: 'eia.mumbai@eicindia.gov.in',
  gstin: '27AAPFU0939F1ZV',
  merchantId: 'EICMUM2024',
  checksumKey: 'kR9!xQ2#pL7v',
  isEWalletEnabled: false,
};
const codesOf = (result: { error?: { issues: Parameters<typeof describeIssues>[0] } }) =>
  Object.fromEntries(describeIssues(result.error?.issues ?? []).map((p) => [p.path, p.code]));

describe('OfficeCreateSchema', () => {
  it('accepts a complete office', () => {
    expect(OfficeCreateSchema.parse(office)).toMatchObject({ code: 'EIA-MUM-01', addressLine2: '' });
  });

  it('refuses a GSTIN whose state code is not the chosen state', () => {
    expect(codesOf(OfficeCreateSchema.safeParse({ ...office, state: 'Karnataka' }))).toEqual({ gstin: 'validation.gstin.state' });
  });

  it('refuses a GSTIN with a wrong check character', () => {
    expect(codesOf(OfficeCreateSchema.safeParse({ ...office, gstin: '27AAPFU0939F1ZW' }))).toEqual({ gstin: 'validation.gstin.check' });
  });

  it('refuses a state that is not in the list, and a blank key', () => {
    expect(codesOf(OfficeCreateSchema.safeParse({ ...office, state: 'Bombay', checksumKey: '' }))).toEqual({
      state: 'validation.state',
      checksumKey: 'validation.checksumKey.blank',
    });
  });
});

describe('office free text (name, address, city)', () => {
  it.each([
    ['name', 'Export\u0000Inspection', 'U+0000 null character (NUL) at position 7'],
    ['addressLine1', 'Plot 12,\r\nMIDC', 'U+000D line break (carriage return) at position 9'],
    ['addressLine2', 'Andheri \u202EEast', 'U+202E right-to-left override at position 9'],
    ['city', 'Mum\uD800bai', 'U+D800 lone surrogate (half of a character) at position 4'],
    ['name', 'Export\u2028Inspection', 'U+2028 line separator at position 7'],
  ])('refuses %s holding %j, naming %s', (field, value, expected) => {
    const [problem] = describeIssues(OfficeCreateSchema.safeParse({ ...office, [field]: value }).error?.issues ?? []);
    expect(problem).toMatchObject({ path: field, code: 'validation.text.chars' });
    expect(problem?.message).toContain(expected);
  });

  it('keeps the joiners Indian scripts need to shape conjuncts, and no-break spaces', () => {
    const name = 'क्\u200Dष Export Inspection\u00A0Agency';
    expect(OfficeCreateSchema.parse({ ...office, name }).name).toBe(name);
  });
});

describe('OfficeUpdateSchema', () => {
  it('keeps the stored key when none is typed', () => {
    const { checksumKey: _, ...withoutKey } = office;
    expect(OfficeUpdateSchema.parse(withoutKey).checksumKey).toBeUndefined();
  });
});

describe('PinCodeSchema', () => {
  it.each(['400093', '110001', '682001'])('accepts %s', (pin) => expect(PinCodeSchema.safeParse(pin).success).toBe(true));
  it.each(['040009', '40009', '4000933', '4000 93', '040 009', '४०००९३'])('refuses %s', (pin) => expect(PinCodeSchema.safeParse(pin).success).toBe(false));
  it.each([
    ['682 025', '682025'],
    [' 682-025 ', '682025'],
  ])('when written as %s, keeps its 6 digits %s', (pin, digits) => expect(PinCodeSchema.parse(pin)).toBe(digits));
});

describe('OfficeCodeSchema', () => {
  it('when typed in lower case, keeps it in capitals', () => expect(OfficeCodeSchema.parse(' eia-koc-02 ')).toBe('EIA-KOC-02'));
  it.each(['E', 'EIA KOC', 'EIA_KOC', '-EIA'])('refuses %s', (code) => expect(OfficeCodeSchema.safeParse(code).success).toBe(false));
});

describe('PhoneSchema', () => {
  it.each(['9820012345', '+91 9820012345', '022 28200000', '0484-2345678', '01123061495'])('accepts %s', (phone) =>
    expect(PhoneSchema.safeParse(phone).success).toBe(true),
  );
  it.each(['5820012345', '022 282', '12345678901', '+1 2025550123', '0484-234567'])('refuses %s', (phone) => expect(PhoneSchema.safeParse(phone).success).toBe(false));
  it.each([
    ['98470 12345', '9847012345'],
    ['+91 98123 45678', '9812345678'],
    ['098470-12345', '9847012345'],
  ])('when a mobile is written as %s, keeps its 10 digits %s', (phone, digits) => expect(PhoneSchema.parse(phone)).toBe(digits));
  it.each(['022 28200000', '0612 2345678', '0712-2565432'])('keeps the landline %s as typed', (phone) => expect(PhoneSchema.parse(phone)).toBe(phone));
});
