import { useMutation } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { dscApi } from '@ecoo/shared/dsc/api';

/** A new challenge each time: the BFF keeps it for this session, single use, for 10 minutes. */
export const issueDscChallenge = () => callApi(dscApi.issueDscChallenge);

export const useIssueDscChallenge = () => useMutation({ mutationFn: issueDscChallenge });
