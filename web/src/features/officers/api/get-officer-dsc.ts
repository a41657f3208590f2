import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';
import { dscApi } from '@ecoo/shared/dsc/api';

export const getOfficerDsc = (userId: string, signal?: AbortSignal) => callApi(dscApi.getOfficerDsc, { params: { userId }, signal });

export const getOfficerDscQueryOptions = (userId: string) => queryOptions({ queryKey: officerKeys.dsc(userId), queryFn: ({ signal }) => getOfficerDsc(userId, signal) });

export const useOfficerDsc = (userId: string) => useQuery(getOfficerDscQueryOptions(userId));
