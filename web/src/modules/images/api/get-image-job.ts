import { useQuery } from '@tanstack/react-query';
import type { BackgroundJob } from '@ecoo/shared/images/schemas';
import { callApi } from '../../../lib/api-client';
import { imageKeys } from './image-keys';
import { imagesApi } from '@ecoo/shared/images/api';

/** How often a queued or running job is asked about; the worker reports each step. */
export const jobPollMs = 1000;

export const isJobUnfinished = (job: BackgroundJob | undefined) => job?.state === 'queued' || job?.state === 'running';

export function useImageJob(jobId: string, initial?: BackgroundJob) {
  return useQuery({
    queryKey: imageKeys.job(jobId),
    queryFn: ({ signal }) => callApi(imagesApi.getImageJob, { params: { jobId }, signal }),
    initialData: initial,
    // Stops when the job is done or failed, and when asking fails (the panel then shows why).
    refetchInterval: (query) => (query.state.status !== 'error' && isJobUnfinished(query.state.data) ? jobPollMs : false),
  });
}
