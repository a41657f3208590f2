import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deactivation } from '@ecoo/shared/officers/schemas';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';
import { officersApi } from '@ecoo/shared/officers/api';

export const deactivateOfficer = ({ userId, input }: { userId: string; input: Deactivation }) => callApi(officersApi.deactivateOfficer, { params: { userId }, body: input });

export function useDeactivateOfficer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deactivateOfficer, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
