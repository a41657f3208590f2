import { queryOptions, useQuery } from '@tanstack/react-query';
import { specimensApi } from '@ecoo/shared/specimens/api';
import { callApi } from '../../../lib/api-client';
import { specimenKeys } from './specimen-keys';

/** Asked whenever the page opens: stamps, signatures and mappings change on other pages. */
export const getSpecimenChoicesQueryOptions = () =>
  queryOptions({ queryKey: specimenKeys.choices(), queryFn: ({ signal }) => callApi(specimensApi.getSpecimenChoices, { signal }), staleTime: 0 });

export const useSpecimenChoices = () => useQuery(getSpecimenChoicesQueryOptions());
