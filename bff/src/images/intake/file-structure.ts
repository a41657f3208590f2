import zlib from 'node:zlib';
import type { ImageType } from './decode-image.ts';

/**
 * What a walk over a picture's blocks finds wrong without decoding a pixel: `truncated` when the
 * file ends before its end marker (a copy or download cut short), `corrupt` when a block does not
 * check out (a PNG chunk's CRC, a JPEG segment where none can be). Image data cut inside blocks
 * that check out is not seen here; decoding in the worker finds that.
 */
export type ImageDamage = { kind: 'truncated' } | { kind: 'corrupt'; offset: number; chunk?: string };

const truncated: ImageDamage = { kind: 'truncated' };
const corruptAt = (offset: number, chunk?: string): ImageDamage => ({ kind: 'corrupt', offset, ...(chunk ? { chunk } : {}) });

/** One pass over the bytes, so an upload is refused at once instead of failing its job later. */
export function findDamage(bytes: Buffer, type: ImageType): ImageDamage | undefined {
  switch (type) {
    case 'image/jpeg':
      return jpegDamage(bytes);
    case 'image/png':
      return pngDamage(bytes);
    case 'image/webp':
      return webpDamage(bytes);
  }
}

/**
 * JPEG: segments after SOI (FFD8), each marker with its length, until the end-of-image marker FFD9
 * after the last scan. A scan's entropy-coded data has no length: it runs to the next marker that
 * is not a stuffed FF00 or a restart marker (FFD0–FFD7). Bytes after FFD9 (phone trailers, a
 * second picture) are not ours to judge.
 */
function jpegDamage(bytes: Buffer): ImageDamage | undefined {
  let at = 2;
  let hasScan = false;
  for (;;) {
    if (at >= bytes.length) return truncated;
    if (bytes[at] !== 0xff) return corruptAt(at);
    while (bytes[at] === 0xff) at += 1;
    if (at >= bytes.length) return truncated;
    const marker = bytes[at]!;
    at += 1;
    if (marker === 0xd9) return hasScan ? undefined : corruptAt(at - 2);
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (at + 2 > bytes.length) return truncated;
    const length = bytes.readUInt16BE(at);
    if (length < 2) return corruptAt(at);
    at += length;
    if (at > bytes.length) return truncated;
    if (marker !== 0xda) continue;
    hasScan = true;
    for (;;) {
      const ff = bytes.indexOf(0xff, at);
      if (ff < 0 || ff + 1 >= bytes.length) return truncated;
      const next = bytes[ff + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at = ff + 2;
      else if (next === 0xff) at = ff + 1;
      else {
        at = ff;
        break;
      }
    }
  }
}

/** PNG: after the signature, chunks of length, type, data and a CRC over type and data, ending with IEND. */
function pngDamage(bytes: Buffer): ImageDamage | undefined {
  let at = 8;
  let hasImageData = false;
  for (;;) {
    if (at + 8 > bytes.length) return truncated;
    const length = bytes.readUInt32BE(at);
    const chunk = bytes.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(chunk)) return corruptAt(at);
    const end = at + 12 + length;
    if (end > bytes.length) return truncated;
    if (zlib.crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return corruptAt(at, chunk);
    if (chunk === 'IDAT') hasImageData = true;
    if (chunk === 'IEND') return hasImageData ? undefined : corruptAt(at, chunk);
    at = end;
  }
}

/** WebP: the RIFF header says how long the file is; a shorter file was cut. */
function webpDamage(bytes: Buffer): ImageDamage | undefined {
  if (bytes.length < 12) return truncated;
  return bytes.length < 8 + bytes.readUInt32LE(4) ? truncated : undefined;
}
