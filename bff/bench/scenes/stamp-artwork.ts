/**
 * Rubber stamp artwork for the random scenes, as white-on-black SVG (coverage): round seals, double
 * rings, ovals, rectangles and squares, polygons, and free text with no border. The words are the trade's
 * own (councils, chambers, cities, "Authorised Signatory"), in the fonts this machine has.
 */
import type { Draw } from './seeded-random.ts';

export type StampShape = 'round' | 'double-ring' | 'oval' | 'rect' | 'square' | 'triangle' | 'pentagon' | 'hexagon' | 'octagon' | 'text';
export type StampFamily = 'round' | 'double-ring' | 'oval' | 'rect' | 'polygon' | 'text';

export const stampFamilyOf: Record<StampShape, StampFamily> = {
  round: 'round',
  'double-ring': 'double-ring',
  oval: 'oval',
  rect: 'rect',
  square: 'rect',
  triangle: 'polygon',
  pentagon: 'polygon',
  hexagon: 'polygon',
  octagon: 'polygon',
  text: 'text',
};

const polygonSides = { triangle: 3, pentagon: 5, hexagon: 6, octagon: 8 } as const;

export interface StampArtwork {
  shape: StampShape;
  /** The stamp's radius in pixels: half the height of a round one, half the width of a rectangle; each shape scales from it. */
  size: number;
  /** Border line width in pixels. */
  line: number;
  isBold: boolean;
  angle: number;
  font: string;
  /** The text drawn, decided once so that the same draw gives the same stamp. */
  words: { arc: string; lower: string; centre: string; lines: string[] };
}

const councils = ['REGIONAL OFFICE', 'EXPORT PROMOTION COUNCIL', 'CHAMBER OF COMMERCE', 'TEXTILES COMMITTEE', 'SPICES BOARD', 'ENGINEERING EXPORT COUNCIL', 'APPAREL EXPORT COUNCIL', 'MERCHANTS CHAMBER', 'TEA BOARD OF INDIA', 'GEM AND JEWELLERY COUNCIL'];
const cities = ['CHENNAI', 'MUMBAI', 'NEW DELHI', 'KOLKATA', 'LUDHIANA', 'TIRUPUR', 'KOCHI', 'SURAT', 'KANPUR', 'PANIPAT'];
const centres = ['DGFT', 'CoO', 'VERIFIED', 'APPROVED', 'SEAL', 'CERTIFIED', 'ISSUED'];
const firms = ['Shree Ganesh Exports', 'Malabar Spices Pvt. Ltd.', 'Sunrise Textiles', 'Indo Steel Traders', 'Kaveri Agro Foods', 'Bharat Handicrafts'];
const marks = ['RECEIVED', 'PAID', 'VERIFIED', 'ORIGINAL', 'DUPLICATE', 'CERTIFIED TRUE COPY', 'APPROVED', 'ENTERED'];
const fonts = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'DejaVu Sans Mono', 'DejaVu Sans Condensed'];

function dateText(draw: Draw): string {
  const month = draw.pick(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']);
  return draw.chance(0.5) ? `${draw.integer(1, 28)} ${month} ${draw.integer(2019, 2026)}` : `${String(draw.integer(1, 28)).padStart(2, '0')}/${String(draw.integer(1, 12)).padStart(2, '0')}/${draw.integer(2019, 2026)}`;
}

/** Draws a stamp's words, font and weight; `size` and `line` are in pixels of the sheet it lands on. */
export function drawStampArtwork(draw: Draw, shape: StampShape, size: number, weight: 'thin' | 'normal' | 'bold'): StampArtwork {
  const weightFactor = { thin: 0.45, normal: 1, bold: 1.9 }[weight];
  const line = Math.max(1.2, size * draw.between(0.028, 0.045) * weightFactor);
  const lines =
    shape === 'text'
      ? draw.pick([
          () => [draw.pick(marks)],
          () => [draw.pick(marks), dateText(draw)],
          () => [`For ${draw.pick(firms)}`, '', 'Authorised Signatory'],
          () => [draw.pick(councils), draw.pick(cities), dateText(draw)],
        ])()
      : [draw.pick(councils), draw.pick(cities), `No. ${draw.integer(100, 9999)}/${draw.integer(19, 26)}`];
  return {
    shape,
    size,
    line,
    isBold: weight !== 'thin' && draw.chance(0.75),
    angle: shape === 'text' || shape === 'rect' ? draw.between(-18, 18) : draw.between(-180, 180),
    font: draw.pick(fonts),
    words: { arc: draw.pick(councils), lower: draw.pick(cities), centre: draw.pick(centres), lines },
  };
}

/** Half the width and half the height the stamp takes before turning: enough to keep it on the sheet. */
export function stampReach(stamp: StampArtwork): number {
  const { size } = stamp;
  const halfWidth = { round: 1, 'double-ring': 1, oval: 1.35, rect: 1.05, square: 1.05, triangle: 1, pentagon: 1, hexagon: 1, octagon: 1, text: 1.25 }[stamp.shape] * size;
  return Math.hypot(halfWidth, size) * 1.05;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The stamp's SVG body, centred on (cx, cy) in the sheet's pixels. */
export function stampBody(stamp: StampArtwork, cx: number, cy: number): string {
  const { size, line, font } = stamp;
  const weight = stamp.isBold ? 'bold' : 'normal';
  const text = (content: string, y: number, fontSize: number) =>
    content ? `<text x="0" y="${y}" font-family="${font}" font-weight="${weight}" font-size="${fontSize}" text-anchor="middle" fill="white">${escapeXml(content)}</text>` : '';
  /** Fits a line of text into `width` pixels at most `largest` high (capitals are about 0.64 em wide, bold 0.7). */
  const advance = stamp.isBold ? 0.7 : 0.64;
  const fitted = (content: string, width: number, largest: number) => Math.min(largest, width / (advance * Math.max(4, content.length)));
  const ring = (radius: number, width: number) => `<circle cx="0" cy="0" r="${radius}" stroke="white" stroke-width="${width}" fill="none"/>`;
  // librsvg (sharp's SVG renderer) draws no <textPath>: text round a seal is set a letter at a time.
  const arcText = (content: string, radius: number, isLower: boolean) => {
    const fontSize = fitted(content, Math.PI * radius * 0.95, size * 0.17);
    const step = (advance * fontSize) / radius;
    const letters = [...content];
    return letters
      .map((letter, at) => {
        const turn = ((at - (letters.length - 1) / 2) * step * 180) / Math.PI;
        const placed = isLower ? `rotate(${-turn}) translate(0 ${radius + fontSize * 0.35})` : `rotate(${turn}) translate(0 ${-radius + fontSize * 0.35})`;
        return letter === ' ' ? '' : `<text transform="${placed}" font-family="${font}" font-weight="${weight}" font-size="${fontSize}" text-anchor="middle" fill="white">${escapeXml(letter)}</text>`;
      })
      .join('');
  };
  const [first = '', second = '', third = ''] = stamp.words.lines;
  let body = '';
  switch (stamp.shape) {
    case 'round':
      body = `${ring(size, line)}${arcText(stamp.words.arc, size * 0.78, false)}${arcText(stamp.words.lower, size * 0.78, true)}${text(stamp.words.centre, size * 0.09, fitted(stamp.words.centre, size * 1.1, size * 0.24))}`;
      break;
    case 'double-ring':
      body = `${ring(size, line)}${ring(size * 0.64, line * 0.7)}${arcText(stamp.words.arc, size * 0.8, false)}${arcText(stamp.words.lower, size * 0.8, true)}${text(stamp.words.centre, size * 0.08, fitted(stamp.words.centre, size * 1.05, size * 0.22))}`;
      break;
    case 'oval':
      body = `<ellipse cx="0" cy="0" rx="${size * 1.3}" ry="${size * 0.85}" stroke="white" stroke-width="${line}" fill="none"/><ellipse cx="0" cy="0" rx="${size * 1.12}" ry="${size * 0.68}" stroke="white" stroke-width="${line * 0.5}" fill="none"/>${text(first, -size * 0.2, fitted(first, size * 1.9, size * 0.17))}${text(second, size * 0.07, fitted(second, size * 1.7, size * 0.2))}${text(third, size * 0.34, fitted(third, size * 1.4, size * 0.14))}`;
      break;
    case 'rect':
    case 'square': {
      const halfWidth = size;
      const halfHeight = stamp.shape === 'rect' ? size * 0.5 : size;
      const inner = `<rect x="${-halfWidth + line * 2.5}" y="${-halfHeight + line * 2.5}" width="${2 * halfWidth - line * 5}" height="${2 * halfHeight - line * 5}" stroke="white" stroke-width="${line * 0.5}" fill="none"/>`;
      body = `<rect x="${-halfWidth}" y="${-halfHeight}" width="${2 * halfWidth}" height="${2 * halfHeight}" stroke="white" stroke-width="${line}" fill="none"/>${stamp.isBold ? inner : ''}${text(first, -halfHeight * 0.3, fitted(first, halfWidth * 1.8, halfHeight * 0.34))}${text(second, halfHeight * 0.12, fitted(second, halfWidth * 1.6, halfHeight * 0.3))}${text(third, halfHeight * 0.55, fitted(third, halfWidth * 1.5, halfHeight * 0.26))}`;
      break;
    }
    case 'triangle':
    case 'pentagon':
    case 'hexagon':
    case 'octagon': {
      const sides = polygonSides[stamp.shape];
      const corners = (radius: number) => Array.from({ length: sides }, (_, corner) => {
        const turn = -Math.PI / 2 + (corner * 2 * Math.PI) / sides + (sides % 2 === 0 ? Math.PI / sides : 0);
        return `${radius * Math.cos(turn)},${radius * Math.sin(turn)}`;
      }).join(' ');
      const lowest = sides === 3 ? size * 0.35 : size * 0.5;
      body = `<polygon points="${corners(size)}" stroke="white" stroke-width="${line}" fill="none" stroke-linejoin="round"/>${sides > 3 ? `<polygon points="${corners(size * 0.86)}" stroke="white" stroke-width="${line * 0.5}" fill="none"/>` : ''}${text(stamp.words.centre, lowest * 0.1, fitted(stamp.words.centre, size * (sides === 3 ? 0.8 : 1.2), size * 0.22))}${text(stamp.words.lower, lowest * 0.6, fitted(stamp.words.lower, size * (sides === 3 ? 1.0 : 1.2), size * 0.15))}${text(first, -size * 0.35, fitted(first, size * (sides === 3 ? 0.5 : 1.1), size * 0.13))}`;
      break;
    }
    case 'text': {
      const lineHeight = (size * 2) / Math.max(2, stamp.words.lines.length);
      body = stamp.words.lines
        .map((content, row) => text(content, -size + lineHeight * (row + 0.75), fitted(content, size * 2.4, lineHeight * 0.7)))
        .join('');
      break;
    }
  }
  return `<g transform="translate(${cx} ${cy}) rotate(${stamp.angle})">${body}</g>`;
}
