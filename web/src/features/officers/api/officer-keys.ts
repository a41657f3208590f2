import type { z } from 'zod';
import type { OfficerListQuerySchema } from '@ecoo/shared/officers/schemas';

/** The list's filter as the schema fills it (page and page size always set), so the same filter always makes the same key. */
export type OfficerFilter = z.output<typeof OfficerListQuerySchema>;

/** General to specific: a decision on one officer invalidates every list and leaves the other officers alone. */
export const officerKeys = {
  all: ['officers'] as const,
  lists: () => [...officerKeys.all, 'list'] as const,
  list: (filter: OfficerFilter) => [...officerKeys.lists(), filter] as const,
  details: () => [...officerKeys.all, 'detail'] as const,
  detail: (userId: string) => [...officerKeys.details(), userId] as const,
  history: (userId: string) => [...officerKeys.detail(userId), 'history'] as const,
  dsc: (userId: string) => [...officerKeys.detail(userId), 'dsc'] as const,
  officeChoices: () => [...officerKeys.all, 'office-choices'] as const,
};
