import { queryOptions, useQuery } from '@tanstack/react-query';
import { specimenRegisterApi } from '@ecoo/shared/specimen-register/api';
import { callApi } from '../../../lib/api-client';
import { registerKeys } from './register-keys';

export const getMyRegisterLink = (signal?: AbortSignal) => callApi(specimenRegisterApi.getMyRegisterLink, { signal });

export const getMyRegisterLinkQueryOptions = () => queryOptions({ queryKey: registerKeys.myLink(), queryFn: ({ signal }) => getMyRegisterLink(signal) });

export const useMyRegisterLink = () => useQuery(getMyRegisterLinkQueryOptions());
