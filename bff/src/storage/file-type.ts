import type { FileKind } from '@ecoo/shared/files/file-kinds';

/** What a file is, judged by its first bytes (never by its name or the browser's word for it). */
export type KnownFileType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';

export interface DetectedFileType {
  /** Set for the types the console reads. */
  type?: KnownFileType;
  /** What it is, for error messages ("this file is {detected}"): a code the catalogue's file.kind words in each language. */
  kind: FileKind;
}

const known: Record<KnownFileType, FileKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function detectFileType(bytes: Buffer): DetectedFileType {
  const type = knownType(bytes);
  if (type) return { type, kind: known[type] };
  return { kind: kindOfUnknown(bytes) };
}

function knownType(bytes: Buffer): KnownFileType | undefined {
  const head = bytes.subarray(0, 16);
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  const ascii = head.toString('latin1');
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image/webp';
  // Readers tolerate junk before %PDF- (ISO 32000-1, Annex H), but that junk is how HTML/PDF polyglots
  // are made, so the header must open the file.
  if (ascii.startsWith('%PDF-')) return 'application/pdf';
  return undefined;
}

function kindOfUnknown(bytes: Buffer): FileKind {
  const ascii = bytes.subarray(0, 16).toString('latin1');
  if (bytes.length === 0) return 'empty';
  if (ascii.startsWith('GIF8')) return 'gif';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'tiff';
  if (ascii.startsWith('BM')) return 'bmp';
  if (ascii.slice(4, 12) === 'ftypheic' || ascii.slice(4, 12) === 'ftypmif1') return 'heic';
  if (ascii.startsWith('PK\x03\x04')) return 'zip';
  if (ascii.startsWith('\xd0\xcf\x11\xe0')) return 'ole';
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF')) return 'program';
  if (/^\s*</.test(ascii)) return 'markup';
  return 'other';
}
