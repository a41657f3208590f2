import type { z } from 'zod';
import type { AdministratorListQuerySchema } from '@ecoo/shared/administrators/schemas';

/** The list's filter as the schema fills it (page and page size always set), so the same filter always makes the same key. */
export type AdministratorFilter = z.output<typeof AdministratorListQuerySchema>;

export const administratorKeys = {
  all: ['administrators'] as const,
  lists: () => [...administratorKeys.all, 'list'] as const,
  list: (filter: AdministratorFilter) => [...administratorKeys.lists(), filter] as const,
  agencies: () => [...administratorKeys.all, 'agencies'] as const,
};
