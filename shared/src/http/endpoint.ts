import type { z } from 'zod';

export const roles = ['dgft-reviewer', 'agency-admin', 'issuing-officer'] as const;
export type Role = (typeof roles)[number];

/** Who may call an endpoint; the BFF enforces it before the handler runs. */
export type Access = { kind: 'public' } | { kind: 'signed-in'; roles: readonly Role[] };

export const publicAccess = { kind: 'public' } as const satisfies Access;
export const only = (...allowed: Role[]) => ({ kind: 'signed-in', roles: allowed }) as const satisfies Access;

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One entry of the route table: the single contract the BFF validates against, the SPA calls
 * through and the OpenAPI document is generated from. Its key in the table is the operationId.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: AnyObject;
  query?: AnyObject;
  /** JSON body, or the text fields of a multipart body when `files` is set. */
  body?: z.ZodType;
  /** Multipart file fields by name: what the file is, its size limit, and the catalogue key that says so when a file is over it (default problem.fileTooLarge). */
  files?: Record<string, { description: string; maxBytes: number; tooLarge?: `problem.${string}` }>;
  /** Success answers by status; `null` means no body, 'binary' a file. */
  responses: Record<number, z.ZodType | null | 'binary'>;
  /** The failure statuses this endpoint may answer besides 400/401/403/500. */
  problems?: readonly number[];
}

export const defineEndpoints = <T extends Record<string, Endpoint>>(table: T): T => table;

/** Fills `:name` segments of an endpoint path. */
export function pathOf(endpoint: Pick<Endpoint, 'path'>, params: Record<string, string | number> = {}): string {
  return endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathOf: missing parameter ${name} for ${endpoint.path}`);
    return encodeURIComponent(String(value));
  });
}
