import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MyReadinessQuery } from '@ecoo/shared/readiness/schemas';
import { readinessApi } from '@ecoo/shared/readiness/api';
import { callApi } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';

export const getMyReadiness = (query: MyReadinessQuery, signal?: AbortSignal) => callApi(readinessApi.getMyReadiness, { query, signal });

/**
 * Asked again each time My Dashboard opens: the gaps close on other pages (a stamp accepted, an
 * officer mapped) whose mutations cannot invalidate this key, features not importing each other.
 */
export const getMyReadinessQueryOptions = (query: MyReadinessQuery) =>
  queryOptions({ queryKey: dashboardKeys.readiness(query), queryFn: ({ signal }) => getMyReadiness(query, signal), staleTime: 0 });

/** Keeps the previous page on screen while the next loads, so the section does not jump. */
export const useMyReadiness = (query: MyReadinessQuery) => useQuery({ ...getMyReadinessQueryOptions(query), placeholderData: keepPreviousData });
