import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';

/**
 * The agency's offices, inactive ones included: the list filters by any office an officer may still
 * be mapped to, and the mapping form offers only the active ones. Asked here rather than through
 * the offices feature, since features do not import each other.
 */
export const getAgencyOffices = (signal?: AbortSignal) =>
  callApi('listOffices', { query: { status: 'all', sort: 'name', direction: 'asc', search: '' }, signal }).then((list) => list.offices);

export const getAgencyOfficesQueryOptions = () => queryOptions({ queryKey: officerKeys.agencyOffices(), queryFn: ({ signal }) => getAgencyOffices(signal) });

export const useAgencyOffices = () => useQuery(getAgencyOfficesQueryOptions());
