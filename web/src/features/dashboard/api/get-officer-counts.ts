import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';
import { officersApi } from '@ecoo/shared/officers/api';

export const getOfficerCounts = (signal?: AbortSignal) => callApi(officersApi.getOfficerCounts, { signal });

/**
 * Asked again each time My Dashboard opens: User Management's decisions cannot invalidate this key
 * (features do not import each other), and a stale "awaiting approval" would mislead.
 */
export const getOfficerCountsQueryOptions = () => queryOptions({ queryKey: dashboardKeys.officerCounts(), queryFn: ({ signal }) => getOfficerCounts(signal), staleTime: 0 });

export const useOfficerCounts = () => useQuery(getOfficerCountsQueryOptions());
