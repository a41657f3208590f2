import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';

export const approveOfficer = (userId: string) => callApi('approveOfficer', { params: { userId } });

export function useApproveOfficer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveOfficer, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
