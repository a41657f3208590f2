import { z } from 'zod';

/** Official email: compared case-insensitively, so it is stored in lower case. */
export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .toLowerCase()
  .pipe(z.email('validation.email'));

/**
 * A mobile number as people write it ("98470 12345", "+91 98123 45678", "098470-12345"), in its 10
 * digits; anything else is left as typed, for the schema to refuse. Spaces and hyphens between the
 * digits go, as do the country code (+91, 91) and the trunk 0 before a number starting 6-9.
 */
export const tidyMobile = (value: string): string => {
  const compact = value.trim().replace(/[\s-]/g, '');
  return /^(?:\+91|91|0)?([6-9]\d{9})$/.exec(compact)?.[1] ?? value;
};

/** Indian mobile numbers are 10 digits starting 6-9 (TRAI numbering plan), stored as those 10 digits. */
export const MobileSchema = z
  .string()
  .transform(tidyMobile)
  .pipe(z.string().regex(/^[6-9]\d{9}$/, 'validation.mobile'));

export const PersonNameSchema = z
  .string()
  .min(1, 'validation.required')
  .max(100, 'validation.tooLong')
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u, 'validation.name');

export const PasswordSchema = z.string().min(12, 'validation.password.short').max(128, 'validation.password.long');

/** A bare DNS name, lower case, at least one dot; no scheme, no @, no spaces. */
export const EmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'validation.domain');

export const IdSchema = z.uuid();
export const InstantSchema = z.iso.datetime();

/** The domain part of an email, lower case. */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
