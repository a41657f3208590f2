import type { z } from 'zod';
import type { OfficeListQuerySchema } from '@ecoo/shared/offices/schemas';

/** The list's filter, every field filled: the same filter always makes the same key. */
export type OfficeFilter = z.output<typeof OfficeListQuerySchema>;

/** General to specific, so a change can invalidate every list with `lists()` and leave the other offices alone. */
export const officeKeys = {
  all: ['offices'] as const,
  lists: () => [...officeKeys.all, 'list'] as const,
  list: (filter: OfficeFilter) => [...officeKeys.lists(), filter] as const,
  details: () => [...officeKeys.all, 'detail'] as const,
  detail: (officeId: string) => [...officeKeys.details(), officeId] as const,
  audit: (officeId: string) => [...officeKeys.detail(officeId), 'audit'] as const,
  auditPage: (officeId: string, page: number) => [...officeKeys.audit(officeId), { page }] as const,
};
