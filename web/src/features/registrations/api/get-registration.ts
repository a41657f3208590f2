import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { registrationKeys } from './registration-keys';

export const getRegistration = (registrationId: string, signal?: AbortSignal) => callApi('getRegistration', { params: { registrationId }, signal });

export const getRegistrationQueryOptions = (registrationId: string) =>
  queryOptions({ queryKey: registrationKeys.detail(registrationId), queryFn: ({ signal }) => getRegistration(registrationId, signal) });

export const useRegistration = (registrationId: string) => useQuery(getRegistrationQueryOptions(registrationId));
