import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegistrationFieldsSchema } from '@ecoo/shared/registrations/schemas';
import { callApi } from '../../../lib/api-client';

export interface RegistrationSubmission {
  fields: z.output<typeof RegistrationFieldsSchema>;
  letter: File;
}

/** multipart/form-data: the text fields by name, and the letter as the file field `letter`. */
export function submitRegistration({ fields, letter }: RegistrationSubmission) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  formData.append('letter', letter);
  return callApi('submitRegistration', { formData });
}

export const useSubmitRegistration = () => useMutation({ mutationFn: submitRegistration });
