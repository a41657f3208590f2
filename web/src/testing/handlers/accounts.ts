import { http, HttpResponse } from 'msw';
import {
  LanguageChoiceSchema,
  PasswordResetRequestSchema,
  SessionSchema,
  SessionUserSchema,
  SetPasswordInputSchema,
  SignInInputSchema,
  type SessionUser,
} from '@ecoo/shared/accounts/schemas';
import type { Role } from '@ecoo/shared/http/endpoint';
import type { Locale } from '@ecoo/shared/i18n/translate';
import { csrfProblem, csrfTokens, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { eiaMumbai } from './agencies';

export const sessionUsers: Record<Role, SessionUser> = {
  'dgft-reviewer': SessionUserSchema.parse({
    id: '5a1c7e93-2b4d-4f6a-8c0e-1d3f5a7b9c01',
    name: 'Asha Verma',
    email: 'reviewer@dgft.gov.in',
    role: 'dgft-reviewer',
    agency: null,
  }),
  'agency-admin': SessionUserSchema.parse({
    id: '6b2d8f04-3c5e-4a7b-9d1f-2e4a6b8c0d02',
    name: 'Rahul Deshmukh',
    email: 'admin.mumbai@eicindia.gov.in',
    role: 'agency-admin',
    agency: { id: eiaMumbai.id, name: eiaMumbai.name },
  }),
  'issuing-officer': SessionUserSchema.parse({
    id: '7c3e9a15-4d6f-4b8c-8e2a-3f5b7c9d1e03',
    name: 'Priya Nair',
    email: 'priya.nair@eicindia.gov.in',
    role: 'issuing-officer',
    agency: { id: eiaMumbai.id, name: eiaMumbai.name },
  }),
};

export const passwordOf: Record<Role, string> = {
  'dgft-reviewer': 'Reviewer-demo-2026',
  'agency-admin': 'Admin-demo-2026',
  'issuing-officer': 'Officer-demo-2026',
};

export const validPasswordToken = 'set-password-token-0123456789abcdef';

// The language the BFF would answer in: what the test's browser chose last (English until then).
let chosenLocale: Locale = 'en';
export const forgetChosenLanguage = () => {
  chosenLocale = 'en';
};
/** As if this browser had chosen (or asked for) `locale` before the test: GET /api/session names it. */
export const answerInLanguage = (locale: Locale) => {
  chosenLocale = locale;
};

const session = (user: SessionUser | null, csrfToken: string = csrfTokens.initial) => HttpResponse.json(SessionSchema.parse({ user, csrfToken, locale: chosenLocale }));

/** GET /api/session for someone already signed in; by default nobody is. */
export const signedInAs = (role: Role) => http.get('/api/session', () => session(sessionUsers[role]));

export const accountsHandlers = [
  http.get('/api/session', () => session(null)),
  http.post('/api/session', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(SignInInputSchema, await request.json());
    if ('response' in body) return body.response;
    const user = Object.values(sessionUsers).find((candidate) => candidate.email === body.data.email);
    if (!user || passwordOf[user.role] !== body.data.password) return problemResponse(401, 'problem.signInFailed');
    // Sign-in issues a new CSRF token, as the BFF does.
    return session(user, csrfTokens.rotated);
  }),
  http.delete('/api/session', ({ request }) => (lacksCsrfToken(request) ? csrfProblem() : new HttpResponse(null, { status: 204 }))),
  http.put('/api/session/language', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(LanguageChoiceSchema, await request.json());
    if ('response' in body) return body.response;
    chosenLocale = body.data.locale;
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('/api/password-reset-requests', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(PasswordResetRequestSchema, await request.json());
    return 'response' in body ? body.response : new HttpResponse(null, { status: 202 });
  }),
  http.put('/api/password', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(SetPasswordInputSchema, await request.json());
    if ('response' in body) return body.response;
    return body.data.token === validPasswordToken ? new HttpResponse(null, { status: 204 }) : problemResponse(400, 'problem.tokenInvalid');
  }),
];
