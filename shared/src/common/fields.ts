import { z } from 'zod';

/** Official email: compared case-insensitively, so it is stored in lower case. */
export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .toLowerCase()
  .pipe(z.email('validation.email'));

/** Indian mobile numbers are 10 digits starting 6-9 (TRAI numbering plan). */
export const MobileSchema = z.string().regex(/^[6-9]\d{9}$/, 'validation.mobile');

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
