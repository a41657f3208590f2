import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';
import { officersApi } from '@ecoo/shared/officers/api';

export const getOfficer = (userId: string, signal?: AbortSignal) => callApi(officersApi.getOfficer, { params: { userId }, signal });

export const getOfficerQueryOptions = (userId: string) => queryOptions({ queryKey: officerKeys.detail(userId), queryFn: ({ signal }) => getOfficer(userId, signal) });

export const useOfficer = (userId: string) => useQuery(getOfficerQueryOptions(userId));
