import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOffice } from './remember-office';
import { officesApi } from '@ecoo/shared/offices/api';

export const setOfficeActive = ({ officeId, isActive }: { officeId: string; isActive: boolean }) =>
  callApi(officesApi.setOfficeActive, { params: { officeId }, body: { isActive } });

export function useSetOfficeActive() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setOfficeActive, onSuccess: (office) => rememberOffice(queryClient, office) });
}
