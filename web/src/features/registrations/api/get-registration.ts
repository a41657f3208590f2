import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { registrationKeys } from './registration-keys';
import { registrationsApi } from '@ecoo/shared/registrations/api';

export const getRegistration = (registrationId: string, signal?: AbortSignal) => callApi(registrationsApi.getRegistration, { params: { registrationId }, signal });

export const getRegistrationQueryOptions = (registrationId: string) =>
  queryOptions({ queryKey: registrationKeys.detail(registrationId), queryFn: ({ signal }) => getRegistration(registrationId, signal) });

export const useRegistration = (registrationId: string) => useQuery(getRegistrationQueryOptions(registrationId));
