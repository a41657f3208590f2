import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeCreate } from '@ecoo/shared/offices/schemas';
import { callApi } from '../../../lib/api-client';
import { rememberOffice } from './remember-office';
import { officesApi } from '@ecoo/shared/offices/api';

export const createOffice = (input: OfficeCreate) => callApi(officesApi.createOffice, { body: input });

export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOffice, onSuccess: (office) => rememberOffice(queryClient, office) });
}
