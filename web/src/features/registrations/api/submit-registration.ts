import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegistrationFieldsSchema } from '@ecoo/shared/registrations/schemas';
import { callApi } from '../../../lib/api-client';
import { registrationsApi } from '@ecoo/shared/registrations/api';

export interface RegistrationSubmission {
  fields: z.output<typeof RegistrationFieldsSchema>;
  /** Administrators only; an officer sends none (Trade Notice 23/2024-25 §3.II asks officers for no letter). */
  letter?: File;
}

/** multipart/form-data: the text fields by name, and the letter, if any, as the file field `letter`. */
export function submitRegistration({ fields, letter }: RegistrationSubmission) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  if (letter) formData.append('letter', letter);
  return callApi(registrationsApi.submitRegistration, { formData });
}

export const useSubmitRegistration = () => useMutation({ mutationFn: submitRegistration });
