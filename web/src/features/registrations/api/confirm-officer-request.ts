import { useMutation } from '@tanstack/react-query';
import type { OfficerConfirmationInput } from '@ecoo/shared/registrations/schemas';
import { callApi } from '../../../lib/api-client';
import { registrationsApi } from '@ecoo/shared/registrations/api';

/** Spends the single-use token mailed to an issuing officer; only then does the request reach the agency's administrator. */
export function confirmOfficerRequest(body: OfficerConfirmationInput) {
  return callApi(registrationsApi.confirmOfficerRequest, { body });
}

export const useConfirmOfficerRequest = () => useMutation({ mutationFn: confirmOfficerRequest });
