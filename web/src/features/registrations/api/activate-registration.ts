import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { reloadIfDecidedElsewhere, rememberDecision } from './decide-registration';

export const activateRegistration = (registrationId: string) => callApi('activateRegistration', { params: { registrationId } });

export function useActivateRegistration(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => activateRegistration(registrationId),
    onSuccess: (registration) => rememberDecision(queryClient, registration),
    onError: (error) => reloadIfDecidedElsewhere(queryClient, registrationId, error),
  });
}
