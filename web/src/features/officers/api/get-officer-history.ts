import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';

export const getOfficerHistory = (userId: string, signal?: AbortSignal) => callApi('getOfficerHistory', { params: { userId }, signal });

export const getOfficerHistoryQueryOptions = (userId: string) =>
  queryOptions({ queryKey: officerKeys.history(userId), queryFn: ({ signal }) => getOfficerHistory(userId, signal) });

export const useOfficerHistory = (userId: string) => useQuery(getOfficerHistoryQueryOptions(userId));
