import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RejectionInput } from '@ecoo/shared/registrations/schemas';
import { callApi } from '../../../lib/api-client';
import { reloadIfDecidedElsewhere, rememberDecision } from './decide-registration';
import { registrationsApi } from '@ecoo/shared/registrations/api';

export const rejectRegistration = (registrationId: string, input: RejectionInput) => callApi(registrationsApi.rejectRegistration, { params: { registrationId }, body: input });

export function useRejectRegistration(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RejectionInput) => rejectRegistration(registrationId, input),
    onSuccess: (registration) => rememberDecision(queryClient, registration),
    onError: (error) => reloadIfDecidedElsewhere(queryClient, registrationId, error),
  });
}
