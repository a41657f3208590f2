import { useState } from 'react';
import type { BackgroundJob, BackgroundMethod, ImageVersion } from '@ecoo/shared/images/schemas';
import { sensitivityRange } from '@ecoo/shared/images/ink-alpha';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useAcceptImageJob, useRetryImageJob, type ImageChangeOptions } from '../api/image-mutations';
import { imageWordKey, type ImageKind } from './image-wording';
import { LivePreview } from './live-preview';

/**
 * Review before use: pick one of the results (the automatic choice first), move the one sensitivity
 * control and watch both previews change, then accept, or ask for the slower subject model too.
 */
export function ResultReview({
  job,
  kind,
  onRetried,
  onAccepted,
  invalidates,
}: {
  job: BackgroundJob;
  kind: ImageKind;
  onRetried: (job: BackgroundJob) => void;
  onAccepted: (version: ImageVersion) => void;
} & ImageChangeOptions) {
  const [method, setMethod] = useState<BackgroundMethod>(job.chosenMethod ?? job.candidates[0]!.method);
  const [sensitivity, setSensitivity] = useState<number>(sensitivityRange.automatic);
  const accept = useAcceptImageJob(onAccepted, { invalidates });
  const retry = useRetryImageJob(onRetried);
  const candidate = job.candidates.find((result) => result.method === method) ?? job.candidates[0]!;
  const hasModelResult = job.candidates.some((result) => result.method === 'subject-model');

  return (
    <section className="section image-review" aria-labelledby="image-review-title">
      <h2 id="image-review-title">{t('images.review.title')}</h2>
      {job.candidates.length > 1 && (
        <fieldset className="field">
          <legend className="field__label">{t('images.review.method')}</legend>
          {job.candidates.map((result) => {
            const name = t(`images.review.method.${result.method}`);
            return (
              <label key={result.method} className="choice">
                <input type="radio" name="method" value={result.method} checked={method === result.method} onChange={() => setMethod(result.method)} />
                {result.method === job.chosenMethod ? t('images.review.method.chosen', { method: name }) : name}
              </label>
            );
          })}
        </fieldset>
      )}
      <div className="field">
        <label className="field__label" htmlFor="sensitivity">
          {t('images.review.sensitivity')}
        </label>
        <p className="field__hint" id="sensitivity-hint">
          {t('images.review.sensitivity.hint', { automatic: sensitivityRange.automatic })}
        </p>
        <div className="slider">
          <input
            id="sensitivity"
            type="range"
            min={sensitivityRange.min}
            max={sensitivityRange.max}
            step={1}
            value={sensitivity}
            aria-describedby="sensitivity-hint"
            aria-valuetext={t('images.review.sensitivity.value', { value: sensitivity })}
            onChange={(event) => setSensitivity(Number(event.target.value))}
          />
          <output htmlFor="sensitivity" className="slider__value">
            {sensitivity}
          </output>
          <Button variant="secondary" onClick={() => setSensitivity(sensitivityRange.automatic)} disabled={sensitivity === sensitivityRange.automatic}>
            {t('images.review.sensitivity.reset')}
          </Button>
        </div>
      </div>
      <LivePreview job={job} candidate={candidate} sensitivity={sensitivity} />
      {accept.isError && <Alert tone="error">{problemMessage(accept.error)}</Alert>}
      {retry.isError && <Alert tone="error">{problemMessage(retry.error)}</Alert>}
      <div className="actions">
        <Button isBusy={accept.isPending} onClick={() => accept.mutate({ jobId: job.id, method: candidate.method, sensitivity })}>
          {t(imageWordKey(kind, 'accept'))}
        </Button>
        {!hasModelResult && (
          <Button variant="secondary" isBusy={retry.isPending} onClick={() => retry.mutate({ jobId: job.id, useModel: 'always' })}>
            {t('images.review.retryModel')}
          </Button>
        )}
      </div>
    </section>
  );
}
