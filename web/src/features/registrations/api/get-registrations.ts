import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { registrationKeys, type RegistrationFilter } from './registration-keys';
import { registrationsApi } from '@ecoo/shared/registrations/api';

export const getRegistrations = (filter: RegistrationFilter, signal?: AbortSignal) => callApi(registrationsApi.listRegistrations, { query: filter, signal });

export const getRegistrationsQueryOptions = (filter: RegistrationFilter) =>
  queryOptions({ queryKey: registrationKeys.list(filter), queryFn: ({ signal }) => getRegistrations(filter, signal) });

/** Keeps the previous page of the same status on screen while the next one loads, so the table does not jump. */
export const useRegistrations = (filter: RegistrationFilter) =>
  useQuery({
    ...getRegistrationsQueryOptions(filter),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2].status === filter.status ? previous : undefined),
  });
