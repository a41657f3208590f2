import type { z } from 'zod';
import { pathOf, type Endpoint } from '@ecoo/shared/http/endpoint';
import { ProblemSchema, problemContentType, type Problem } from '@ecoo/shared/problem';
import { t } from './i18n';
import { accountsApi } from '@ecoo/shared/accounts/api';

/** Every failed call ends here: the BFF's problem, or one made up for a network failure or a non-problem answer. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

type InputOf<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType } ? z.input<S> : never;

/** What a call needs, read from its endpoint: params when the path has any, a FormData when it takes files. */
export type CallOptions<E extends Endpoint> = (E extends { params: z.ZodType } ? { params: InputOf<E, 'params'> } : { params?: never }) &
  (E extends { query: z.ZodType } ? { query?: InputOf<E, 'query'> } : { query?: never }) &
  (E extends { files: object } ? { formData: FormData } : E extends { body: z.ZodType } ? { body: InputOf<E, 'body'> } : { body?: never }) & {
    signal?: AbortSignal;
  };

type SuccessBody<R> = R extends z.ZodType ? z.output<R> : R extends 'binary' ? Blob : undefined;
export type CallResult<E extends Endpoint> = SuccessBody<E['responses'][keyof E['responses']]>;

type OptionsArgument<O> = object extends O ? [options?: O] : [options: O];

interface LooseOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  formData?: FormData;
  signal?: AbortSignal;
}

const changeMethods = new Set(['post', 'put', 'patch', 'delete']);
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/**
 * The token the BFF wants in X-CSRF-Token on every change. It comes only from GET /api/session and
 * from sign-in, which issues a new one, so whoever reads a session hands its token here.
 */
export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request finds the session gone; returns the unsubscribe function. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The URL of an endpoint, for what the browser loads itself (the letter in an iframe, for one). */
export function urlOf<E extends Endpoint>(endpoint: E, ...[options]: OptionsArgument<Omit<CallOptions<E>, 'body' | 'formData' | 'signal'>>): string {
  const { params, query } = ((options as unknown) ?? {}) as LooseOptions;
  return buildUrl(endpoint, params, query);
}

function buildUrl(endpoint: Endpoint, params: LooseOptions['params'], query: LooseOptions['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
  const path = pathOf(endpoint, params);
  return search.size > 0 ? `${path}?${search}` : path;
}

/**
 * Calls one endpoint of the shared route table: fills the path, sends the CSRF token with changes,
 * and parses the answer with the endpoint's schema, or the failure with ProblemSchema into an ApiProblem.
 * Callers pass their feature's endpoint (`officesApi.listOffices`), not an operation id looked up
 * in the whole table: importing the whole table made a first visit build every feature's zod
 * schemas before the first paint; now each lazy page builds only its own.
 */
export async function callApi<E extends Endpoint>(endpoint: E, ...[options]: OptionsArgument<CallOptions<E>>): Promise<CallResult<E>> {
  const loose = ((options as unknown) ?? {}) as LooseOptions;
  const url = buildUrl(endpoint, loose.params, loose.query);
  const isChange = changeMethods.has(endpoint.method);

  for (let attempt = 1; ; attempt += 1) {
    const headers: Record<string, string> = { Accept: `application/json, ${problemContentType}` };
    let body: BodyInit | undefined;
    if (loose.formData) body = loose.formData;
    else if (loose.body !== undefined) {
      body = JSON.stringify(loose.body);
      headers['Content-Type'] = 'application/json';
    }
    if (isChange) headers['X-CSRF-Token'] = await currentCsrfToken();

    const response = await send(url, { method: endpoint.method.toUpperCase(), headers, body, signal: loose.signal, credentials: 'same-origin' });
    if (response.ok) return (await readSuccess(endpoint, response)) as CallResult<E>;

    const problem = await readProblem(response);
    // Sign-in in another tab gives the browser a new CSRF cookie; fetch the new token once and retry.
    if (isChange && attempt === 1 && problem.code === 'problem.csrf') {
      csrfToken = null;
      continue;
    }
    if (problem.status === 401 && problem.code === 'problem.unauthenticated') for (const listener of unauthenticatedListeners) listener();
    throw new ApiProblem(problem);
  }
}

async function currentCsrfToken(): Promise<string> {
  if (!csrfToken) rememberCsrfToken((await callApi(accountsApi.getSession)).csrfToken);
  return csrfToken as string;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: t('problem.network'),
      code: 'problem.network',
      correlationId: '',
    });
  }
}

async function readSuccess(endpoint: Endpoint, response: Response): Promise<unknown> {
  const schema = endpoint.responses[response.status];
  if (schema === undefined) throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.path} answered ${response.status}, which the contract does not list`);
  if (schema === null) return undefined;
  if (schema === 'binary') return response.blob();
  return schema.parse(await response.json());
}

async function readProblem(response: Response): Promise<Problem> {
  const correlationId = response.headers.get('X-Correlation-Id') ?? '';
  if (response.headers.get('Content-Type')?.includes('json')) {
    const parsed = ProblemSchema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return parsed.data;
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: t('problem.internal', { correlationId }),
    code: 'problem.internal',
    correlationId,
  };
}
