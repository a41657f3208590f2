import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { administratorKeys, type AdministratorFilter } from './administrator-keys';
import { administratorsApi } from '@ecoo/shared/administrators/api';

export const getAdministrators = (filter: AdministratorFilter, signal?: AbortSignal) => callApi(administratorsApi.listAdministrators, { query: filter, signal });

export const getAdministratorsQueryOptions = (filter: AdministratorFilter) =>
  queryOptions({ queryKey: administratorKeys.list(filter), queryFn: ({ signal }) => getAdministrators(filter, signal) });

/** Keeps the previous table on screen while another page loads, so the page does not jump. */
export const useAdministrators = (filter: AdministratorFilter) => useQuery({ ...getAdministratorsQueryOptions(filter), placeholderData: (previous) => previous });
