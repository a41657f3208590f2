import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';
import { officersApi } from '@ecoo/shared/officers/api';

export const getOfficerHistory = (userId: string, signal?: AbortSignal) => callApi(officersApi.getOfficerHistory, { params: { userId }, signal });

export const getOfficerHistoryQueryOptions = (userId: string) =>
  queryOptions({ queryKey: officerKeys.history(userId), queryFn: ({ signal }) => getOfficerHistory(userId, signal) });

export const useOfficerHistory = (userId: string) => useQuery(getOfficerHistoryQueryOptions(userId));
