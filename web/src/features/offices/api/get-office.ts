import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from './office-keys';
import { officesApi } from '@ecoo/shared/offices/api';

export const getOffice = (officeId: string, signal?: AbortSignal) => callApi(officesApi.getOffice, { params: { officeId }, signal });

export const getOfficeQueryOptions = (officeId: string) => queryOptions({ queryKey: officeKeys.detail(officeId), queryFn: ({ signal }) => getOffice(officeId, signal) });

export const useOffice = (officeId: string) => useQuery(getOfficeQueryOptions(officeId));
