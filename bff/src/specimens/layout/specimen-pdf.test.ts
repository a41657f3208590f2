/**
 * The specimen certificate's layout on its own (no database, no job): one A4 page, the accepted
 * stamp and signature embedded pixel for pixel with their alpha, a QR code that decodes to the
 * register's entry, and SPECIMEN across the page.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { graphicsStateOpacity, hexOf, pageContent, pageImages, type PageImage } from '../testing/pdf-images.ts';
import { pagePlacements } from '../testing/page-placements.ts';
import { devPicture } from '../../testing/pictures.ts';
import { rgbaOf, sampleRegisterEntryUrl, sampleSpecimenContent } from '../testing/specimen-pictures.ts';
import { drawSpecimenCertificate, type SpecimenContent } from './specimen-pdf.ts';

let content: SpecimenContent;
let pdfBytes: Uint8Array;
const entryUrl = sampleRegisterEntryUrl;

beforeAll(async () => {
  content = await sampleSpecimenContent();
  pdfBytes = await drawSpecimenCertificate(content);
});

/** The one image whose samples are exactly the PNG's (alpha everywhere, colour wherever there is any ink). */
async function expectEmbedded(images: PageImage[], png: Uint8Array): Promise<PageImage> {
  const expected = await rgbaOf(png);
  const matches = images.filter((image) => image.width === expected.width && image.height === expected.height);
  expect(matches).toHaveLength(1);
  const [image] = matches as [PageImage];
  let differences = 0;
  for (let offset = 0; offset < expected.rgba.length; offset += 4) {
    const alpha = expected.rgba[offset + 3]!;
    if (image.rgba[offset + 3] !== alpha) differences += 1;
    else if (alpha > 0 && [0, 1, 2].some((channel) => image.rgba[offset + channel] !== expected.rgba[offset + channel])) differences += 1;
  }
  expect(differences).toBe(0);
  return image;
}

describe('the specimen certificate PDF', () => {
  it('is exactly one A4 page', async () => {
    const pdf = await PDFDocument.load(pdfBytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('carries the stamp and the signature as given, with their alpha: partly transparent pixels stay partly transparent', async () => {
    const images = await pageImages(pdfBytes);
    const stamp = await expectEmbedded(images, content.stampPng);
    await expectEmbedded(images, content.signaturePng);
    const alphas = new Set<number>();
    for (let offset = 3; offset < stamp.rgba.length; offset += 4) alphas.add(stamp.rgba[offset]!);
    expect(alphas.has(0)).toBe(true);
    expect([...alphas].some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
  });

  it("carries a QR code that decodes to exactly the register entry's address", async () => {
    const images = await pageImages(pdfBytes);
    const decoded = images.map((image) => jsQR(image.rgba, image.width, image.height)).filter((code) => code !== null);
    expect(decoded.map((code) => code.data)).toEqual([entryUrl]);
  });

  it('says SPECIMEN across the page and that it is not valid for customs purposes', async () => {
    const text = await pageContent(pdfBytes);
    expect(text).toContain(hexOf('SPECIMEN'));
    expect(text).toContain(hexOf(`SPECIMEN - NOT VALID FOR CUSTOMS PURPOSES. Office ${content.office.code}, ${content.date}.`));
    // The large mark: its own text object, under a graphics state of its own, its text matrix turned.
    const mark = new RegExp(`/(GS-\\d+) gs\\nBT\\n[^\\n]+ rg\\n[^\\n]+ (\\d+) Tf\\n[^\\n]+\\n(-?[\\d.]+) (-?[\\d.]+) [^\\n]+ Tm\\n${hexOf('SPECIMEN')} Tj`).exec(text);
    expect(mark).not.toBeNull();
    const [, state, size, cos, sin] = mark!;
    expect(Number(size)).toBeGreaterThanOrEqual(100);
    expect(Math.abs(Number(sin))).toBeGreaterThan(0.5);
    expect(Math.abs(Number(cos))).toBeGreaterThan(0.3);
    const opacity = await graphicsStateOpacity(pdfBytes, state!);
    expect(opacity).toBeGreaterThan(0.05);
    expect(opacity).toBeLessThan(0.5);
  });

  it("prints the office, the officer (accents kept as their letters) and the date", async () => {
    const text = await pageContent(pdfBytes);
    for (const shown of [content.office.name, 'Ananya Rao', content.officer.designation, `Place and date: Kochi, ${content.date}`]) expect(text).toContain(hexOf(shown));
  });

  it('gives the same bytes for the same request, so a job run again after a kill stores one file', async () => {
    expect(Buffer.from(await drawSpecimenCertificate(content)).equals(Buffer.from(pdfBytes))).toBe(true);
  });
});

describe('every field at its permitted length', () => {
  const long = (words: string, length: number) => words.repeat(Math.ceil(length / words.length)).slice(0, length).trim();
  it('shrinks and, as a last resort, cuts the text so that box 12 keeps the place and date, the captions and the officer, and the QR code covers neither the signature nor any line', async () => {
    const limits: SpecimenContent = {
      ...content,
      agencyName: long('Export Inspection Council ', 200),
      office: {
        code: 'EIA-KOC-02',
        name: long('Export Inspection Agency Regional ', 200),
        addressLines: [long('Plot 1234, Industrial Development Area ', 200), long('Near the Old Harbour Road Junction ', 200), `${long('Thiruvananthapuram ', 100)}, Kerala 682016`],
        city: long('Thiruvananthapuram ', 100),
      },
      officer: { name: long('Ananya Lakshmi Raghavan ', 100), designation: long('Deputy Director General ', 100) },
    };
    const pdf = await drawSpecimenCertificate(limits);
    const { images, texts } = await pagePlacements(pdf);
    const pixels = await pageImages(pdf);
    const named = (width: number) => images.find((image) => pixels.find((candidate) => candidate.name.replace(/^\//, '') === image.name)?.width === width)!;
    const signature = named((await rgbaOf(content.signaturePng)).width);
    const qr = images.find((image) => Math.abs(image.width - image.height) < 0.01 && image.width < 80)!;
    expect(signature).toBeDefined();
    expect(qr).toBeDefined();
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(signature, qr)).toBe(false);

    const pdfForWidths = await PDFDocument.create();
    const fonts = { bold: pdfForWidths.embedStandardFont(StandardFonts.HelveticaBold), regular: pdfForWidths.embedStandardFont(StandardFonts.Helvetica) };
    const boxTwelve = texts.filter((line) => !line.turned && line.x >= qr.x - 300 && line.y > qr.y - 5 && line.y < 420 && line.x > 290);
    for (const line of boxTwelve) {
      // Measured in its own face: no line reaches into the QR code's square.
      const box = { x: line.x, y: line.y - line.size * 0.25, width: fonts[line.bold ? 'bold' : 'regular'].widthOfTextAtSize(line.text.replaceAll('\x85', '\u2026'), line.size), height: line.size };
      expect(overlaps(box, qr), line.text).toBe(false);
    }
    expect(texts.some((line) => line.text.startsWith('Place and date: Thiruvananthapuram'))).toBe(true);
    expect(texts.some((line) => line.text === 'Signature and stamp of the certifying authority')).toBe(true);
    expect(texts.some((line) => line.text.startsWith('Scan the code'))).toBe(true);
    expect(texts.some((line) => line.text.startsWith('Ananya Lakshmi'))).toBe(true);
    // Nothing of box 12 is written below the box's frame.
    expect(Math.min(...boxTwelve.map((line) => line.y))).toBeGreaterThan(qr.y - 3);
  });
});

describe('drawing a scanned stamp', () => {
  it("embeds a scanned stamp's PNG with Node's zlib (on the thread pool), never with pdf-lib's embedPng, whose JavaScript inflate held the event loop 0.5-0.6 s", async () => {
    // A development scan as a stamp of a scanned one's size (694 x 635, RGBA): about 390 kB of PNG.
    // How long the loop is held is a figure for a benchmark, not a test: here, which path is taken.
    const width = 694;
    const height = 635;
    const scanned = await sharp(devPicture('d009-round-scan')).resize(width, height, { fit: 'fill' }).ensureAlpha(0.8).png().toBuffer();
    const embedPng = vi.spyOn(PDFDocument.prototype, 'embedPng');
    try {
      const pdf = await drawSpecimenCertificate({ ...content, stampPng: scanned });
      expect((await pageImages(pdf)).some((image) => image.width === width && image.height === height)).toBe(true);
      expect(embedPng).not.toHaveBeenCalled();
    } finally {
      embedPng.mockRestore();
    }
  });
});
