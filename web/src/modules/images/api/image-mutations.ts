import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { BackgroundJob, BackgroundMethod, ImageVersion } from '@ecoo/shared/images/schemas';
import { callApi } from '../../../lib/api-client';
import { imageKeys } from './image-keys';
import { imagesApi } from '@ecoo/shared/images/api';

export function useUploadOfficeStamp(officeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('image', file);
      return callApi(imagesApi.uploadOfficeStamp, { params: { officeId }, formData });
    },
    onSuccess: (job) => {
      queryClient.setQueryData(imageKeys.job(job.id), job);
      return queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(officeId) });
    },
  });
}

/**
 * What else shows the subject's image (an office list's stamp column, say) is the caller's business:
 * it passes those queries' keys as `invalidates`, and they are refreshed with the image's own.
 */
export type ImageChangeOptions = { invalidates?: readonly QueryKey[] };

/**
 * `onRetried` and `onAccepted` run in the hook's own callback, before the caches are refreshed: the
 * refresh can unmount the component that asked (an accepted job has no review any more), and
 * TanStack Query skips the callbacks given to mutate() once that component is gone.
 */
export function useRetryImageJob(onRetried: (job: BackgroundJob) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, useModel }: { jobId: string; useModel: 'auto' | 'always' }) => callApi(imagesApi.retryImageJob, { params: { jobId }, body: { useModel } }),
    onSuccess: (job) => {
      queryClient.setQueryData(imageKeys.job(job.id), job);
      onRetried(job);
      return queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(job.subjectId) });
    },
  });
}

/** Accepting changes the subject's image: its page, and whatever the caller says shows it (`invalidates`). */
export function useAcceptImageJob(onAccepted: (version: ImageVersion) => void, { invalidates = [] }: ImageChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, method, sensitivity }: { jobId: string; method: BackgroundMethod; sensitivity: number }) =>
      callApi(imagesApi.acceptImageJob, { params: { jobId }, body: { method, sensitivity } }),
    onSuccess: (version) => {
      onAccepted(version);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: imageKeys.job(version.jobId) }),
        queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(version.subjectId) }),
        ...invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}

/** An earlier version in use again: the subject's page changes, and whatever the caller says shows it. */
export function useReinstateImageVersion(onReinstated: (version: ImageVersion) => void, { invalidates = [] }: ImageChangeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => callApi(imagesApi.reinstateImageVersion, { params: { versionId } }),
    onSuccess: (version) => {
      onReinstated(version);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: imageKeys.officeStamp(version.subjectId) }),
        ...invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}
