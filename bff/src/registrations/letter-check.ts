import sharp from 'sharp';
import type { Letter } from '@ecoo/shared/registrations/schemas';
import { AppError } from '../http/problem.ts';
import { inspectPdf } from './pdf-inspection.ts';

const maxPixels = 40_000_000;


type LetterType = Letter['contentType'];

/** Names what the bytes are, for the message when they are not a letter type. */
export function detectType(bytes: Buffer): LetterType | string {
  const head = bytes.subarray(0, 16);
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  // Readers tolerate junk before %PDF- (ISO 32000-1, Annex H), but that junk is how HTML/PDF polyglots
  // are made, so the header must open the file.
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const ascii = head.toString('latin1');
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'a TIFF image';
  if (ascii.startsWith('PK\x03\x04')) return 'a ZIP archive or Office document';
  if (ascii.startsWith('\xd0\xcf\x11\xe0')) return 'an old Office document';
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF')) return 'a program';
  if (/^\s*</.test(ascii)) return 'an HTML or XML page';
  if (bytes.length === 0) return 'empty';
  return 'of a type the console does not accept';
}

const kindName: Record<LetterType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** Judges the letter by its content: the type from its first bytes, then a full parse or decode. */
export async function checkLetter(bytes: Buffer): Promise<LetterType> {
  const type = detectType(bytes);
  if (type !== 'application/pdf' && type !== 'image/jpeg' && type !== 'image/png') throw new AppError(415, 'problem.letterType', { detected: type });
  const unreadable = () => new AppError(400, 'problem.letterUnreadable', { kind: kindName[type] });
  if (type === 'application/pdf') {
    const verdict = await inspectPdf(bytes);
    if (verdict === 'encrypted') throw new AppError(400, 'problem.letterEncrypted');
    if (verdict === 'active-content') throw new AppError(400, 'problem.letterActiveContent');
    if (verdict === 'busy') throw new AppError(503, 'problem.busy');
    if (verdict !== 'ok') throw unreadable();
    return type;
  }
  try {
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' });
    const { width = 0, height = 0 } = await image.metadata();
    if (width * height > maxPixels) throw new AppError(400, 'problem.letterTooManyPixels', { megapixels: Math.round((width * height) / 1e6) });
    // Decoding the whole picture catches truncated files that a header check would pass.
    await image.resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (String((err as Error).message).includes('pixel limit')) throw new AppError(400, 'problem.letterTooManyPixels', { megapixels: '> 40' });
    throw unreadable();
  }
  return type;
}

/** Keeps the base name for display only; control characters and path parts are dropped. */
export function safeFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>]/g, '').trim().slice(0, 200);
  return cleaned || 'letter';
}
