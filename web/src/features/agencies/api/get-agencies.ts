import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { agencyKeys } from './agency-keys';
import { agenciesApi } from '@ecoo/shared/agencies/api';

export const getAgencies = (signal?: AbortSignal) => callApi(agenciesApi.listAgencies, { signal });

export const getAgenciesQueryOptions = () => queryOptions({ queryKey: agencyKeys.list(), queryFn: ({ signal }) => getAgencies(signal) });

export const useAgencies = () => useQuery(getAgenciesQueryOptions());
