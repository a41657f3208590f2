import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { reloadIfDecidedElsewhere, rememberDecision } from './decide-registration';
import { registrationsApi } from '@ecoo/shared/registrations/api';

export const activateRegistration = (registrationId: string) => callApi(registrationsApi.activateRegistration, { params: { registrationId } });

export function useActivateRegistration(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => activateRegistration(registrationId),
    onSuccess: (registration) => rememberDecision(queryClient, registration),
    onError: (error) => reloadIfDecidedElsewhere(queryClient, registrationId, error),
  });
}
