import { queryOptions, useQuery } from '@tanstack/react-query';
import { agenciesApi } from '@ecoo/shared/agencies/api';
import { callApi } from '../../../lib/api-client';
import { readinessKeys } from './readiness-keys';

/** The DGFT register of agencies, for the agency filter; asked here, since features do not import each other. */
export const getAgencies = (signal?: AbortSignal) => callApi(agenciesApi.listAgencies, { signal }).then((list) => list.agencies);

export const useAgencies = () => useQuery(queryOptions({ queryKey: readinessKeys.agencies(), queryFn: ({ signal }) => getAgencies(signal) }));
