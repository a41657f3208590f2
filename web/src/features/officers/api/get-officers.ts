import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys, type OfficerFilter } from './officer-keys';
import { officersApi } from '@ecoo/shared/officers/api';

export const getOfficers = (filter: OfficerFilter, signal?: AbortSignal) => callApi(officersApi.listOfficers, { query: filter, signal });

export const getOfficersQueryOptions = (filter: OfficerFilter) => queryOptions({ queryKey: officerKeys.list(filter), queryFn: ({ signal }) => getOfficers(filter, signal) });

/** Keeps the previous table on screen while another tab or page loads, so the page does not jump. */
export const useOfficers = (filter: OfficerFilter) => useQuery({ ...getOfficersQueryOptions(filter), placeholderData: (previous) => previous });
