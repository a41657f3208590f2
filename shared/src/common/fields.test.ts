import { describe, expect, it } from 'vitest';
import { EmailDomainSchema, EmailSchema, MobileSchema, PasswordSchema, PersonNameSchema, domainOf } from './fields.ts';

describe('EmailSchema', () => {
  it('lower-cases and trims an official email', () => {
    expect(EmailSchema.parse('  Meera.Nair@MPEDA.gov.in ')).toBe('meera.nair@mpeda.gov.in');
  });
  it.each(['', 'meera', 'meera@', '@mpeda.gov.in', 'meera nair@mpeda.gov.in'])('refuses %j', (value) => {
    expect(EmailSchema.safeParse(value).success).toBe(false);
  });
});

describe('MobileSchema', () => {
  it.each(['9847012345', '6000000000', '7999999999'])('accepts %s', (value) => expect(MobileSchema.safeParse(value).success).toBe(true));
  it.each([
    ['98470 12345', '9847012345'],
    ['+91 98123 45678', '9812345678'],
    ['+919847012345', '9847012345'],
    ['098470-12345', '9847012345'],
    [' 91-98470-12345 ', '9847012345'],
  ])('when written as %s, keeps its 10 digits %s', (value, digits) => expect(MobileSchema.parse(value)).toBe(digits));
  it.each(['5847012345', '984701234', '98470123456', '+1 9847012345', '98470.12345', '०98470 12345', '९८४७०१२३४५'])('refuses %s', (value) => {
    const result = MobileSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.mobile');
  });
});

describe('PersonNameSchema', () => {
  it.each(['Meera Nair', "D'Souza", 'A. K. Sharma-Rao', 'मीरा नायर'])('accepts %s', (value) => expect(PersonNameSchema.safeParse(value).success).toBe(true));
  it.each(['', '<script>', '1234', ' Meera'])('refuses %j', (value) => expect(PersonNameSchema.safeParse(value).success).toBe(false));
});

describe('EmailDomainSchema', () => {
  it('lower-cases a bare domain', () => expect(EmailDomainSchema.parse('EICINDIA.gov.in')).toBe('eicindia.gov.in'));
  it.each(['@eicindia.gov.in', 'eicindia', 'http://eic.gov.in', 'eic india.gov.in', '-bad.gov.in'])('refuses %s', (value) => {
    expect(EmailDomainSchema.safeParse(value).success).toBe(false);
  });
});

describe('PasswordSchema', () => {
  it('needs 12 to 128 characters', () => {
    expect(PasswordSchema.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('validation.password.short');
    expect(PasswordSchema.safeParse('x'.repeat(12)).success).toBe(true);
    expect(PasswordSchema.safeParse('x'.repeat(129)).error?.issues[0]?.message).toBe('validation.password.long');
  });
});

describe('domainOf', () => {
  it('answers the lower-case part after the last @', () => expect(domainOf('a@b@Spices.GOV.in')).toBe('spices.gov.in'));
});
