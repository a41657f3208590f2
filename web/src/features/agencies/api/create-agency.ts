import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyInput } from '@ecoo/shared/agencies/schemas';
import { callApi } from '../../../lib/api-client';
import { getAgenciesQueryOptions } from './get-agencies';
import { agenciesApi } from '@ecoo/shared/agencies/api';

export const createAgency = (input: AgencyInput) => callApi(agenciesApi.createAgency, { body: input });

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getAgenciesQueryOptions().queryKey }),
  });
}
