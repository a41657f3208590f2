import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { FieldProblem, Problem } from '@ecoo/shared/problem';
import { problemContentType } from '@ecoo/shared/problem';
import { translate, type MessageParams } from '@ecoo/shared/i18n/translate';
import type { MessageKey } from '@ecoo/shared/i18n/en';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An expected failure: its status, a catalogue key that says what to do, and any field problems. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly fieldProblems: FieldProblem[] | undefined = undefined,
    readonly headers: Record<string, string> = {},
  ) {
    super(translate('en', code, params));
    this.name = 'AppError';
  }
}

export const badRequest = (fieldProblems: FieldProblem[]) => new AppError(400, 'problem.badRequest', {}, fieldProblems);
export const unauthenticated = () => new AppError(401, 'problem.unauthenticated');
export const forbidden = () => new AppError(403, 'problem.forbidden');
export const notYourAgency = () => new AppError(403, 'problem.notYourAgency');
export const routeNotFound = () => new AppError(404, 'problem.notFound');
export const csrfRejected = () => new AppError(403, 'problem.csrf');

export function sendProblem(res: Response, status: number, code: MessageKey, params: MessageParams, errors?: FieldProblem[]): void {
  const correlationId = String(res.locals.correlationId ?? randomUUID());
  const problem: Problem = {
    type: `urn:ecoo:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail: translate('en', code, { ...params, correlationId }),
    code,
    correlationId,
    ...(errors?.length ? { errors } : {}),
  };
  res.status(status).type(problemContentType).send(JSON.stringify(problem));
}

interface BodyParserError { type?: string; status?: number }

/** The one place where errors become answers; anything unexpected is logged in full and answered generically. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return void res.end();
    if (err instanceof AppError) {
      for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
      return sendProblem(res, err.status, err.code, err.params, err.fieldProblems);
    }
    const parserError = err as BodyParserError;
    if (parserError.type === 'entity.parse.failed') {
      return sendProblem(res, 400, 'problem.badRequest', {}, [{ path: '', code: 'validation.invalid', message: 'The body is not valid JSON.' }]);
    }
    if (parserError.type === 'entity.too.large') return sendProblem(res, 413, 'problem.payloadTooLarge', {});
    logger.error({ err, correlationId: res.locals.correlationId, req: { method: req.method, url: req.originalUrl } }, 'unhandled error');
    sendProblem(res, 500, 'problem.internal', {});
  };
}
