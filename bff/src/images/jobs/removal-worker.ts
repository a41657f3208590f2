/**
 * A background-removal worker: a child process of the BFF that takes one job at a time over IPC.
 * A separate process because the subject model is native code that takes about 1 GB once loaded:
 * the pool bounds how many exist, and a crash or an out-of-memory here costs one job, not the BFF.
 */
import sharp from 'sharp';
import { decodeImage, ImageRefusal, type DecodedImage } from '../intake/decode-image.ts';
import { removeBackground, type RemovalCandidate } from '../background-removal/remove-background.ts';
import { createSubjectModel } from '../background-removal/subject-model.ts';
import type { ResultFiles, RunJobMessage, WorkerMessage } from './protocol.ts';

/** Long side of the maps the browser previews; full-size maps are kept for the accepted PNG. */
const previewLongSide = 1600;

/**
 * Larger pictures are reduced to this many pixels before the background is removed: a stamp printed
 * at 4 cm needs about 1,000 pixels across, and a 40-megapixel photo would otherwise take ~13 s and
 * ~2 GB in the worker (16 megapixels: ~5 s, well under 1 GB).
 */
const maxWorkingPixels = 16_000_000;

// Loaded on first use and kept for the life of the process: one load costs seconds and ~1 GB.
const model = createSubjectModel();

const send = (message: WorkerMessage) => process.send?.(message);

process.on('message', (message: RunJobMessage) => {
  if (message?.type === 'run') void run(message);
});
// A BFF or worker that is killed cannot kill its children; without it, this process and its ~1 GB model would linger.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

async function run({ jobId, original, useModel }: RunJobMessage): Promise<void> {
  try {
    const image = await workingSize(await decodeImage(Buffer.from(original.buffer, original.byteOffset, original.byteLength)));
    const removal = await removeBackground(image, { model, useModel, onProgress: (step) => send({ type: 'progress', jobId, step }) });
    const preview = previewSize(image.width, image.height);
    const results: ResultFiles[] = [];
    for (const candidate of removal.candidates) results.push(await resultFiles(candidate, preview));
    const originalPreviewJpeg = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
      .resize(preview.width, preview.height)
      .jpeg({ quality: 82 })
      .toBuffer();
    send({ type: 'done', jobId, chosen: removal.chosen, reason: removal.reason, originalPreviewJpeg, results });
  } catch (error) {
    const reason = error instanceof ImageRefusal ? 'unreadable' : 'internal';
    send({ type: 'failed', jobId, reason, detail: error instanceof Error ? error.message : String(error) });
  }
}

async function workingSize(image: DecodedImage): Promise<DecodedImage> {
  const scale = Math.sqrt(maxWorkingPixels / (image.width * image.height));
  if (scale >= 1) return image;
  const { data, info } = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(Math.floor(image.width * scale), Math.floor(image.height * scale))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ...image, width: info.width, height: info.height, rgb: data };
}

function previewSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, previewLongSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function resultFiles(candidate: RemovalCandidate, preview: { width: number; height: number }): Promise<ResultFiles> {
  const { width, height } = candidate;
  // Colour under fully transparent pixels is never seen; one flat value there keeps the PNG small.
  const colour = Buffer.from(candidate.colour);
  for (let pixel = 0; pixel < candidate.strength.length; pixel += 1) {
    if (candidate.strength[pixel] === 0) colour.fill(255, pixel * 3, pixel * 3 + 3);
  }
  const colourImage = () => sharp(colour, { raw: { width, height, channels: 3 } });
  const strengthImage = () => sharp(candidate.strength, { raw: { width, height, channels: 1 } }).toColourspace('b-w');
  const isPreviewSmaller = preview.width !== width || preview.height !== height;
  const colourPng = await colourImage().png().toBuffer();
  const strengthPng = await strengthImage().png().toBuffer();
  return {
    method: candidate.method,
    width,
    height,
    colourPng,
    strengthPng,
    previewWidth: preview.width,
    previewHeight: preview.height,
    previewColourPng: isPreviewSmaller ? await colourImage().resize(preview.width, preview.height).png().toBuffer() : colourPng,
    previewStrengthPng: isPreviewSmaller ? await strengthImage().resize(preview.width, preview.height).png().toBuffer() : strengthPng,
  };
}
