import zlib from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/** An image XObject of a page, decoded back to 8-bit RGBA (its SMask as the alpha). */
export interface PageImage {
  name: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/**
 * The images a PDF's page draws, read back from its resources as a viewer would: the Flate data of
 * each image XObject, with its soft mask as alpha. Only what the specimen writes is understood
 * (8 bits a component, DeviceRGB or DeviceGray, FlateDecode without predictor): anything else
 * fails the test rather than being misread.
 */
export async function pageImages(pdfBytes: Uint8Array, pageIndex = 0): Promise<PageImage[]> {
  const pdf = await PDFDocument.load(pdfBytes);
  const page = pdf.getPage(pageIndex);
  const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return [];
  const images: PageImage[] = [];
  for (const [name, ref] of xObjects.entries()) {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const { width, height, samples, channels } = decodeSamples(pdf, stream);
    const smaskRef = stream.dict.get(PDFName.of('SMask'));
    const alpha = smaskRef ? decodeSamples(pdf, pdf.context.lookup(smaskRef) as PDFRawStream) : undefined;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let pixel = 0; pixel < width * height; pixel += 1) {
      for (let channel = 0; channel < 3; channel += 1) rgba[pixel * 4 + channel] = samples[pixel * channels + (channels === 1 ? 0 : channel)]!;
      rgba[pixel * 4 + 3] = alpha ? alpha.samples[pixel]! : 255;
    }
    images.push({ name: name.asString(), width, height, rgba });
  }
  return images;
}

function decodeSamples(pdf: PDFDocument, stream: PDFRawStream): { width: number; height: number; channels: number; samples: Uint8Array } {
  const number = (key: string) => (lookup(pdf, stream.dict.get(PDFName.of(key))) as PDFNumber).asNumber();
  const colourSpace = lookup(pdf, stream.dict.get(PDFName.of('ColorSpace')));
  const channels = colourSpace === PDFName.of('DeviceRGB') ? 3 : colourSpace === PDFName.of('DeviceGray') ? 1 : 0;
  if (channels === 0 || number('BitsPerComponent') !== 8) throw new Error(`image with colour space ${String(colourSpace)} at ${number('BitsPerComponent')} bits is not one the specimen writes`);
  if (stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode') || stream.dict.has(PDFName.of('DecodeParms'))) throw new Error('image is not plain FlateDecode');
  return { width: number('Width'), height: number('Height'), channels, samples: zlib.inflateSync(stream.contents) };
}

const lookup = (pdf: PDFDocument, value: PDFObject | undefined) => (value instanceof PDFRef ? pdf.context.lookup(value) : value);

/** The text a page's content streams hold, inflated; pdf-lib writes standard-font strings as hex. */
export async function pageContent(pdfBytes: Uint8Array, pageIndex = 0): Promise<string> {
  const pdf = await PDFDocument.load(pdfBytes);
  const contents = pdf.getPage(pageIndex).node.Contents();
  const refs = contents && 'asArray' in contents ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = lookup(pdf, ref as PDFObject);
      if (!(stream instanceof PDFRawStream)) return '';
      const isFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
      return Buffer.from(isFlate ? zlib.inflateSync(stream.contents) : stream.contents).toString('latin1');
    })
    .join('\n');
}

/** Text as pdf-lib writes it in a content stream for a standard font: `<48656C6C6F>`. */
export const hexOf = (text: string) => `<${Buffer.from(text, 'latin1').toString('hex').toUpperCase()}>`;

/** The fill opacity (`ca`) of a named graphics state of the page. */
export async function graphicsStateOpacity(pdfBytes: Uint8Array, name: string, pageIndex = 0): Promise<number | undefined> {
  const pdf = await PDFDocument.load(pdfBytes);
  const states = pdf.getPage(pageIndex).node.Resources()?.lookup(PDFName.of('ExtGState'), PDFDict);
  const state = states?.lookup(PDFName.of(name), PDFDict);
  return (state?.lookup(PDFName.of('ca')) as PDFNumber | undefined)?.asNumber();
}
