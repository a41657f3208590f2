import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findDamage } from './file-structure.ts';
import { jpegWithoutEnd, pngCutInIdat, pngWithBadCrc, pngWithCutIdatData } from './damaged-pictures.ts';
import { devPicture, truncated } from '../../testing/pictures.ts';

const scan = devPicture('d009-round-scan');
const photo = devPicture('d003-rect-photo');
const png = () => sharp(scan).png().toBuffer();

describe('findDamage', () => {
  it.each([
    ['a flatbed scan (JPEG)', () => Promise.resolve(scan)],
    ['a phone photo (JPEG)', () => Promise.resolve(photo)],
    ['a progressive JPEG with an EXIF orientation', () => sharp(scan).withMetadata({ orientation: 6 }).jpeg({ progressive: true }).toBuffer()],
    ['a JPEG with bytes after its end marker (a phone trailer)', () => Promise.resolve(Buffer.concat([photo, Buffer.from('SEFT trailer data')]))],
    ['a PNG', png],
    ['a WebP', () => sharp(scan).webp().toBuffer()],
  ])('finds nothing wrong in %s', async (_name, make) => {
    const bytes = await make();
    const type = bytes[0] === 0xff ? 'image/jpeg' : bytes[0] === 0x89 ? 'image/png' : 'image/webp';
    expect(findDamage(bytes, type)).toBeUndefined();
  });

  it.each([
    ['a JPEG cut in half', () => Promise.resolve(truncated(scan)), 'image/jpeg'],
    ['a JPEG missing only its end marker', () => Promise.resolve(jpegWithoutEnd(photo)), 'image/jpeg'],
    ['a PNG cut inside its image data', async () => pngCutInIdat(await png()), 'image/png'],
    ['a PNG cut before its IEND chunk', async () => (await png()).subarray(0, -12), 'image/png'],
    ['a WebP cut in half', async () => truncated(await sharp(scan).webp().toBuffer()), 'image/webp'],
  ] as const)('finds %s truncated', async (_name, make, type) => {
    expect(findDamage(await make(), type)).toEqual({ kind: 'truncated' });
  });

  it('finds a PNG chunk whose CRC does not match, with its name and offset', async () => {
    const good = await png();
    const damage = findDamage(pngWithBadCrc(good), 'image/png');
    expect(damage).toMatchObject({ kind: 'corrupt', chunk: 'IDAT' });
    expect(damage?.kind === 'corrupt' && damage.offset).toBe(good.indexOf('IDAT') - 4);
  });

  it('cannot tell image data cut short inside chunks that check out: decoding tells that', async () => {
    expect(findDamage(pngWithCutIdatData(await png()), 'image/png')).toBeUndefined();
  });
});
