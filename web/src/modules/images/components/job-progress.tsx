import type { BackgroundJob } from '@ecoo/shared/images/schemas';
import { withoutBidiControls } from '@ecoo/shared/text/bidi';
import { t } from '../../../lib/i18n';

function statusText(job: BackgroundJob): string {
  switch (job.state) {
    case 'queued':
      return job.jobsAhead ? t('images.job.queuedAhead', { count: job.jobsAhead }) : t('images.job.queued');
    case 'running':
      return t(`images.job.step.${job.step ?? 'analysing'}`);
    case 'done':
      return t('images.job.done');
    case 'failed':
      return t('images.job.failed', { reason: t(`images.job.failure.${job.failureReason ?? 'internal'}`) });
  }
}

const stepsDone: Record<BackgroundJob['state'], number> = { queued: 0, running: 1, done: 3, failed: 3 };

/** The job's state in words, read out as it changes; a progress bar for those who glance. */
export function JobProgress({ job }: { job: BackgroundJob }) {
  const text = statusText(job);
  const isUnfinished = job.state === 'queued' || job.state === 'running';
  return (
    <div className={`job-progress job-progress--${job.state}`}>
      {/* The name is the uploader's: a right-to-left override in it must not turn the sentence around. */}
      <p>{t('images.job.file', { name: withoutBidiControls(job.fileName) })}</p>
      {/* Two live regions that stay in the page: a region whose role changes may go unannounced. */}
      <p role="status" className="job-progress__status">
        {job.state === 'failed' ? '' : text}
      </p>
      <p role="alert" className="job-progress__status job-progress__failure">
        {job.state === 'failed' ? text : ''}
      </p>
      {isUnfinished && (
        <progress className="job-progress__bar" max={3} value={job.state === 'running' && job.step === 'extracting-ink' ? 2 : stepsDone[job.state]} aria-label={text} />
      )}
    </div>
  );
}
