import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { imageKeys } from './image-keys';
import { imagesApi } from '@ecoo/shared/images/api';

/** Beside imageKeys' own, so a signature change refreshes its officer's signature and leaves the others alone. */
export const officerSignatureKey = (userId: string) => [...imageKeys.all, 'officer-signature', userId] as const;

export const useOfficerSignature = (userId: string) =>
  useQuery({ queryKey: officerSignatureKey(userId), queryFn: ({ signal }) => callApi(imagesApi.getOfficerSignature, { params: { userId }, signal }) });

export function useUploadOfficerSignature(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('image', file);
      return callApi(imagesApi.uploadOfficerSignature, { params: { userId }, formData });
    },
    onSuccess: (job) => {
      queryClient.setQueryData(imageKeys.job(job.id), job);
      return queryClient.invalidateQueries({ queryKey: officerSignatureKey(userId) });
    },
  });
}
