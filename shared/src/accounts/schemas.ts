import { z } from 'zod';
import { roles } from '../http/endpoint.ts';
import { locales } from '../i18n/translate.ts';
import { EmailSchema, IdSchema, PasswordSchema } from '../common/fields.ts';

export const RoleSchema = z.enum(roles);

export const SessionUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  agency: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const LocaleSchema = z.enum(locales, { error: 'validation.locale' });

/**
 * The signed-in user (or null), the token to echo in X-CSRF-Token on every change, and the language
 * to speak: the user's choice, else this browser's, else its Accept-Language.
 */
export const SessionSchema = z.object({ user: SessionUserSchema.nullable(), csrfToken: z.string().min(32), locale: LocaleSchema });

export const LanguageChoiceSchema = z.strictObject({ locale: LocaleSchema });
export type Session = z.infer<typeof SessionSchema>;

export const SignInInputSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1, 'validation.required').max(128, 'validation.password.long') });
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const SetPasswordInputSchema = z.strictObject({ token: z.string().min(20).max(200), password: PasswordSchema });
export type SetPasswordInput = z.infer<typeof SetPasswordInputSchema>;

/** The form adds a second entry of the password; only SetPasswordInput goes over the wire. */
export const SetPasswordFormSchema = z
  .object({ password: PasswordSchema, confirm: z.string() })
  .refine((form) => form.password === form.confirm, { path: ['confirm'], message: 'validation.password.mismatch' });
export type SetPasswordForm = z.infer<typeof SetPasswordFormSchema>;
