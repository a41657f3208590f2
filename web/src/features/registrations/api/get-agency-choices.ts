import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { registrationKeys } from './registration-keys';
import { agenciesApi } from '@ecoo/shared/agencies/api';

/**
 * The public register of agencies, for the applicant's choice. Registrations reads it itself
 * because features do not import each other; a reviewer's edit reaches applicants at their next visit.
 */
export const getAgencyChoices = (signal?: AbortSignal) => callApi(agenciesApi.listAgencies, { signal });

export const getAgencyChoicesQueryOptions = () =>
  queryOptions({ queryKey: registrationKeys.agencyChoices(), queryFn: ({ signal }) => getAgencyChoices(signal), staleTime: 5 * 60_000 });

export const useAgencyChoices = () => useQuery(getAgencyChoicesQueryOptions());
