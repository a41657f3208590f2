import { defineEndpoints, publicAccess } from '../http/endpoint.ts';
import { LanguageChoiceSchema, PasswordResetRequestSchema, SessionSchema, SetPasswordInputSchema, SignInInputSchema } from './schemas.ts';

export const accountsApi = defineEndpoints({
  getSession: {
    method: 'get',
    path: '/api/session',
    summary: 'The signed-in user, if any, and the CSRF token for changes',
    tag: 'accounts',
    access: publicAccess,
    responses: { 200: SessionSchema },
  },
  signIn: {
    method: 'post',
    path: '/api/session',
    summary: 'Sign in with official email and password',
    tag: 'accounts',
    access: publicAccess,
    body: SignInInputSchema,
    responses: { 200: SessionSchema },
    problems: [429],
  },
  signOut: {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out: ends the server-side session',
    tag: 'accounts',
    access: publicAccess,
    responses: { 204: null },
  },
  chooseLanguage: {
    method: 'put',
    path: '/api/session/language',
    summary: 'Choose the console\'s language (en, hi): kept for this browser, and with the account when signed in (its mail too)',
    tag: 'accounts',
    access: publicAccess,
    body: LanguageChoiceSchema,
    responses: { 204: null },
  },
  requestPasswordReset: {
    method: 'post',
    path: '/api/password-reset-requests',
    summary: 'Email a single-use link to set a new password (answers the same whether or not the account exists)',
    tag: 'accounts',
    access: publicAccess,
    body: PasswordResetRequestSchema,
    responses: { 202: null },
  },
  setPassword: {
    method: 'put',
    path: '/api/password',
    summary: 'Set a password with the single-use token from an emailed link',
    tag: 'accounts',
    access: publicAccess,
    body: SetPasswordInputSchema,
    responses: { 204: null },
  },
});
