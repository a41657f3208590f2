import type { Request, RequestHandler, Response, Router } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import type { Endpoint } from '@ecoo/shared/http/endpoint';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { Actor } from '../accounts/index.ts';
import { AppError, badRequest, forbidden, unauthenticated } from './problem.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RequestContext<E extends Endpoint> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  files: Record<string, Express.Multer.File | undefined>;
  actor: E['access'] extends { kind: 'signed-in' } ? Actor : Actor | null;
  req: Request;
  res: Response;
}

/** What a handler answers: a status and a body checked against the endpoint's schema, or 'sent' when it streamed a file itself. */
export type Reply = { status: number; body?: unknown } | 'sent';

/**
 * Mounts one endpoint of the shared route table: checks access (401 signed out, 403 wrong role)
 * before reading any body, parses params, query and body with the shared schemas (400 names each
 * field), and parses the answer with its schema so nothing beyond the contract leaves the BFF.
 * Agency checks need the loaded record, so services make them.
 */
export function mount<E extends Endpoint>(router: Router, endpoint: E, handler: (ctx: RequestContext<E>) => Promise<Reply>): void {
  const respond = async (req: Request, res: Response) => {
    const params = parseOrThrow(endpoint.params, req.params);
    const query = parseOrThrow(endpoint.query, req.query);
    const body = parseOrThrow(endpoint.body, endpoint.files ? { ...req.body } : req.body ?? {});
    const files = Object.fromEntries(
      Object.entries((req.files ?? {}) as Record<string, Express.Multer.File[]>).map(([name, list]) => [name, list[0]]),
    );
    const ctx = { params, query, body, files, actor: res.locals.actor ?? null, req, res } as RequestContext<E>;
    const reply = await handler(ctx);
    if (reply === 'sent') return;
    const schema = endpoint.responses[reply.status];
    if (schema === undefined) throw new Error(`${endpoint.method} ${endpoint.path} answered ${reply.status}, which its contract does not list`);
    if (schema === null || schema === 'binary') return void res.status(reply.status).end();
    res.status(reply.status).json(schema.parse(reply.body));
  };
  const authorised: RequestHandler = (req, res, next) => {
    const refusal = accessRefusal(endpoint, res.locals.actor as Actor | undefined);
    if (refusal) return next(refusal);
    return endpoint.files ? next() : respond(req, res);
  };
  // Files are received only once access is granted, so a signed-out upload is never buffered.
  if (endpoint.files) router[endpoint.method](endpoint.path, authorised, receiveFiles(endpoint.files), respond);
  else router[endpoint.method](endpoint.path, authorised);
}

function accessRefusal(endpoint: Endpoint, actor: Actor | undefined): AppError | undefined {
  if (endpoint.access.kind === 'public') return undefined;
  if (!actor) return unauthenticated();
  if (!endpoint.access.roles.includes(actor.role)) return forbidden();
  return undefined;
}

function parseOrThrow(schema: z.ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(describeIssues(result.error.issues));
  return result.data;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 102.4) / 10} MB`;

/** 413 in the words of the field's own endpoint where it has them: a signature is not a scan. */
function tooLarge(files: NonNullable<Endpoint['files']>, field: string | undefined): AppError {
  const file = field ? files[field] : undefined;
  const limit = file?.maxBytes ?? Math.max(...Object.values(files).map((entry) => entry.maxBytes));
  return new AppError(413, (file?.tooLarge ?? 'problem.fileTooLarge') as MessageKey, { max: megabytes(limit) });
}

/** Buffers the declared files in memory, within their limits; file types are judged later, by content. */
function receiveFiles(files: NonNullable<Endpoint['files']>): RequestHandler {
  const maxBytes = Math.max(...Object.values(files).map((file) => file.maxBytes));
  const upload = multer({
    storage: multer.memoryStorage(),
    // Browsers send a file's name as raw UTF-8 in filename="…"; busboy's default reads it as Latin-1.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: Object.keys(files).length, fields: 20, fieldSize: 16 * 1024, parts: 30 },
  }).fields(Object.keys(files).map((name) => ({ name, maxCount: 1 })));
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) {
        const received = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
        for (const [name, list] of Object.entries(received)) {
          const limit = files[name]?.maxBytes ?? 0;
          if (list.some((file) => file.size > limit)) return next(tooLarge(files, name));
        }
        return next();
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(tooLarge(files, err.field));
        if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT')
          return next(new AppError(400, 'problem.unexpectedFile', { expected: Object.keys(files).join(', ') }));
        return next(new AppError(400, 'problem.multipartMalformed'));
      }
      next(new AppError(400, 'problem.multipartMalformed'));
    });
  };
}
