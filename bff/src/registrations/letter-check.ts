import sharp from 'sharp';
import type { Letter } from '@ecoo/shared/registrations/schemas';
import { AppError } from '../http/problem.ts';
import { inspectPdf } from './pdf-inspection.ts';
import { detectFileType } from '../storage/file-type.ts';

const maxPixels = 40_000_000;


type LetterType = Letter['contentType'];

const kindName: Record<LetterType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** Judges the letter by its content: the type from its first bytes, then a full parse or decode. */
export async function checkLetter(bytes: Buffer): Promise<LetterType> {
  const { type, kind } = detectFileType(bytes);
  if (type !== 'application/pdf' && type !== 'image/jpeg' && type !== 'image/png') throw new AppError(415, 'problem.letterType', { detected: kind });
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
