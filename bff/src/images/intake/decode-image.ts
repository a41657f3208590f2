import sharp from 'sharp';
import { detectFileType } from '../../storage/file-type.ts';
import { findDamage } from './file-structure.ts';

export const imageLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
} as const;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Why an upload is not a picture the console can work on; each has its own message for the user. */
export type ImageRefusalReason = 'not-an-image' | 'too-large' | 'too-many-pixels' | 'truncated' | 'corrupt' | 'unreadable';

export class ImageRefusal extends Error {
  constructor(
    readonly reason: ImageRefusalReason,
    readonly details: { detected?: string; megapixels?: number; format?: string; offset?: number } = {},
  ) {
    super(`image refused: ${reason}`);
    this.name = 'ImageRefusal';
  }
}

/** A picture as upright 8-bit sRGB pixels, 3 channels, any transparency flattened onto white paper. */
export interface DecodedImage {
  type: ImageType;
  width: number;
  height: number;
  rgb: Buffer;
}

const formatNames: Record<ImageType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** Checks what the bytes are and how big they claim to be before decoding a single pixel. */
export async function inspectImage(bytes: Buffer): Promise<{ type: ImageType; width: number; height: number }> {
  if (bytes.length > imageLimits.maxBytes) throw new ImageRefusal('too-large');
  const { type, kind } = detectFileType(bytes);
  if (type !== 'image/jpeg' && type !== 'image/png' && type !== 'image/webp') throw new ImageRefusal('not-an-image', { detected: kind });
  // A file cut short or damaged in a copy would fail its job later and leave that failure as the
  // office's latest; one walk over its blocks tells at once, without decoding.
  const damage = findDamage(bytes, type);
  if (damage) throw new ImageRefusal(damage.kind, { format: formatNames[type], ...(damage.kind === 'corrupt' ? { offset: damage.offset } : {}) });
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefusal('unreadable');
  }
  const { width = 0, height = 0, autoOrient } = metadata;
  if (width === 0 || height === 0) throw new ImageRefusal('unreadable');
  // The header's size decides: a 200 KB PNG that declares 100 000 × 100 000 pixels is refused here,
  // before libvips allocates anything for it.
  // Rounded up, to one decimal: 40.04 megapixels must not read as "40" beside "at most 40".
  if (width * height > imageLimits.maxPixels) throw new ImageRefusal('too-many-pixels', { megapixels: Math.ceil((width * height) / 1e5) / 10 });
  return { type, width: autoOrient?.width ?? width, height: autoOrient?.height ?? height };
}

/**
 * Decodes a JPEG, PNG or WebP upload: judged by content, size and pixel count checked first,
 * EXIF orientation applied, decoded fully so that a truncated or corrupt file fails here and not later.
 */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  const { type } = await inspectImage(bytes);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: imageLimits.maxPixels, failOn: 'error', sequentialRead: true })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new ImageRefusal('unreadable');
    return { type, width: info.width, height: info.height, rgb: data };
  } catch (error) {
    if (error instanceof ImageRefusal) throw error;
    throw new ImageRefusal('unreadable');
  }
}
