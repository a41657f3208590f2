import { useMutation } from '@tanstack/react-query';
import type { SetPasswordInput } from '@ecoo/shared/accounts/schemas';
import { callApi } from '../../../lib/api-client';
import { accountsApi } from '@ecoo/shared/accounts/api';

export const setPassword = (input: SetPasswordInput) => callApi(accountsApi.setPassword, { body: input });

export const useSetPassword = () => useMutation({ mutationFn: setPassword });
