import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from './office-keys';

export const getOffice = (officeId: string, signal?: AbortSignal) => callApi('getOffice', { params: { officeId }, signal });

export const getOfficeQueryOptions = (officeId: string) => queryOptions({ queryKey: officeKeys.detail(officeId), queryFn: ({ signal }) => getOffice(officeId, signal) });

export const useOffice = (officeId: string) => useQuery(getOfficeQueryOptions(officeId));
