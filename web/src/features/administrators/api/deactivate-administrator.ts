import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deactivation } from '@ecoo/shared/officers/schemas';
import { callApi } from '../../../lib/api-client';
import { administratorKeys } from './administrator-keys';
import { administratorsApi } from '@ecoo/shared/administrators/api';

export const deactivateAdministrator = ({ userId, input }: { userId: string; input: Deactivation }) =>
  callApi(administratorsApi.deactivateAdministrator, { params: { userId }, body: input });

/** Every list asks again: the administrator may leave the status the list is filtered by. */
export function useDeactivateAdministrator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deactivateAdministrator, onSuccess: () => queryClient.invalidateQueries({ queryKey: administratorKeys.lists() }) });
}
