import { z } from 'zod';
import type { Endpoint } from '@ecoo/shared/http/endpoint';
import { ProblemSchema, problemContentType } from '@ecoo/shared/problem';
import { sessionCookie } from '../accounts/index.ts';
import { csrfHeader } from './csrf.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return json;
};

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemDescriptions: Record<number, string> = {
  400: 'A field or the body is not valid; `errors` names each field',
  401: 'Not signed in',
  403: 'Signed in, but this role or agency may not do this; or the CSRF token is missing',
  404: 'Not found',
  409: 'Conflicts with what exists already',
  413: 'The upload is too large',
  415: 'The upload is not of an accepted type (judged by content)',
  422: 'Understood, but refused as a whole; `errors` names each line and field',
  429: 'Too many attempts; see Retry-After',
  500: 'The console failed; quote the correlationId',
};

/** The OpenAPI 3.1 document, generated from the shared route table and zod schemas, never by hand. */
export function buildOpenApiDocument(api: Record<string, Endpoint>): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, endpoint] of Object.entries(api)) {
    const openApiPath = endpoint.path.replace(/:(\w+)/g, '{$1}');
    const isChange = endpoint.method !== 'get';
    const parameters = [
      ...parametersOf(endpoint.params, 'path'),
      ...parametersOf(endpoint.query, 'query'),
      ...(isChange ? [{ name: csrfHeader, in: 'header', required: true, description: 'The csrfToken from GET /api/session', schema: { type: 'string' } }] : []),
    ];
    const failures = new Set([400, 500, ...(isChange ? [403] : []), ...(endpoint.access.kind === 'signed-in' ? [401, 403] : []), ...(endpoint.problems ?? [])]);
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(endpoint.responses)) {
      responses[status] =
        schema === null
          ? { description: 'Done; no body' }
          : schema === 'binary'
            ? { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } }
            : { description: 'Success', content: { 'application/json': { schema: toSchema(schema, 'output') } } };
    }
    for (const status of [...failures].sort()) {
      responses[String(status)] = { description: problemDescriptions[status] ?? 'Failure', content: { [problemContentType]: { schema: problemRef } } };
    }
    paths[openApiPath] ??= {};
    paths[openApiPath][endpoint.method] = {
      operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: endpoint.access.kind === 'public' ? [] : [{ session: [] }],
      ...(endpoint.access.kind === 'signed-in' ? { 'x-roles': endpoint.access.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body ? { requestBody: requestBodyOf(endpoint) } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'eCoO Agency Console BFF', version: '1.0.0', description: 'The only API the console SPA talks to, on the same origin, with a session cookie.' },
    paths,
    components: {
      schemas: { Problem: toSchema(ProblemSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'Set by POST /api/session (sign in)' } },
    },
  };
}

function parametersOf(schema: Endpoint['params'], where: 'path' | 'query') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: toSchema(field as z.ZodType, 'input'),
  }));
}

function requestBodyOf(endpoint: Endpoint) {
  const body = toSchema(endpoint.body as z.ZodType, 'input');
  if (!endpoint.files) return { required: true, content: { 'application/json': { schema: body } } };
  const properties = { ...(body.properties as JsonSchema) };
  for (const [name, file] of Object.entries(endpoint.files)) properties[name] = { type: 'string', format: 'binary', description: file.description, maxLength: file.maxBytes };
  const required = [...((body.required as string[]) ?? []), ...Object.keys(endpoint.files)];
  return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties, required } } } };
}
