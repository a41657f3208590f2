import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PDFImage, PDFName, type PDFDocument } from 'pdf-lib';

const inflate = promisify(zlib.inflate);
/** The loops over pixels give the event loop back every this many pixels (and every 64 rows): a few milliseconds each. */
const pixelsPerTurn = 65_536;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const deflate = promisify(zlib.deflate);

/**
 * Embeds an 8-bit RGB or RGBA PNG (what accepted versions are) with its alpha as a soft mask, as
 * pdf-lib's embedPng does, but with Node's zlib, which inflates and deflates on libuv's thread pool:
 * pdf-lib does both in JavaScript (pako), which held the event loop for 0.4 s and more for a
 * scanned stamp. What stays on the main thread is undoing the PNG's row filters and splitting the
 * alpha out, a few milliseconds. Any other PNG (palette, 16-bit, interlaced) goes to embedPng.
 */
export async function embedPngOffThread(pdf: PDFDocument, png: Uint8Array): Promise<PDFImage> {
  const parsed = parsePng(png);
  if (!parsed) return pdf.embedPng(png);
  const { width, height, channels, idat } = parsed;
  const pixels = await unfilter(await inflate(idat), width, height, channels);
  const colour = new Uint8Array(width * height * 3);
  const alpha = channels === 4 ? new Uint8Array(width * height) : undefined;
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    if (pixel % pixelsPerTurn === pixelsPerTurn - 1) await yieldToEventLoop();
    colour[pixel * 3] = pixels[pixel * channels]!;
    colour[pixel * 3 + 1] = pixels[pixel * channels + 1]!;
    colour[pixel * 3 + 2] = pixels[pixel * channels + 2]!;
    if (alpha) alpha[pixel] = pixels[pixel * channels + 3]!;
  }
  const [colourData, alphaData] = await Promise.all([deflate(colour), alpha ? deflate(alpha) : undefined]);
  const context = pdf.context;
  const imageDict = (colourSpace: string, data: Uint8Array, extra: Record<string, unknown> = {}) =>
    context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: colourSpace, Filter: 'FlateDecode', ...extra });
  const smask = alphaData ? context.register(imageDict('DeviceGray', alphaData)) : undefined;
  const ref = context.register(imageDict('DeviceRGB', colourData, smask ? { SMask: smask } : {}));
  // PDFImage.of accepts only pdf-lib's own embedders; page.drawImage needs a PDFImage with its ref
  // and size. The stream is already in the document, so there is nothing to embed on save.
  const embedder = { width, height, embedIntoContext: async () => ref };
  return Object.assign(Object.create(PDFImage.prototype) as PDFImage, { ref, doc: pdf, width, height, embedder, embedTask: Promise.resolve(ref) });
}

/** The IHDR fields and joined IDAT data of a non-interlaced 8-bit RGB or RGBA PNG; undefined for any other. */
function parsePng(png: Uint8Array): { width: number; height: number; channels: 3 | 4; idat: Buffer } | undefined {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 33 || bytes.readUInt32BE(0) !== 0x89504e47) return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [bitDepth, colourType, , , interlace] = bytes.subarray(24, 29);
  if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) return undefined;
  const parts: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') parts.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, channels: colourType === 6 ? 4 : 3, idat: Buffer.concat(parts) };
}

/** Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth) in place of pako's. */
async function unfilter(data: Buffer, width: number, height: number, channels: number): Promise<Uint8Array> {
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let row = 0; row < height; row += 1) {
    if (row % 64 === 63) await yieldToEventLoop();
    const filter = data[row * (stride + 1)]!;
    const input = row * (stride + 1) + 1;
    const at = row * stride;
    for (let index = 0; index < stride; index += 1) {
      const left = index >= channels ? out[at + index - channels]! : 0;
      const up = row > 0 ? out[at - stride + index]! : 0;
      const upLeft = row > 0 && index >= channels ? out[at - stride + index - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predicted = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      }
      out[at + index] = (data[input + index]! + predicted) & 0xff;
    }
  }
  return out;
}
