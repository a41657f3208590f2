import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { drawableText, fitTexts, wrapText, type FittedText } from './pdf-text.ts';
import { embedPngOffThread } from './png-image.ts';
import { registerEntryQrPng } from './qr-code.ts';
import { specimenGoods } from './specimen-goods.ts';

/** What one specimen shows: the office and officer chosen, the images in use, and where the QR leads. */
export interface SpecimenContent {
  agencyName: string;
  office: { code: string; name: string; addressLines: string[]; city: string };
  officer: { name: string; designation: string };
  /** The day the specimen shows, India's calendar (YYYY-MM-DD): the register entry the QR opens. */
  date: string;
  /** Accepted versions as stored: PNG with true alpha, so the form's lines show through the ink's gaps. */
  stampPng: Uint8Array;
  signaturePng: Uint8Array;
  registerEntryUrl: string;
  /** The request's instant, written as the file's dates: the same request always gives the same bytes. */
  requestedAt: string;
}

const mm = (value: number) => (value * 72) / 25.4;
const a4 = { width: mm(210), height: mm(297) };
const margin = mm(12);
const left = margin;
const right = a4.width - margin;
const middle = a4.width / 2;
const top = a4.height - margin;
/** The footer band below the form carries the "not valid" line. */
const formBottom = margin + mm(9);
const headerBottom = top - mm(72);
const goodsBottom = headerBottom - mm(74);

/** A real stamp impression is 35–40 mm across; the accepted picture is trimmed to its ink, so its longer side is the impression's. */
const stampSize = mm(38);
const signatureBox = { width: mm(48), height: mm(20) };
/** 25 mm: large enough for a phone at arm's length at level M, small enough to leave the box to the certification. */
const qrSize = mm(25);

const ink = rgb(0.1, 0.1, 0.12);
const ruleColour = rgb(0.25, 0.25, 0.3);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws the specimen certificate of origin: one A4 page laid out like the preferential certificate
 * (numbered boxes 1–12), with the office's stamp, the officer's signature and a QR code to the
 * register's entry in box 12, and SPECIMEN across the page. The form's words are English, as on the
 * certificates partner customs receive; the console's own pages are bilingual.
 */
export async function drawSpecimenCertificate(content: SpecimenContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const requestedAt = new Date(content.requestedAt);
  pdf.setTitle(`Specimen certificate of origin, ${content.office.code}, ${content.date}`);
  pdf.setSubject('SPECIMEN: not valid for customs purposes');
  pdf.setCreator('eCoO Agency Console');
  pdf.setProducer('eCoO Agency Console');
  pdf.setCreationDate(requestedAt);
  pdf.setModificationDate(requestedAt);

  const page = pdf.addPage([a4.width, a4.height]);
  const fonts: Fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  // Inflated and deflated on the thread pool; the loop is given back between the steps that remain on it.
  // One after another: each takes its PDF object number when its deflate finishes, so embedding them
  // at once would number them in whatever order the pool finished, and a redraw would differ.
  const stamp = await embedPngOffThread(pdf, content.stampPng);
  const signature = await embedPngOffThread(pdf, content.signaturePng);
  const qr = await embedPngOffThread(pdf, await registerEntryQrPng(content.registerEntryUrl));
  await yieldToEventLoop();

  drawHeader(page, fonts, content);
  drawGoods(page, fonts, content);
  drawDeclaration(page, fonts, content);
  drawCertification(page, fonts, content, { stamp, signature, qr });
  drawFooter(page, fonts, content);
  drawSpecimenMark(page, fonts);
  await yieldToEventLoop();
  return pdf.save({ useObjectStreams: false, objectsPerTick: 20 });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A numbered box: its frame and "n. Title" in its top left corner; answers the area under the title. */
function drawBox(page: PDFPage, fonts: Fonts, area: Area, title: string): Area {
  page.drawRectangle({ ...area, borderColor: ruleColour, borderWidth: 0.75 });
  const lines = wrapText(title, fonts.bold, 6.5, area.width - 8);
  lines.forEach((line, index) => page.drawText(line, { x: area.x + 4, y: area.y + area.height - 9 - index * 8, size: 6.5, font: fonts.bold, color: ruleColour }));
  const used = 6 + lines.length * 8;
  return { x: area.x + 4, y: area.y + 3, width: area.width - 8, height: area.height - used - 3 };
}

/** Writes wrapped lines from the top of `area`; answers the y below the last line. */
function drawLines(page: PDFPage, text: string, area: Area, options: { font: PDFFont; size: number; from?: number }): number {
  const leading = options.size * 1.3;
  let y = (options.from ?? area.y + area.height) - options.size;
  for (const line of wrapText(text, options.font, options.size, area.width)) {
    if (y < area.y) break;
    page.drawText(line, { x: area.x, y, size: options.size, font: options.font, color: ink });
    y -= leading;
  }
  return y + leading - options.size * 0.3;
}

function drawHeader(page: PDFPage, fonts: Fonts, content: SpecimenContent): void {
  const row = (top - headerBottom) / 3.2;
  const exporter = drawBox(page, fonts, { x: left, y: top - row, width: middle - left, height: row }, "1. Goods consigned from (exporter's business name, address, country)");
  drawLines(page, specimenGoods.exporter, exporter, { font: fonts.regular, size: 8 });
  const consignee = drawBox(page, fonts, { x: left, y: top - 2 * row, width: middle - left, height: row }, "2. Goods consigned to (consignee's name, address, country)");
  drawLines(page, specimenGoods.consignee, consignee, { font: fonts.regular, size: 8 });
  const transport = drawBox(page, fonts, { x: left, y: headerBottom, width: middle - left, height: top - 2 * row - headerBottom }, '3. Means of transport and route (as far as known)');
  drawLines(page, specimenGoods.transport, transport, { font: fonts.regular, size: 8 });

  const title: Area = { x: middle, y: top - 2 * row, width: right - middle, height: 2 * row };
  page.drawRectangle({ ...title, borderColor: ruleColour, borderWidth: 0.75 });
  const inside: Area = { x: middle + 6, y: title.y + 4, width: title.width - 12, height: title.height - 8 };
  let y = drawLines(page, `Reference No. SPECIMEN-${content.office.code}-${content.date}`, inside, { font: fonts.bold, size: 8 });
  y = drawLines(page, 'CERTIFICATE OF ORIGIN', inside, { font: fonts.bold, size: 15, from: y - 10 });
  y = drawLines(page, '(Combined declaration and certificate)', inside, { font: fonts.regular, size: 8, from: y - 2 });
  y = drawLines(page, 'Issued in INDIA', inside, { font: fonts.bold, size: 9, from: y - 6 });
  drawLines(page, `Issuing authority: ${content.agencyName}`, inside, { font: fonts.regular, size: 8, from: y - 6 });

  const official = drawBox(page, fonts, { x: middle, y: headerBottom, width: right - middle, height: top - 2 * row - headerBottom }, '4. For official use');
  drawLines(page, 'SPECIMEN issued for comparison by customs administrations of partner countries. It certifies no goods.', official, { font: fonts.regular, size: 8 });
}

const goodsColumns = [
  { title: '5. Item number', width: mm(13), value: (item: GoodsItem) => item.number },
  { title: '6. Marks and numbers of packages', width: mm(26), value: (item: GoodsItem) => item.marks },
  { title: '7. Number and kind of packages; description of goods', width: mm(62), value: (item: GoodsItem) => item.description },
  { title: '8. Origin criterion', width: mm(20), value: (item: GoodsItem) => item.criterion },
  { title: '9. Gross weight or other quantity, and value (FOB)', width: mm(30), value: (item: GoodsItem) => item.quantity },
  { title: '10. Number and date of invoices', width: 0, value: (item: GoodsItem) => item.invoice },
] as const;
type GoodsItem = (typeof specimenGoods.items)[number];

function drawGoods(page: PDFPage, fonts: Fonts, content: SpecimenContent): void {
  let x = left;
  for (const column of goodsColumns) {
    const width = column.width || right - x;
    const area = drawBox(page, fonts, { x, y: goodsBottom, width, height: headerBottom - goodsBottom }, column.title);
    // Every column's items start on one line below the tallest title, as rows of a table.
    specimenGoods.items.forEach((item, index) => {
      const text = column.title.startsWith('10.') ? `${column.value(item)}\n${content.date}` : column.value(item);
      drawLines(page, text, area, { font: fonts.regular, size: 8, from: headerBottom - 40 - index * 46 });
    });
    x += width;
  }
}

function drawDeclaration(page: PDFPage, fonts: Fonts, content: SpecimenContent): void {
  const area = drawBox(page, fonts, { x: left, y: formBottom, width: middle - left, height: goodsBottom - formBottom }, '11. Declaration by the exporter');
  let y = drawLines(
    page,
    'The undersigned hereby declares that the above details and statements are correct; that all the goods were produced in INDIA and that they comply with the origin requirements specified for those goods in the trade agreement concerned for the goods exported to the importing country.',
    area,
    { font: fonts.regular, size: 8, from: area.y + area.height - 6 },
  );
  y = drawLines(page, `${specimenGoods.declarationPlace}, ${content.date}`, area, { font: fonts.regular, size: 8, from: y - 40 });
  page.drawLine({ start: { x: area.x, y: y - 4 }, end: { x: area.x + area.width - 20, y: y - 4 }, thickness: 0.5, color: ruleColour, dashArray: [2, 2] });
  drawLines(page, 'Place and date, signature of authorised signatory (no exporter signs a specimen)', area, { font: fonts.regular, size: 6.5, from: y - 8 });
}

/** Draws fitted lines from `top` down; answers the y below the last line, as drawLines does. */
function drawFitted(page: PDFPage, fitted: FittedText, font: PDFFont, x: number, top: number): number {
  fitted.lines.forEach((line, index) => page.drawText(line, { x, y: top - fitted.size - index * fitted.size * 1.3, size: fitted.size, font, color: ink }));
  return top - fitted.height;
}

const textSizes = [8, 7, 6.5, 6, 5.5, 5] as const;

/**
 * Box 12 is laid out from the bottom up: the QR code in the bottom right corner, the officer's name
 * above it under the signature line, the place and date and the captions under the stamp; what is
 * left above the stamp takes the agency, the office and its address, at the largest size that fits
 * (cut with an ellipsis only at 5 pt). So no field at its permitted length pushes the pictures over
 * the QR code or the lines out of the box.
 */
function drawCertification(page: PDFPage, fonts: Fonts, content: SpecimenContent, images: { stamp: PDFImage; signature: PDFImage; qr: PDFImage }): void {
  const area = drawBox(page, fonts, { x: middle, y: formBottom, width: right - middle, height: goodsBottom - formBottom }, '12. Certification');
  const y = drawLines(page, 'It is hereby certified, on the basis of control carried out, that the declaration by the exporter is correct.', area, {
    font: fonts.regular,
    size: 8,
    from: area.y + area.height - 6,
  });

  const stampFit = fitInside(images.stamp, stampSize, stampSize);
  const signatureFit = fitInside(images.signature, signatureBox.width, signatureBox.height);
  const signatureX = area.x + area.width - signatureBox.width - 6;
  const officerWidth = signatureBox.width + 4;
  const qrTop = area.y + 2 + qrSize;
  const [officerName, designation] = [
    fitTexts([{ text: content.officer.name, font: fonts.bold }], [8, 7, 6], officerWidth, 3 * 8 * 1.3)[0]!,
    fitTexts([{ text: content.officer.designation, font: fonts.regular }], [7.5, 6.5, 6], officerWidth, 2 * 7.5 * 1.3)[0]!,
  ];
  const textArea: Area = { x: area.x, y: area.y, width: area.width - qrSize - 10, height: area.height };
  const [place] = fitTexts([{ text: `Place and date: ${content.office.city}, ${content.date}`, font: fonts.regular }], [8, 7, 6], textArea.width, 2 * 8 * 1.3);
  const [caption, scan] = [
    wrapText('Signature and stamp of the certifying authority', fonts.regular, 6.5, textArea.width).length,
    wrapText('Scan the code to compare this stamp and signature with the specimen register of the issuing authority for this date.', fonts.regular, 6.5, textArea.width).length,
  ];
  const belowStamp = stampFit.height * 0.3 + 14;
  const lowest = Math.max(
    // Right: the officer's name and designation under the line stay above the QR code.
    qrTop + 4 + officerName.height + designation.height + 3,
    // Left: the lower part of the stamp, the place and date and the captions stay in the box.
    area.y + belowStamp + place!.height + (caption + scan) * 6.5 * 1.3 + 12,
  );
  const aboveStamp = 12 + stampSize * 0.72;
  const [agency, office, address] = fitTexts(
    [
      { text: content.agencyName, font: fonts.bold },
      { text: content.office.name, font: fonts.bold },
      { text: content.office.addressLines.join(', '), font: fonts.regular },
    ],
    textSizes,
    area.width,
    y - 8 - (lowest + aboveStamp),
  );
  let top = drawFitted(page, agency!, fonts.bold, area.x, y - 8);
  top = drawFitted(page, office!, fonts.bold, area.x, top);
  top = drawFitted(page, address!, fonts.regular, area.x, top);

  // The signature sits on its line and the stamp is struck across that line, as on a real
  // certificate: both pictures keep their alpha, so the rule shows through where there is no ink.
  const signatureLineY = Math.max(lowest, top - aboveStamp);
  const stampX = area.x + 2;
  page.drawImage(images.stamp, { x: stampX, y: signatureLineY - stampFit.height * 0.3, ...stampFit });
  page.drawLine({ start: { x: area.x + 2, y: signatureLineY }, end: { x: area.x + area.width - 2, y: signatureLineY }, thickness: 0.5, color: ruleColour, dashArray: [2, 2] });
  page.drawImage(images.signature, { x: signatureX + (signatureBox.width - signatureFit.width) / 2, y: signatureLineY + 1, ...signatureFit });
  const below = drawFitted(page, officerName, fonts.bold, signatureX, signatureLineY - 3);
  drawFitted(page, designation, fonts.regular, signatureX, below);

  let low = drawFitted(page, place!, fonts.regular, textArea.x, signatureLineY - belowStamp);
  low = drawLines(page, 'Signature and stamp of the certifying authority', textArea, { font: fonts.regular, size: 6.5, from: low });
  drawLines(page, 'Scan the code to compare this stamp and signature with the specimen register of the issuing authority for this date.', textArea, {
    font: fonts.regular,
    size: 6.5,
    from: low - 10,
  });
  page.drawImage(images.qr, { x: area.x + area.width - qrSize, y: area.y + 2, width: qrSize, height: qrSize });
}

/** The largest size with the picture's own proportions inside width × height. */
function fitInside(image: PDFImage, width: number, height: number): { width: number; height: number } {
  const scale = Math.min(width / image.width, height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

function drawFooter(page: PDFPage, fonts: Fonts, content: SpecimenContent): void {
  const line = drawableText(`SPECIMEN - NOT VALID FOR CUSTOMS PURPOSES. Office ${content.office.code}, ${content.date}.`, fonts.bold);
  const size = 9;
  page.drawText(line, { x: middle - fonts.bold.widthOfTextAtSize(line, size) / 2, y: margin + 6, size, font: fonts.bold, color: rgb(0.7, 0.05, 0.05) });
}

/** Large, diagonal and semi-transparent: the form stays legible, and no part of the page can be cut out without it. */
function drawSpecimenMark(page: PDFPage, fonts: Fonts): void {
  const text = 'SPECIMEN';
  const size = 120;
  const angle = Math.atan2(a4.height, a4.width);
  const width = fonts.bold.widthOfTextAtSize(text, size);
  const height = fonts.bold.heightAtSize(size, { descender: false });
  // Rotation is about the text's origin, so the origin is moved back from the centre along both axes.
  const x = a4.width / 2 - (width / 2) * Math.cos(angle) + (height / 2) * Math.sin(angle);
  const y = a4.height / 2 - (width / 2) * Math.sin(angle) - (height / 2) * Math.cos(angle);
  page.drawText(text, { x, y, size, font: fonts.bold, color: rgb(0.8, 0.1, 0.1), opacity: 0.16, rotate: degrees((angle * 180) / Math.PI) });
}
