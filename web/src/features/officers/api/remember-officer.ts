import type { QueryClient } from '@tanstack/react-query';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { getOfficerHistoryQueryOptions } from './get-officer-history';
import { getOfficerQueryOptions } from './get-officer';
import { officerKeys } from './officer-keys';

/**
 * After any change to an officer: their page shows the answer at once, their history and every list
 * (whatever their tab, office or search, and the counts they carry) ask again when next shown.
 */
export function rememberOfficer(queryClient: QueryClient, officer: Officer): void {
  queryClient.setQueryData(getOfficerQueryOptions(officer.id).queryKey, officer);
  void queryClient.invalidateQueries({ queryKey: getOfficerHistoryQueryOptions(officer.id).queryKey });
  void queryClient.invalidateQueries({ queryKey: officerKeys.lists() });
}
