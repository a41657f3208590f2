import type { RegistrationStatus } from '@ecoo/shared/registrations/schemas';

export interface RegistrationFilter {
  status: RegistrationStatus;
  page: number;
  pageSize: number;
}

/** General to specific, so a change can invalidate every list with `lists()` and leave the details. */
export const registrationKeys = {
  all: ['registrations'] as const,
  lists: () => [...registrationKeys.all, 'list'] as const,
  list: (filter: RegistrationFilter) => [...registrationKeys.lists(), filter] as const,
  details: () => [...registrationKeys.all, 'detail'] as const,
  detail: (registrationId: string) => [...registrationKeys.details(), registrationId] as const,
  agencyChoices: () => [...registrationKeys.all, 'agency-choices'] as const,
  officeChoices: (agencyId: string) => [...registrationKeys.all, 'office-choices', agencyId] as const,
};
