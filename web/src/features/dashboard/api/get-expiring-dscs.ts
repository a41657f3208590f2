import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';
import { dscApi } from '@ecoo/shared/dsc/api';

export const getExpiringDscs = (signal?: AbortSignal) => callApi(dscApi.listExpiringDscs, { signal });

/** Asked again each time My Dashboard opens: an officer may have registered a renewed DSC meanwhile. */
export const getExpiringDscsQueryOptions = () => queryOptions({ queryKey: dashboardKeys.expiringDscs(), queryFn: ({ signal }) => getExpiringDscs(signal), staleTime: 0 });

export const useExpiringDscs = () => useQuery(getExpiringDscsQueryOptions());
