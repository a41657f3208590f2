import { useMutation, useQueryClient } from '@tanstack/react-query';
import { specimenRegisterApi } from '@ecoo/shared/specimen-register/api';
import { callApi } from '../../../lib/api-client';
import { getMyRegisterLinkQueryOptions } from './get-my-register-link';

export const createRegisterLink = () => callApi(specimenRegisterApi.createRegisterLink);

export function useCreateRegisterLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRegisterLink,
    onSuccess: (link) => queryClient.setQueryData(getMyRegisterLinkQueryOptions().queryKey, { link }),
    // A 409 means another administrator made one meanwhile: show theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: getMyRegisterLinkQueryOptions().queryKey }),
  });
}
