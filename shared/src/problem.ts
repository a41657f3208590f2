import { z } from 'zod';

/** The values of a message's placeholders, so the SPA can say it in the reader's language. */
export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * One problem with one input field; `code` is a key of the translation catalogue and `params` its
 * placeholders, which the SPA renders in the chosen language; `message` is the English, for API users.
 */
export const FieldProblemSchema = z.object({
  path: z.string(),
  code: z.string(),
  params: MessageParamsSchema.optional(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/**
 * RFC 9457 problem details, the one error shape of every failed request. `detail` is English for
 * logs and API users; the SPA shows `code` with `params` in the reader's language.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  params: MessageParamsSchema.optional(),
  correlationId: z.string(),
  errors: z.array(FieldProblemSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const problemContentType = 'application/problem+json';
