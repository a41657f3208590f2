import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { registrationKeys } from './registration-keys';
import { officersApi } from '@ecoo/shared/officers/api';

/** The chosen agency's active regional offices, for an officer registering (Trade Notice 23/2024-25 §3.II). */
export const getOfficeChoices = (agencyId: string, signal?: AbortSignal) => callApi(officersApi.listRegistrationOffices, { params: { agencyId }, signal });

export const getOfficeChoicesQueryOptions = (agencyId: string) =>
  queryOptions({ queryKey: registrationKeys.officeChoices(agencyId), queryFn: ({ signal }) => getOfficeChoices(agencyId, signal), staleTime: 60_000 });

/** Asks nothing until an agency is chosen. */
export const useOfficeChoices = (agencyId: string) => useQuery({ ...getOfficeChoicesQueryOptions(agencyId), enabled: agencyId !== '' });
