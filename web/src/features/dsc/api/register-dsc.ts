import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import type { DscProof } from '../signers/dsc-signer';
import { getMyDscQueryOptions } from './get-my-dsc';
import { dscApi } from '@ecoo/shared/dsc/api';

/** The challenge as text, the signature and certificate as files; two-argument append, as testing/multipart.ts explains. */
export function registerDsc({ challenge, proof }: { challenge: string; proof: DscProof }) {
  const formData = new FormData();
  formData.append('challenge', challenge);
  formData.append('signature', proof.signature);
  if (proof.certificate) formData.append('certificate', proof.certificate);
  return callApi(dscApi.registerDsc, { formData });
}

/** The new DSC replaces the active one, which moves into the history: the overview is asked again. */
export function useRegisterDsc() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: registerDsc, onSuccess: () => queryClient.invalidateQueries({ queryKey: getMyDscQueryOptions().queryKey }) });
}
