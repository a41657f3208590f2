import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyInput } from '@ecoo/shared/agencies/schemas';
import { callApi } from '../../../lib/api-client';
import { getAgenciesQueryOptions } from './get-agencies';
import { agenciesApi } from '@ecoo/shared/agencies/api';

export const updateAgency = ({ agencyId, input }: { agencyId: string; input: AgencyInput }) => callApi(agenciesApi.updateAgency, { params: { agencyId }, body: input });

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getAgenciesQueryOptions().queryKey }),
  });
}
