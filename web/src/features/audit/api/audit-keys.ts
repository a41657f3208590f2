import type { AuditListQuery } from '@ecoo/shared/audit/schemas';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditListQuery) => [...auditKeys.lists(), query] as const,
  agencies: () => [...auditKeys.all, 'agencies'] as const,
};
