import { HttpResponse } from 'msw';
import type { z } from 'zod';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import { translate, type MessageParams } from '@ecoo/shared/i18n/translate';
import { ProblemSchema, problemContentType, type FieldProblem } from '@ecoo/shared/problem';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';

/** A problem+json answer as the BFF writes it, checked against the shared schema. */
export function problemResponse(status: number, code: MessageKey, params: MessageParams = {}, errors?: FieldProblem[]) {
  const correlationId = 'c0ffee00-0000-4000-8000-000000000001';
  const problem = ProblemSchema.parse({
    type: `urn:ecoo:problem:${code}`,
    title: 'Problem',
    status,
    detail: translate('en', code, { ...params, correlationId }),
    code,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    correlationId,
    ...(errors?.length ? { errors } : {}),
  });
  return HttpResponse.json(problem, { status, headers: { 'Content-Type': problemContentType } });
}

/** Parses a request body with the shared input schema, answering 400 with field problems like the BFF when it does not fit. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): { data: z.output<S> } | { response: ReturnType<typeof problemResponse> } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return { response: problemResponse(400, 'problem.badRequest', {}, describeIssues(parsed.error.issues)) };
}

/** The BFF refuses a change without the token it handed out; so do the mocks, so a client that forgets it fails its test. */
export const csrfTokens = { initial: 'csrf-token-initial-0123456789abcdef0123', rotated: 'csrf-token-rotated-0123456789abcdef0123' } as const;

export function lacksCsrfToken(request: Request): boolean {
  const token = request.headers.get('X-CSRF-Token');
  return token !== csrfTokens.initial && token !== csrfTokens.rotated;
}

export const csrfProblem = () => problemResponse(403, 'problem.csrf');
