import { z } from 'zod';

/**
 * The office list and the office history are answered a page at a time, as the officers' list is:
 * a large agency's office list once made an 892 KB answer (issue 13, fault 11).
 */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.output<typeof PageQuerySchema>;

/** What a page answers besides its rows. */
export const pageFields = {
  /** Rows on every page together, under the same filter. */
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
};
