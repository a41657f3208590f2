import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { agencyKeys } from './agency-keys';

export const getAgencies = (signal?: AbortSignal) => callApi('listAgencies', { signal });

export const getAgenciesQueryOptions = () => queryOptions({ queryKey: agencyKeys.list(), queryFn: ({ signal }) => getAgencies(signal) });

export const useAgencies = () => useQuery(getAgenciesQueryOptions());
