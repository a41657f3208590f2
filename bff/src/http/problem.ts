import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { FieldProblem, Problem } from '@ecoo/shared/problem';
import { problemContentType } from '@ecoo/shared/problem';
import { translate, type MessageParams } from '@ecoo/shared/i18n/translate';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import { loggableUrl } from './loggable-url.ts';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  421: 'Misdirected request',
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
/**
 * Only for an account that acts for no agency (a reviewer) reaching agency-owned things, which is a
 * matter of role. A record of another agency answers the same 404 as an unknown id, never this.
 */
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
    ...(Object.keys(params).length > 0 ? { params } : {}),
    correlationId,
    ...(errors?.length ? { errors } : {}),
  };
  res.status(status).type(problemContentType).send(JSON.stringify(problem));
}

/** What body-parser (http-errors) and the router put on the errors they pass on. */
interface BodyParserError { type?: string; status?: number; expose?: boolean; encoding?: string }

/**
 * A request the client got wrong before any handler ran: the body parser's and the router's own
 * refusals, each with its status and the words that say what to do. These are the client's to mend,
 * so they are answered as problems and logged by the request log at warn, never as our error.
 */
function clientMistake(err: unknown): { status: number; code: MessageKey; params?: MessageParams } | undefined {
  // The router decodes path parameters with decodeURIComponent and passes its URIError on with status 400.
  if (err instanceof URIError) return { status: 400, code: 'problem.malformedPath' };
  const parserError = err as BodyParserError;
  switch (parserError.type) {
    case 'entity.too.large':
      return { status: 413, code: 'problem.payloadTooLarge' };
    case 'charset.unsupported':
      return { status: 415, code: 'problem.jsonCharset' };
    case 'encoding.unsupported':
      return { status: 415, code: 'problem.contentEncoding', params: { encoding: String(parserError.encoding ?? 'unknown').slice(0, 40) } };
  }
  // Anything else body-parser and raw-body mark as the client's (expose, 4xx): a corrupt or cut gzip or
  // deflate stream, a body shorter or longer than its Content-Length, a client that went away mid-body.
  const status = parserError.status ?? 0;
  if (parserError.expose === true && status >= 400 && status < 500) return { status: 400, code: 'problem.bodyUnreadable' };
  return undefined;
}

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
      return sendProblem(res, 400, 'problem.badRequest', {}, [fieldProblem('', 'problem.jsonSyntax')]);
    }
    const mistake = clientMistake(err);
    if (mistake) {
      // A client that closed the connection mid-body reads no answer and its request log line never
      // finishes, so this is its one trace, at info: it happens whenever a user closes a tab mid-upload.
      if (parserError.type === 'request.aborted' || req.destroyed) {
        logger.info({ correlationId: res.locals.correlationId, req: { method: req.method, url: loggableUrl(req) }, reason: parserError.type ?? 'aborted' }, 'request aborted by the client');
      }
      return sendProblem(res, mistake.status, mistake.code, mistake.params ?? {});
    }
    logger.error({ err, correlationId: res.locals.correlationId, req: { method: req.method, url: loggableUrl(req) } }, 'unhandled error');
    sendProblem(res, 500, 'problem.internal', {});
  };
}
