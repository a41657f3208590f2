import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys, type OfficeFilter } from './office-keys';
import { officesApi } from '@ecoo/shared/offices/api';

export const getOffices = (filter: OfficeFilter, signal?: AbortSignal) => callApi(officesApi.listOffices, { query: filter, signal });

export const getOfficesQueryOptions = (filter: OfficeFilter) => queryOptions({ queryKey: officeKeys.list(filter), queryFn: ({ signal }) => getOffices(filter, signal) });

/** Keeps the previous table on screen while a new search loads, so the page does not jump. */
export const useOffices = (filter: OfficeFilter) => useQuery({ ...getOfficesQueryOptions(filter), placeholderData: (previous) => previous });
