import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The development pictures of stamps and signatures with their true alpha (../shared/bg-dev, beside the repo). */
export const bgDevDir = process.env.BG_DEV_DIR ?? path.join(repoRoot, '../shared/bg-dev');

export const devPicture = (name: string): Buffer => fs.readFileSync(path.join(bgDevDir, `${name}.jpg`));

/**
 * A PNG of a few hundred bytes whose header claims `width` × `height` pixels: a decompression bomb
 * as far as any reader that trusts the header is concerned.
 */
export async function pngClaimingSize(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } }).png().toBuffer();
  // IHDR is the first chunk: length (4) "IHDR" (4) width (4) height (4) … then its CRC over type + data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A picture that passes the header check but is cut off halfway. */
export const truncated = (bytes: Buffer): Buffer => bytes.subarray(0, Math.floor(bytes.length / 2));
