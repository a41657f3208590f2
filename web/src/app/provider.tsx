import { Fragment, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useLocale } from '../lib/i18n';

/** The providers around the router; tests render the same ones with their own query client. */
export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <InLanguage>{children}</InLanguage>
    </QueryClientProvider>
  );
}

/** Draws every page again when the language changes; the router and the query cache stay as they are. */
function InLanguage({ children }: { children: ReactNode }) {
  return <Fragment key={useLocale()}>{children}</Fragment>;
}
