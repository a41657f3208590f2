import { describe, expect, it } from 'vitest';
import { describeIssues } from '../validation/describe-issue.ts';
import { RegistrationFieldsSchema, RegistrationListQuerySchema, RejectionInputSchema } from './schemas.ts';

const valid = {
  registerAs: 'coo-authorized-agency',
  agencyId: '6f1c1a52-1111-4111-8111-111111111111',
  role: 'administrator',
  name: ' Meera Nair ',
  mobile: '9847012345',
  email: 'Meera@MPEDA.gov.in',
};

describe('RegistrationFieldsSchema', () => {
  it('accepts a complete registration and normalises name and email', () => {
    expect(RegistrationFieldsSchema.parse(valid)).toEqual({ ...valid, name: 'Meera Nair', email: 'meera@mpeda.gov.in' });
  });

  it('names each bad field once, with a catalogue key and its English message', () => {
    const result = RegistrationFieldsSchema.safeParse({ ...valid, agencyId: '', mobile: '123', name: '' });
    const problems = describeIssues(result.error?.issues ?? []);
    expect(problems).toEqual([
      { path: 'agencyId', code: 'validation.agency', message: 'Choose your issuing agency from the list.' },
      { path: 'name', code: 'validation.required', message: 'Fill in this field.' },
      { path: 'mobile', code: 'validation.mobile', message: 'Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9.' },
    ]);
  });

  it('refuses a role other than Administrator or Officer before anything else', () => {
    const result = RegistrationFieldsSchema.safeParse({ ...valid, role: 'reviewer', name: '' });
    expect(describeIssues(result.error?.issues ?? [])).toEqual([{ path: 'role', code: 'validation.role', message: 'Choose the role: Administrator or Officer.' }]);
  });

  it('asks an officer for the regional office and designation, and takes no letter fields', () => {
    const officer = { ...valid, role: 'officer', officeId: '6f1c1a52-2222-4222-8222-222222222222', designation: ' Deputy Director ' };
    expect(RegistrationFieldsSchema.parse(officer)).toMatchObject({ role: 'officer', designation: 'Deputy Director', officeId: officer.officeId });
    const missing = RegistrationFieldsSchema.safeParse({ ...valid, role: 'officer' });
    expect(describeIssues(missing.error?.issues ?? []).map((problem) => [problem.path, problem.code])).toEqual([['officeId', 'validation.office'], ['designation', 'validation.designation']]);
    const badOffice = RegistrationFieldsSchema.safeParse({ ...officer, officeId: 'office-1' });
    expect(describeIssues(badOffice.error?.issues ?? [])).toEqual([{ path: 'officeId', code: 'validation.office', message: 'Choose your regional office from the list.' }]);
  });

  it.each(['Meera \u202EriaN', 'Meera\uD800Nair', 'Meera\nNair', 'Meera\u0000Nair', 'Meera\u200BNair'])('refuses the name %j', (name) => {
    const result = RegistrationFieldsSchema.safeParse({ ...valid, name });
    expect(describeIssues(result.error?.issues ?? []).map((problem) => [problem.path, problem.code])).toEqual([['name', 'validation.name']]);
  });

  it('refuses fields it does not know', () => {
    const result = RegistrationFieldsSchema.safeParse({ ...valid, isAdmin: 'yes' });
    expect(describeIssues(result.error?.issues ?? [])[0]?.code).toBe('validation.unknownField');
  });
});

describe('RegistrationListQuerySchema', () => {
  it('defaults to the first 50 pending, and caps the page size at 200', () => {
    expect(RegistrationListQuerySchema.parse({})).toEqual({ status: 'pending', page: 1, pageSize: 50 });
    expect(RegistrationListQuerySchema.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(RegistrationListQuerySchema.parse({ page: '3', status: 'rejected' })).toMatchObject({ page: 3, status: 'rejected' });
  });
});

describe('RejectionInputSchema', () => {
  it('needs a reason of 10 or more characters after trimming', () => {
    expect(RejectionInputSchema.safeParse({ reason: '   too short  ' }).error?.issues[0]?.message).toBe('validation.reason');
    expect(RejectionInputSchema.parse({ reason: '  Letter is unsigned.  ' })).toEqual({ reason: 'Letter is unsigned.' });
  });

  it('keeps lines, and refuses control, invisible and half characters, naming each', () => {
    expect(RejectionInputSchema.parse({ reason: 'Letter is unsigned.\nSend a signed copy.' })).toEqual({ reason: 'Letter is unsigned.\nSend a signed copy.' });
    const [problem] = describeIssues(RejectionInputSchema.safeParse({ reason: 'Letter is \u202Edengisnu\uD800' }).error?.issues ?? []);
    expect(problem).toMatchObject({ path: 'reason', code: 'validation.text.multiLineChars' });
    expect(problem?.message).toContain('U+202E right-to-left override at position 11; U+D800 lone surrogate (half of a character) at position 20');
  });
});
