import { useMutation } from '@tanstack/react-query';
import type { PasswordResetRequest } from '@ecoo/shared/accounts/schemas';
import { callApi } from '../../../lib/api-client';

export const requestPasswordReset = (input: PasswordResetRequest) => callApi('requestPasswordReset', { body: input });

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
