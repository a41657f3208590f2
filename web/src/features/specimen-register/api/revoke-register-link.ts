import { useMutation, useQueryClient } from '@tanstack/react-query';
import { specimenRegisterApi } from '@ecoo/shared/specimen-register/api';
import { callApi } from '../../../lib/api-client';
import { getMyRegisterLinkQueryOptions } from './get-my-register-link';

export const revokeRegisterLink = (linkId: string) => callApi(specimenRegisterApi.revokeRegisterLink, { params: { linkId } });

export function useRevokeRegisterLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeRegisterLink,
    onSettled: () => queryClient.invalidateQueries({ queryKey: getMyRegisterLinkQueryOptions().queryKey }),
  });
}
