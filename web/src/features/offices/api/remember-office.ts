import type { QueryClient } from '@tanstack/react-query';
import type { Office } from '@ecoo/shared/offices/schemas';
import { getOfficeQueryOptions } from './get-office';
import { officeKeys } from './office-keys';

/**
 * After any change to an office: its page shows the answer at once, every page of its history and every list
 * (whatever their search) ask again when next shown.
 */
export function rememberOffice(queryClient: QueryClient, office: Office): void {
  queryClient.setQueryData(getOfficeQueryOptions(office.id).queryKey, office);
  void queryClient.invalidateQueries({ queryKey: officeKeys.audit(office.id) });
  void queryClient.invalidateQueries({ queryKey: officeKeys.lists() });
}
