import { z } from 'zod';

/** One problem with one input field; `code` is a key of the translation catalogue. */
export const FieldProblemSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** RFC 9457 problem details, the one error shape of every failed request. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  correlationId: z.string(),
  errors: z.array(FieldProblemSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const problemContentType = 'application/problem+json';
