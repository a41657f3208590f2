import { useEffect, useRef, useState } from 'react';
import type { BackgroundJob, RemovalCandidate } from '@ecoo/shared/images/schemas';
import { urlOf } from '../../../lib/api-client';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { composePreview } from './compose-preview';
import { imagesApi } from '@ecoo/shared/images/api';

interface Maps {
  colour: Uint8ClampedArray;
  strength: Uint8ClampedArray;
}

async function pixelsOf(url: string, width: number, height: number): Promise<Uint8ClampedArray | null> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

/** Loads a result's two maps once; moving the slider then only recomposes pixels, with no request. */
function useResultMaps(jobId: string, candidate: RemovalCandidate): { maps: Maps | null; isFailed: boolean } {
  const [maps, setMaps] = useState<Maps | null>(null);
  const [isFailed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    setMaps(null);
    setFailed(false);
    const url = (map: 'colour' | 'strength') => urlOf(imagesApi.getImageJobMap, { params: { jobId, method: candidate.method, map } });
    void Promise.all([pixelsOf(url('colour'), candidate.previewWidth, candidate.previewHeight), pixelsOf(url('strength'), candidate.previewWidth, candidate.previewHeight)])
      .then(([colour, strength]) => {
        if (isCurrent && colour && strength) setMaps({ colour, strength });
      })
      .catch(() => {
        if (isCurrent) setFailed(true);
      });
    return () => {
      isCurrent = false;
    };
  }, [jobId, candidate.method, candidate.previewWidth, candidate.previewHeight]);
  return { maps, isFailed };
}

/**
 * The chosen result at the chosen sensitivity, drawn twice: on a checkerboard, where any leftover
 * background shows, and on white, as a certificate will print it.
 */
export function LivePreview({ job, candidate, sensitivity }: { job: BackgroundJob; candidate: RemovalCandidate; sensitivity: number }) {
  const { maps, isFailed } = useResultMaps(job.id, candidate);
  const checkerboard = useRef<HTMLCanvasElement>(null);
  const white = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!maps) return;
    const pixels = composePreview(maps.colour, maps.strength, sensitivity);
    for (const canvas of [checkerboard.current, white.current]) {
      const context = canvas?.getContext('2d');
      if (!context) continue;
      context.putImageData(new ImageData(pixels, candidate.previewWidth, candidate.previewHeight), 0, 0);
    }
  }, [maps, sensitivity, candidate.previewWidth, candidate.previewHeight]);

  const method = t(`images.review.method.${candidate.method}`);
  const label = (background: 'checkerboard' | 'white') =>
    t('images.review.preview', { method, value: sensitivity, background: t(`images.review.background.${background}`) });
  return (
    <div className="image-review__figures">
      <figure className="image-review__figure">
        <img className="image-review__image" src={urlOf(imagesApi.getImageJobOriginal, { params: { jobId: job.id } })} alt={t('images.review.original')} />
        <figcaption>{t('images.review.original')}</figcaption>
      </figure>
      {(['checkerboard', 'white'] as const).map((background) => (
        <figure key={background} className="image-review__figure">
          <canvas
            ref={background === 'checkerboard' ? checkerboard : white}
            className={`image-review__image image-review__canvas image-review__canvas--${background}`}
            width={candidate.previewWidth}
            height={candidate.previewHeight}
            role="img"
            aria-label={label(background)}
            data-ready={maps ? 'true' : 'false'}
          />
          <figcaption>{t(`images.review.${background}`)}</figcaption>
        </figure>
      ))}
      {!maps && !isFailed && (
        <p role="status" className="image-review__loading">
          {t('images.review.loading')}
        </p>
      )}
      {isFailed && <Alert tone="error">{t('images.review.previewFailed')}</Alert>}
    </div>
  );
}
