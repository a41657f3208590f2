import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '@ecoo/shared/accounts/schemas';
import { callApi } from './api-client';
import { sessionKeys } from './auth';
import { applyLocale, type Locale } from './i18n';
import { accountsApi } from '@ecoo/shared/accounts/api';

/**
 * Switches the console's language at once, then tells the BFF, which keeps the choice for this
 * browser and, when signed in, with the account (its mail follows it).
 */
export function useChooseLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      await callApi(accountsApi.chooseLanguage, { body: { locale } });
      return locale;
    },
    onSuccess: (locale) => queryClient.setQueryData<Session>(sessionKeys.session, (session) => session && { ...session, locale }),
  });
}
