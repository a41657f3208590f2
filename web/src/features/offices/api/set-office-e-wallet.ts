import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { rememberOffice } from './remember-office';

export const setOfficeEWallet = ({ officeId, isEnabled }: { officeId: string; isEnabled: boolean }) =>
  callApi('setOfficeEWallet', { params: { officeId }, body: { isEnabled } });

export function useSetOfficeEWallet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setOfficeEWallet, onSuccess: (office) => rememberOffice(queryClient, office) });
}
