import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackgroundMethod } from '@ecoo/shared/images/schemas';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from '../../offices/api/office-keys';
import { imageKeys } from './image-keys';

export function useUploadOfficeStamp(officeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('image', file);
      return callApi('uploadOfficeStamp', { params: { officeId }, formData });
    },
    onSuccess: (job) => {
      queryClient.setQueryData(imageKeys.job(job.id), job);
      return queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(officeId) });
    },
  });
}

export function useRetryImageJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, useModel }: { jobId: string; useModel: 'auto' | 'always' }) => callApi('retryImageJob', { params: { jobId }, body: { useModel } }),
    onSuccess: (job) => {
      queryClient.setQueryData(imageKeys.job(job.id), job);
      return queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(job.subjectId) });
    },
  });
}

/** Accepting changes the office's stamp: its page, the list's stamp column and the history. */
export function useAcceptImageJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, method, sensitivity }: { jobId: string; method: BackgroundMethod; sensitivity: number }) =>
      callApi('acceptImageJob', { params: { jobId }, body: { method, sensitivity } }),
    onSuccess: (version) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: imageKeys.job(version.jobId) }),
        queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(version.subjectId) }),
        queryClient.invalidateQueries({ queryKey: officeKeys.all }),
      ]),
  });
}
