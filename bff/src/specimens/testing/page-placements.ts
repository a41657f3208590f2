import { pageContent } from './pdf-images.ts';

/** Where a page draws each image (its XObject name, lower-left corner and size) and each line of text (baseline start, size). */
export interface PagePlacements {
  images: { name: string; x: number; y: number; width: number; height: number }[];
  texts: { text: string; x: number; y: number; size: number; bold: boolean; turned: boolean }[];
}

/**
 * Reads placements back from the content stream as pdf-lib writes it: an image as `1 0 0 1 x y cm`
 * then `w 0 0 h 0 0 cm` then `/Name Do`; a line as `/F size Tf` then `a b c d x y Tm` then `<hex> Tj`.
 */
export async function pagePlacements(pdfBytes: Uint8Array): Promise<PagePlacements> {
  const placements: PagePlacements = { images: [], texts: [] };
  let translate = { x: 0, y: 0 };
  let scale = { width: 0, height: 0 };
  let size = 0;
  let bold = false;
  let matrix = { x: 0, y: 0, turned: false };
  for (const line of (await pageContent(pdfBytes)).split('\n')) {
    const numbers = line.split(' ').slice(0, -1).map(Number);
    if (line.endsWith(' cm') && numbers[0] === 1 && numbers[3] === 1 && (numbers[4] !== 0 || numbers[5] !== 0)) translate = { x: numbers[4]!, y: numbers[5]! };
    else if (line.endsWith(' cm') && numbers[4] === 0 && numbers[5] === 0 && numbers[0] !== 1) scale = { width: numbers[0]!, height: numbers[3]! };
    else if (line.endsWith(' Do')) placements.images.push({ name: line.slice(1, -3), ...translate, ...scale });
    else if (line.endsWith(' Tf')) {
      size = Number(line.split(' ')[1]);
      bold = line.includes('Bold');
    }
    else if (line.endsWith(' Tm')) matrix = { x: numbers[4]!, y: numbers[5]!, turned: numbers[1] !== 0 };
    else if (line.endsWith(' Tj')) placements.texts.push({ text: Buffer.from(line.slice(1, line.indexOf('>')), 'hex').toString('latin1'), x: matrix.x, y: matrix.y, size, bold, turned: matrix.turned });
  }
  return placements;
}
