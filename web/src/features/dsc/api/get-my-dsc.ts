import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { dscKeys } from './dsc-keys';
import { dscApi } from '@ecoo/shared/dsc/api';

export const getMyDsc = (signal?: AbortSignal) => callApi(dscApi.getMyDsc, { signal });

export const getMyDscQueryOptions = () => queryOptions({ queryKey: dscKeys.mine(), queryFn: ({ signal }) => getMyDsc(signal) });

export const useMyDsc = () => useQuery(getMyDscQueryOptions());
