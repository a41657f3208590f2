import type { MyReadinessQuery } from '@ecoo/shared/readiness/schemas';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  officerCounts: () => [...dashboardKeys.all, 'officer-counts'] as const,
  myOfficerProfile: () => [...dashboardKeys.all, 'my-officer-profile'] as const,
  expiringDscs: () => [...dashboardKeys.all, 'expiring-dscs'] as const,
  readiness: (query: MyReadinessQuery) => [...dashboardKeys.all, 'readiness', query] as const,
};
