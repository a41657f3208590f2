import { useMutation, useQueryClient } from '@tanstack/react-query';
import { specimensApi } from '@ecoo/shared/specimens/api';
import type { SpecimenRequest } from '@ecoo/shared/specimens/schemas';
import { callApi } from '../../../lib/api-client';
import { specimenKeys } from './specimen-keys';

export const requestSpecimen = (body: SpecimenRequest) => callApi(specimensApi.requestSpecimenCertificate, { body });

/** The list is asked again at once, so the new specimen shows queued and its state is followed from there. */
export function useRequestSpecimen() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestSpecimen, onSuccess: () => queryClient.invalidateQueries({ queryKey: specimenKeys.all }) });
}
