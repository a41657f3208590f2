import type { QueryClient } from '@tanstack/react-query';
import type { Registration } from '@ecoo/shared/registrations/schemas';
import { ApiProblem } from '../../../lib/api-client';
import { getRegistrationQueryOptions } from './get-registration';
import { registrationKeys } from './registration-keys';

/** After a decision: the detail shows the answer at once, and every list asks again when next shown. */
export function rememberDecision(queryClient: QueryClient, registration: Registration): void {
  queryClient.setQueryData(getRegistrationQueryOptions(registration.id).queryKey, registration);
  void queryClient.invalidateQueries({ queryKey: registrationKeys.lists() });
}

/** A 409 means another reviewer decided first: reload the detail so their decision shows. */
export function reloadIfDecidedElsewhere(queryClient: QueryClient, registrationId: string, error: unknown): void {
  if (error instanceof ApiProblem && error.status === 409) void queryClient.invalidateQueries({ queryKey: getRegistrationQueryOptions(registrationId).queryKey });
}
