import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { specimenRegisterApi } from '@ecoo/shared/specimen-register/api';
import type { RegisterQuery } from '@ecoo/shared/specimen-register/schemas';
import { callApi } from '../../../lib/api-client';
import { registerKeys } from './register-keys';

export const getSpecimenRegister = (token: string, query: RegisterQuery, signal?: AbortSignal) =>
  callApi(specimenRegisterApi.getSpecimenRegister, { params: { token }, query, signal });

export const getSpecimenRegisterQueryOptions = (token: string, query: RegisterQuery) =>
  queryOptions({ queryKey: registerKeys.register(token, query), queryFn: ({ signal }) => getSpecimenRegister(token, query, signal) });

export const useSpecimenRegister = (token: string, query: RegisterQuery) => useQuery({ ...getSpecimenRegisterQueryOptions(token, query), placeholderData: keepPreviousData });
