import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';
import { officersApi } from '@ecoo/shared/officers/api';

export const approveOfficer = (userId: string) => callApi(officersApi.approveOfficer, { params: { userId } });

export function useApproveOfficer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveOfficer, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
