/**
 * What an uploaded file is, judged by its first bytes (bff/src/storage/file-type.ts), as a code a
 * problem's params carry; the catalogue's file.kind says it in each language ("a GIF image").
 */
export const fileKinds = ['pdf', 'jpeg', 'png', 'webp', 'gif', 'tiff', 'bmp', 'heic', 'zip', 'ole', 'program', 'markup', 'empty', 'other'] as const;
export type FileKind = (typeof fileKinds)[number];

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && (fileKinds as readonly string[]).includes(value);
}
