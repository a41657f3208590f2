import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officerKeys } from './officer-keys';
import { officersApi } from '@ecoo/shared/officers/api';

/**
 * The agency's offices by code and name, inactive ones included: the list filters by any office an
 * officer may still be mapped to, and the mapping form offers only the active ones. User
 * Management's own endpoint, so the page never receives addresses or payment details.
 */
export const getOfficeChoices = (signal?: AbortSignal) => callApi(officersApi.listOfficerOfficeChoices, { signal }).then((list) => list.items);

export const getOfficeChoicesQueryOptions = () => queryOptions({ queryKey: officerKeys.officeChoices(), queryFn: ({ signal }) => getOfficeChoices(signal) });

export const useOfficeChoices = () => useQuery(getOfficeChoicesQueryOptions());
