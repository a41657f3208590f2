import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { imageRenditions, type ImageRendition } from '@ecoo/shared/images/schemas';
import { ConcurrencyLimit } from '../common/concurrency-limit.ts';
import { writeWhole } from '../storage/files.ts';
import { imageLimits } from './intake/decode-image.ts';

/**
 * Renditions this process makes at once. libvips runs them in libuv's pool of four threads, which
 * file reads and password hashing share, so a page of new thumbnails must not take all four.
 */
const makingAtOnce = 2;
/** A damaged or enormous source gives up after this instead of holding a libvips thread. */
const makeTimeoutSeconds = 10;

const sourceOptions = { limitInputPixels: imageLimits.maxPixels, failOn: 'error' } as const;

/**
 * How each rendition is made. Changing one changes what its URL shows, so it takes a new name in
 * `imageRenditions` (shared), or browsers keep showing the old one for a year; the old files stay
 * on disk unused, and each accepted version gets the new one made at its first request.
 */
const recipes: Record<ImageRendition, (png: Buffer, box: { width: number; height: number }) => Promise<Buffer>> = {
  /**
   * Exactly the box, the image fitted inside it (never enlarged) and centred on transparent padding,
   * so the list's <img> carries its size before it loads, and the browser draws it 1:1 at 2× density.
   * Sixteen colours then lossless WebP: a stamp is one or two inks over transparency, so sixteen
   * (colour, alpha) pairs keep each ink's anti-aliased edge in sixteen alpha levels, and WebP packs two
   * such pixels a byte. Measured on eight development stamps and signatures: 1.9–4.9 KB each against
   * 6.6–22.9 KB for the lossy `list` (quality 82, lossless alpha) it replaced, at 39–47 dB PSNR against
   * the full PNG scaled down (on white; the lossy one 43–49 dB) and no lossy blocks at the edges:
   * side by side at 4× zoom the two cannot be told apart. Transparent stays exactly transparent.
   */
  'list-v2.webp': async (png, box) => {
    const { data, info } = await sharp(png, sourceOptions)
      .resize({ width: box.width, height: box.height, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .timeout({ seconds: makeTimeoutSeconds })
      .toBuffer({ resolveWithObject: true });
    const left = Math.floor((box.width - info.width) / 2);
    const top = Math.floor((box.height - info.height) / 2);
    const paletted = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
      .extend({ left, top, right: box.width - info.width - left, bottom: box.height - info.height - top, background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png({ palette: true, colours: 16, effort: 10 })
      .toBuffer();
    return sharp(paletted).webp({ lossless: true, effort: 6 }).toBuffer();
  },
  /**
   * Fitted inside its box. Lossy WebP: the stamp's anti-aliased ink in colour compresses to a
   * fraction of a PNG's bytes, while the alpha channel is kept lossless (alphaQuality 100), so edges
   * stay clean on any background; every browser the console supports decodes WebP with alpha.
   */
  'preview.webp': (png, box) =>
    sharp(png, sourceOptions)
      .resize({ width: box.width, height: box.height, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, alphaQuality: 100, effort: 4 })
      .timeout({ seconds: makeTimeoutSeconds })
      .toBuffer(),
};

export function makeRendition(png: Buffer, rendition: ImageRendition): Promise<Buffer> {
  return recipes[rendition](png, imageRenditions[rendition]);
}

/**
 * Renditions made on first request and kept on disk under the source's SHA-256 and the rendition's
 * name (`ab/<sha256>.list-v2.webp`), beside the files they are made from, so every instance sharing
 * the files folder makes each one once, written whole or not at all. Renditions are never removed:
 * they are a few kilobytes each, one pair per accepted version, and versions are kept for good.
 */
export class RenditionStore {
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly making = new ConcurrencyLimit({ concurrent: makingAtOnce, waiting: Number.POSITIVE_INFINITY });

  constructor(private readonly dir: string) {}

  private pathOf(sourceSha256: string, rendition: ImageRendition): string {
    if (!/^[0-9a-f]{64}$/.test(sourceSha256)) throw new Error(`not a file key: ${sourceSha256}`);
    return path.join(this.dir, sourceSha256.slice(0, 2), `${sourceSha256}.${rendition}`);
  }

  /** The rendition of the source with this hash; `readSource` is called only when it must be made. */
  get(sourceSha256: string, rendition: ImageRendition, readSource: () => Promise<Buffer>): Promise<Buffer> {
    const key = `${sourceSha256}.${rendition}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    // Simultaneous requests for one new rendition (a list of four stamps opened by two people) make it once.
    const made = this.readOrMake(sourceSha256, rendition, readSource).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, made);
    return made;
  }

  private async readOrMake(sourceSha256: string, rendition: ImageRendition, readSource: () => Promise<Buffer>): Promise<Buffer> {
    const target = this.pathOf(sourceSha256, rendition);
    const kept = await fs.readFile(target).catch(() => null);
    if (kept && kept.length > 0) return kept;
    // Never undefined: the line has no bound, since each rendition is made once and every waiting request is an open connection.
    const bytes = (await this.making.run(async () => makeRendition(await readSource(), rendition)))!;
    await writeWhole(target, bytes);
    return bytes;
  }
}
