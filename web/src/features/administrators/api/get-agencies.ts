import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { administratorKeys } from './administrator-keys';
import { agenciesApi } from '@ecoo/shared/agencies/api';

/** The DGFT register of agencies, for the agency filter; asked here, since features do not import each other. */
export const getAgencies = (signal?: AbortSignal) => callApi(agenciesApi.listAgencies, { signal }).then((list) => list.agencies);

export const getAgenciesQueryOptions = () => queryOptions({ queryKey: administratorKeys.agencies(), queryFn: ({ signal }) => getAgencies(signal) });

export const useAgencies = () => useQuery(getAgenciesQueryOptions());
