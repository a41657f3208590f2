import { queryOptions, useQuery } from '@tanstack/react-query';
import { specimensApi } from '@ecoo/shared/specimens/api';
import type { SpecimenList } from '@ecoo/shared/specimens/schemas';
import { callApi } from '../../../lib/api-client';
import { specimenKeys } from './specimen-keys';

/** The newest specimens: enough to follow the ones just asked for and to open the last few again. */
export const specimenListQuery = { page: 1, pageSize: 20 } as const;

/** Drawing takes about a second: asked again each second while one is queued or being drawn, then not at all. */
export const specimenPollMs = 1_000;

const isWaiting = (list: SpecimenList | undefined) => Boolean(list?.items.some((specimen) => specimen.state === 'queued' || specimen.state === 'running'));

export const getSpecimensQueryOptions = () =>
  queryOptions({
    queryKey: specimenKeys.list(),
    queryFn: ({ signal }) => callApi(specimensApi.listSpecimenCertificates, { query: specimenListQuery, signal }),
    staleTime: 0,
    refetchInterval: (query) => (isWaiting(query.state.data) ? specimenPollMs : false),
  });

export const useSpecimens = () => useQuery(getSpecimensQueryOptions());
