import sharp from 'sharp';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { makeAuthorisationLetterPdf } from '../demo/letter-pdf.ts';

export const pdfLetter = () => makeAuthorisationLetterPdf('Test Agency', 'Test Person');

export const pngLetter = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 250, g: 250, b: 245 } } }).png().toBuffer();

export const jpegLetter = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 250, g: 250, b: 245 } } }).jpeg().toBuffer();

/** A PNG of 20,000 × 20,000 pixels that compresses to a few hundred kilobytes: a decompression bomb. */
export const pngBomb = () =>
  sharp({ create: { width: 20_000, height: 20_000, channels: 3, background: '#ffffff' }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();

/** A PDF whose document opens with JavaScript. */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  const action = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  return Buffer.from(await pdf.save());
}

/** A PDF that says it is encrypted. */
export async function pdfEncrypted(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFString.of('x'), U: PDFString.of('y'), P: -4 });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export function letterForm(fields: Record<string, string>, letter?: { bytes: Buffer; name: string; type?: string }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (letter) form.append('letter', new Blob([new Uint8Array(letter.bytes)], { type: letter.type ?? 'application/octet-stream' }), letter.name);
  return form;
}
