import type { ReadinessListQuery } from '@ecoo/shared/readiness/schemas';

export const readinessKeys = {
  all: ['readiness'] as const,
  lists: () => [...readinessKeys.all, 'list'] as const,
  list: (query: ReadinessListQuery) => [...readinessKeys.lists(), query] as const,
  agencies: () => [...readinessKeys.all, 'agencies'] as const,
};
