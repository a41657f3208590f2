import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';
import { officersApi } from '@ecoo/shared/officers/api';

export const reactivateOfficer = (userId: string) => callApi(officersApi.reactivateOfficer, { params: { userId } });

export function useReactivateOfficer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reactivateOfficer, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
