import { useMutation } from '@tanstack/react-query';
import type { SetPasswordInput } from '@ecoo/shared/accounts/schemas';
import { callApi } from '../../../lib/api-client';

export const setPassword = (input: SetPasswordInput) => callApi('setPassword', { body: input });

export const useSetPassword = () => useMutation({ mutationFn: setPassword });
