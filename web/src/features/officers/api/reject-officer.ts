import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficerRejection } from '@ecoo/shared/officers/schemas';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';
import { officersApi } from '@ecoo/shared/officers/api';

export const rejectOfficer = ({ userId, input }: { userId: string; input: OfficerRejection }) => callApi(officersApi.rejectOfficer, { params: { userId }, body: input });

export function useRejectOfficer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: rejectOfficer, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
