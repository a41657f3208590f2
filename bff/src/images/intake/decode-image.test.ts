import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, ImageRefusal, inspectImage } from './decode-image.ts';
import { pngClaimingSize, truncated } from '../../testing/pictures.ts';
import { pngWithBadCrc, pngWithCutIdatData } from './damaged-pictures.ts';

/** 40 × 20 pixels: the left half dark blue ink, the right half white paper. */
async function halfInk(format: 'jpeg' | 'png' | 'webp', orientation?: number): Promise<Buffer> {
  const raw = Buffer.alloc(40 * 20 * 3, 255);
  for (let y = 0; y < 20; y += 1) for (let x = 0; x < 20; x += 1) raw.set([20, 30, 120], (y * 40 + x) * 3);
  const image = sharp(raw, { raw: { width: 40, height: 20, channels: 3 } });
  const encoded = format === 'jpeg' ? image.jpeg({ quality: 95 }) : format === 'png' ? image.png() : image.webp({ lossless: true });
  return (orientation ? encoded.withMetadata({ orientation }) : encoded).toBuffer();
}

const refusalOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImageRefusal) return { reason: error.reason, ...error.details };
    throw error;
  }
  return undefined;
};

describe('decodeImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('decodes %s to upright 3-channel pixels', async (format) => {
    const image = await decodeImage(await halfInk(format));
    expect([image.type, image.width, image.height, image.rgb.length]).toEqual([`image/${format}`, 40, 20, 40 * 20 * 3]);
    expect(image.rgb[0]!).toBeLessThan(80);
    expect(image.rgb[(40 - 1) * 3]!).toBeGreaterThan(240);
  });

  it('applies the EXIF orientation of a phone photo (6: turned 90° clockwise)', async () => {
    const photo = await halfInk('jpeg', 6);
    expect(await inspectImage(photo)).toMatchObject({ width: 20, height: 40 });
    const image = await decodeImage(photo);
    expect([image.width, image.height]).toEqual([20, 40]);
    // The ink, on the left before, is on top once turned.
    expect(image.rgb[0]!).toBeLessThan(80);
    expect(image.rgb[(39 * 20) * 3]!).toBeGreaterThan(240);
  });

  it('flattens transparency onto white paper', async () => {
    const transparent = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const image = await decodeImage(transparent);
    expect([...image.rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('refuses other types, bombs, oversize and truncated files, each with its reason', async () => {
    expect(await refusalOf(decodeImage(Buffer.from('GIF89a....')))).toEqual({ reason: 'not-an-image', detected: 'gif' });
    expect(await refusalOf(decodeImage(await pngClaimingSize(8000, 6000)))).toEqual({ reason: 'too-many-pixels', megapixels: 48 });
    expect(await refusalOf(decodeImage(await pngClaimingSize(8000, 5001)))).toEqual({ reason: 'too-many-pixels', megapixels: 40.1 });
    expect(await refusalOf(decodeImage(Buffer.concat([await halfInk('jpeg'), Buffer.alloc(15 * 1024 * 1024)])))).toEqual({ reason: 'too-large' });
    expect(await refusalOf(decodeImage(truncated(await halfInk('png'))))).toEqual({ reason: 'truncated', format: 'PNG' });
    const png = await halfInk('png');
    expect(await refusalOf(decodeImage(pngWithBadCrc(png)))).toEqual({ reason: 'corrupt', format: 'PNG', offset: png.indexOf('IDAT') - 4 });
    expect(await refusalOf(decodeImage(pngWithCutIdatData(await halfInk('png'))))).toEqual({ reason: 'unreadable' });
  });
});
