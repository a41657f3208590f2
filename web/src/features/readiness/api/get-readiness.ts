import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReadinessListQuery } from '@ecoo/shared/readiness/schemas';
import { readinessApi } from '@ecoo/shared/readiness/api';
import { callApi } from '../../../lib/api-client';
import { readinessKeys } from './readiness-keys';

export const getReadiness = (query: ReadinessListQuery, signal?: AbortSignal) => callApi(readinessApi.listReadiness, { query, signal });

/** Asked again whenever the page opens: agencies close their gaps elsewhere, all day long. */
export const getReadinessQueryOptions = (query: ReadinessListQuery) =>
  queryOptions({ queryKey: readinessKeys.list(query), queryFn: ({ signal }) => getReadiness(query, signal), staleTime: 0 });

export const useReadiness = (query: ReadinessListQuery) => useQuery({ ...getReadinessQueryOptions(query), placeholderData: keepPreviousData });
