import zlib from 'node:zlib';

/** Test pictures damaged the ways real files are: made from good ones, so nothing else differs. */

interface PngChunk {
  type: string;
  /** Offset of the chunk's length field. */
  offset: number;
  length: number;
}

function pngChunks(png: Buffer): PngChunk[] {
  const chunks: PngChunk[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), offset: at, length });
    at += 12 + length;
  }
  return chunks;
}

const firstChunk = (png: Buffer, type: string): PngChunk => {
  const chunk = pngChunks(png).find((candidate) => candidate.type === type);
  if (!chunk) throw new Error(`no ${type} chunk`);
  return chunk;
};

/** One bit flipped in the middle of the first IDAT: its CRC no longer matches, as after a bad copy. */
export function pngWithBadCrc(png: Buffer): Buffer {
  const damaged = Buffer.from(png);
  const idat = firstChunk(damaged, 'IDAT');
  damaged[idat.offset + 8 + Math.floor(idat.length / 2)]! ^= 0x10;
  return damaged;
}

/** The file cut off inside the first IDAT: the chunk's declared length runs past the end. */
export function pngCutInIdat(png: Buffer): Buffer {
  const idat = firstChunk(png, 'IDAT');
  return png.subarray(0, idat.offset + 8 + Math.floor(idat.length / 2));
}

/**
 * The first IDAT's image data cut in half, the chunk's length and CRC rewritten to fit: every chunk
 * checks out, only decoding the pixels shows that the image data stops early.
 */
export function pngWithCutIdatData(png: Buffer): Buffer {
  const idat = firstChunk(png, 'IDAT');
  const kept = Math.floor(idat.length / 2);
  const data = png.subarray(idat.offset + 8, idat.offset + 8 + kept);
  const chunk = Buffer.alloc(12 + kept);
  chunk.writeUInt32BE(kept, 0);
  chunk.write('IDAT', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + kept)), 8 + kept);
  return Buffer.concat([png.subarray(0, idat.offset), chunk, png.subarray(idat.offset + 12 + idat.length)]);
}

/** A JPEG that lost only its last two bytes, the end-of-image marker FFD9. */
export const jpegWithoutEnd = (jpeg: Buffer): Buffer => jpeg.subarray(0, jpeg.length - 2);
