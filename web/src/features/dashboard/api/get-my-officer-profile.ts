import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';
import { officersApi } from '@ecoo/shared/officers/api';

export const getMyOfficerProfile = (signal?: AbortSignal) => callApi(officersApi.getMyOfficerProfile, { signal });

/** Asked again each time My Dashboard opens, since the administrator may have changed the officer's offices or signature. */
export const getMyOfficerProfileQueryOptions = () =>
  queryOptions({ queryKey: dashboardKeys.myOfficerProfile(), queryFn: ({ signal }) => getMyOfficerProfile(signal), staleTime: 0 });

export const useMyOfficerProfile = () => useQuery(getMyOfficerProfileQueryOptions());
