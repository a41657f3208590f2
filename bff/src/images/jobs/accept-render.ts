import sharp from 'sharp';
import type { Db } from '../../db/connect.ts';
import type { FileStore } from '../../storage/files.ts';
import type { JobHandler } from '../../jobs/index.ts';
import { renderCandidate } from '../background-removal/render-candidate.ts';

export const renderAttempts = 3;

/**
 * The full-size render on accept as a kind of job: decode both full-size maps, apply the
 * sensitivity curve the administrator previewed, trim to the ink, encode the PNG. About 10 bytes a
 * pixel (160 MB at the 16-megapixel working size), so it runs one at a time in the processes that
 * remove backgrounds, never in a BFF that only answers requests (IMAGE_WORKERS=0).
 */
export function acceptRenderJobs(db: Db, files: FileStore, options: { enabled: boolean }): JobHandler {
  return {
    kind: 'accept-render',
    concurrency: options.enabled ? 1 : 0,
    backoffMs: (attempts) => 2_000 * attempts,
    async run(job) {
      const render = await db
        .selectFrom('image_renders')
        .innerJoin('image_job_results', (join) => join.onRef('image_job_results.job_id', '=', 'image_renders.job_id').onRef('image_job_results.method', '=', 'image_renders.method'))
        .innerJoin('image_jobs', 'image_jobs.id', 'image_renders.job_id')
        .select(['image_renders.id', 'image_renders.sensitivity', 'image_jobs.accepted_version_id', 'image_job_results.method', 'image_job_results.width', 'image_job_results.height', 'image_job_results.colour_sha256', 'image_job_results.strength_sha256'])
        .where('image_renders.id', '=', job.subjectId)
        .executeTakeFirst();
      if (!render) return { outcome: 'failed', error: 'the render or its result no longer exists', effect: (trx) => markRender(trx, job.subjectId, { state: 'failed' }) };
      // Accepted meanwhile at another choice: nobody waits for this one any more.
      if (render.accepted_version_id) return { outcome: 'failed', error: 'the picture was accepted meanwhile', effect: (trx) => markRender(trx, render.id, { state: 'failed' }) };
      const [colour, strength] = await Promise.all([
        sharp(await files.get(render.colour_sha256)).removeAlpha().raw().toBuffer(),
        sharp(await files.get(render.strength_sha256)).extractChannel(0).raw().toBuffer(),
      ]);
      const candidate = { method: render.method, width: render.width, height: render.height, colour, strength: new Uint8Array(strength.buffer, strength.byteOffset, strength.length) };
      const rendered = await renderCandidate(candidate, { sensitivity: render.sensitivity, keepSize: false });
      if (!rendered) return { outcome: 'done', effect: (trx) => markRender(trx, render.id, { state: 'no-ink' }) };
      const { key } = await files.put(rendered.png);
      return { outcome: 'done', effect: (trx) => markRender(trx, render.id, { state: 'done', png_sha256: key, width: rendered.width, height: rendered.height }) };
    },
    onGiveUp: (trx, job) => markRender(trx, job.subjectId, { state: 'failed' }),
  };
}

async function markRender(trx: Pick<Db, 'updateTable'>, renderId: string, values: { state: 'done' | 'no-ink' | 'failed'; png_sha256?: string; width?: number; height?: number }): Promise<void> {
  await trx.updateTable('image_renders').set(values).where('id', '=', renderId).execute();
}
