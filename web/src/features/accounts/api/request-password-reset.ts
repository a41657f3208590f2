import { useMutation } from '@tanstack/react-query';
import type { PasswordResetRequest } from '@ecoo/shared/accounts/schemas';
import { callApi } from '../../../lib/api-client';
import { accountsApi } from '@ecoo/shared/accounts/api';

export const requestPasswordReset = (input: PasswordResetRequest) => callApi(accountsApi.requestPasswordReset, { body: input });

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
