import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeUpdate } from '@ecoo/shared/offices/schemas';
import { callApi } from '../../../lib/api-client';
import { rememberOffice } from './remember-office';
import { officesApi } from '@ecoo/shared/offices/api';

export const updateOffice = ({ officeId, input }: { officeId: string; input: OfficeUpdate }) => callApi(officesApi.updateOffice, { params: { officeId }, body: input });

export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateOffice, onSuccess: (office) => rememberOffice(queryClient, office) });
}
