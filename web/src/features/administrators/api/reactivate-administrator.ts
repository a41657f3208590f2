import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { administratorKeys } from './administrator-keys';
import { administratorsApi } from '@ecoo/shared/administrators/api';

export const reactivateAdministrator = (userId: string) => callApi(administratorsApi.reactivateAdministrator, { params: { userId } });

export function useReactivateAdministrator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reactivateAdministrator, onSuccess: () => queryClient.invalidateQueries({ queryKey: administratorKeys.lists() }) });
}
