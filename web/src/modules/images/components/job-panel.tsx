import type { BackgroundJob, ImageVersion } from '@ecoo/shared/images/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { useImageJob } from '../api/get-image-job';
import { useRetryImageJob, type ImageChangeOptions } from '../api/image-mutations';
import type { ImageKind } from './image-wording';
import { JobProgress } from './job-progress';
import { ResultReview } from './result-review';

/** One job from queue to review: progress while it runs, the reason and a retry if it fails, the review when done. */
export function JobPanel({
  jobId,
  kind,
  onJobChanged,
  onAccepted,
  invalidates,
}: { jobId: string; kind: ImageKind; onJobChanged: (job: BackgroundJob) => void; onAccepted: (version: ImageVersion) => void } & ImageChangeOptions) {
  const job = useImageJob(jobId);
  const retry = useRetryImageJob(onJobChanged);
  if (job.isPending) return <Loading />;
  if (job.isError) return <Alert tone="error">{problemMessage(job.error)}</Alert>;
  const isAcceptedElsewhere = job.data.state === 'done' && job.data.acceptedVersionId !== null;
  return (
    <>
      <section className="section" aria-labelledby="image-job-title">
        <h2 id="image-job-title">{t('images.job.title')}</h2>
        {isAcceptedElsewhere ? <p>{t('images.job.alreadyAccepted')}</p> : <JobProgress job={job.data} />}
        {job.data.state === 'failed' && (
          <>
            {retry.isError && <Alert tone="error">{problemMessage(retry.error)}</Alert>}
            <Button variant="secondary" isBusy={retry.isPending} onClick={() => retry.mutate({ jobId, useModel: job.data.useModel })}>
              {t('images.job.retry')}
            </Button>
          </>
        )}
      </section>
      {job.data.state === 'done' && !job.data.acceptedVersionId && job.data.candidates.length > 0 && (
        <ResultReview key={job.data.id} job={job.data} kind={kind} onRetried={onJobChanged} onAccepted={onAccepted} invalidates={invalidates} />
      )}
    </>
  );
}
