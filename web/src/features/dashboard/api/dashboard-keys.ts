export const dashboardKeys = {
  all: ['dashboard'] as const,
  officerCounts: () => [...dashboardKeys.all, 'officer-counts'] as const,
  myOfficerProfile: () => [...dashboardKeys.all, 'my-officer-profile'] as const,
  expiringDscs: () => [...dashboardKeys.all, 'expiring-dscs'] as const,
};
