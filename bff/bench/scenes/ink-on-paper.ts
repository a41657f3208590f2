/**
 * How the generated pictures lay ink on paper, shared by the fixed held-out scenes and the random ones.
 *
 * Every layer (print, ruling, a stamp, a signature) multiplies the light the paper sends back by
 * 1 − coverage × absorption, per channel: a pale ink absorbs little even where it covers fully, and two
 * inks that cross darken each other. Coverage is drawn as white-on-black SVG artwork and rasterised by
 * sharp; light, shadow, blur, noise and JPEG come after, in the scene's own code.
 */
import sharp from 'sharp';

/** Share of red, green and blue light an ink absorbs where it fully covers the paper. */
export type Absorption = [number, number, number];

export const inks = {
  blue: [0.86, 0.7, 0.28],
  red: [0.18, 0.86, 0.78],
  green: [0.86, 0.42, 0.78],
  violet: [0.58, 0.82, 0.32],
  black: [0.9, 0.9, 0.88],
  paleBlue: [0.42, 0.33, 0.12],
  print: [0.86, 0.86, 0.86],
  ballpoint: [0.78, 0.62, 0.18],
  ruling: [0.32, 0.2, 0.06],
} satisfies Record<string, Absorption>;

/** Coverage 0..1 per pixel of white-on-black SVG artwork; `bleed` (a blur sigma in pixels) softens its edges. */
export async function rasterise(svg: string, width: number, height: number, bleed = 0): Promise<Float32Array> {
  const artwork = sharp(Buffer.from(svg)).resize(width, height).flatten({ background: '#000000' }).extractChannel(0);
  const grey = await (bleed >= 0.3 ? artwork.blur(bleed) : artwork).raw().toBuffer();
  const coverage = new Float32Array(grey.length);
  for (let index = 0; index < grey.length; index += 1) coverage[index] = grey[index]! / 255;
  return coverage;
}

export function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">${body}</svg>`;
}

/**
 * Ink lies unevenly: coverage times base + spread × blotch (blotch 0..1, cells `cell` px wide), at
 * most 1. A well-inked pad gives 0.6..0.95 in small blotches; a dry one, large pale patches.
 */
export function texture(coverage: Float32Array, width: number, height: number, random: () => number, cell: number, base: number, spread: number): void {
  const columns = Math.ceil(width / cell) + 1;
  const grid = Float32Array.from({ length: columns * (Math.ceil(height / cell) + 1) }, () => random());
  for (let y = 0; y < height; y += 1) {
    const gy = y / cell;
    const iy = Math.floor(gy);
    const fy = gy - iy;
    for (let x = 0; x < width; x += 1) {
      const gx = x / cell;
      const ix = Math.floor(gx);
      const fx = gx - ix;
      const top = iy * columns + ix;
      const bottom = top + columns;
      const blotch = (grid[top]! * (1 - fx) + grid[top + 1]! * fx) * (1 - fy) + (grid[bottom]! * (1 - fx) + grid[bottom + 1]! * fx) * fy;
      coverage[y * width + x]! *= Math.min(1, base + spread * blotch);
    }
  }
}

/**
 * Multiplies `transmitted` (three values a pixel, starting at 1) by what one layer lets through:
 * 1 − coverage × absorption, the coverage first scaled by `mask` (the sheet, where a desk shows) if given.
 */
export function layInk(transmitted: Float64Array, coverage: Float32Array, absorption: Absorption, mask?: Float32Array): void {
  for (let index = 0; index < coverage.length; index += 1) {
    const laid = mask ? coverage[index]! * mask[index]! : coverage[index]!;
    if (laid === 0) continue;
    for (let channel = 0; channel < 3; channel += 1) transmitted[index * 3 + channel]! *= 1 - laid * absorption[channel]!;
  }
}

const printWords = ['Consignment', 'India', 'Korea', 'invoice', 'origin', 'quantity', 'goods', 'declare', 'hereby', 'No.', 'HS', '0904.11', 'kg', 'the', 'of'];

/** Lines of printed document text from `top`, each about `characters` long, left margin one font size. */
export function printSvg(width: number, height: number, random: () => number, options: { fontSize?: number; characters?: number; font?: string; top?: number; bottom?: number } = {}): string {
  const fontSize = options.fontSize ?? Math.round(height / 48);
  const characters = options.characters ?? 62;
  const font = options.font ?? 'DejaVu Serif';
  const lines: string[] = [];
  for (let y = options.top ?? fontSize * 2; y < (options.bottom ?? height - fontSize); y += Math.round(fontSize * 1.5)) {
    const line: string[] = [];
    while (line.join(' ').length < characters) line.push(printWords[Math.floor(random() * printWords.length)]!);
    lines.push(`<text x="${fontSize}" y="${y}" font-family="${font}" font-size="${fontSize}" fill="white">${line.join(' ')}</text>`);
  }
  return svgDocument(width, height, lines.join(''));
}

/** Ruled lines across the page, `lineCount` spaces per height, and a margin line at a tenth of the width. */
export function ruledSvg(lineCount: number, width: number, height: number, lineWidth = 2): string {
  const spacing = height / lineCount;
  const lines = Array.from({ length: lineCount - 1 }, (_, line) => `<line x1="0" x2="${width}" y1="${(line + 1) * spacing}" y2="${(line + 1) * spacing}" stroke="white" stroke-width="${lineWidth}"/>`);
  const margin = `<line x1="${0.1 * width}" x2="${0.1 * width}" y1="0" y2="${height}" stroke="white" stroke-width="${lineWidth}"/>`;
  return svgDocument(width, height, `${lines.join('')}${margin}`);
}

export type DeskKind = 'wood' | 'dark' | 'dark-wood' | 'grey' | 'white';

/** The desk's colour at a pixel: a light wood grain, a dark laminate, dark wood, a grey or a white table. */
export function deskAt(kind: DeskKind, x: number, y: number, random: () => number): [number, number, number] {
  switch (kind) {
    case 'dark': {
      const shade = 48 + 10 * Math.sin(x * 0.01 + y * 0.004) + 6 * random();
      return [shade, shade * 0.95, shade * 0.9];
    }
    case 'wood':
    case 'dark-wood': {
      const grain = Math.sin(y * 0.09 + 6 * Math.sin(x * 0.004) + 2 * Math.sin(y * 0.013)) * 0.5 + 0.5;
      const shade = 0.75 + 0.25 * grain + 0.05 * random();
      return kind === 'wood' ? [150 * shade, 100 * shade, 62 * shade] : [78 * shade, 46 * shade, 28 * shade];
    }
    case 'grey': {
      const shade = 150 + 8 * Math.sin(x * 0.02) * Math.sin(y * 0.017) + 8 * random();
      return [shade, shade, shade * 1.02];
    }
    case 'white': {
      const shade = 222 + 10 * random();
      return [shade, shade, shade * 0.98];
    }
  }
}

export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(1e-9, random()))) * Math.cos(2 * Math.PI * random());
}

export const smoothstep = (from: number, to: number, value: number) => {
  const t = Math.min(1, Math.max(0, (value - from) / (to - from)));
  return t * t * (3 - 2 * t);
};

export const clampByte = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
