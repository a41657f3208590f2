import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOffice } from './remember-office';
import { officesApi } from '@ecoo/shared/offices/api';

export const setOfficeEWallet = ({ officeId, isEnabled }: { officeId: string; isEnabled: boolean }) =>
  callApi(officesApi.setOfficeEWallet, { params: { officeId }, body: { isEnabled } });

export function useSetOfficeEWallet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setOfficeEWallet, onSuccess: (office) => rememberOffice(queryClient, office) });
}
