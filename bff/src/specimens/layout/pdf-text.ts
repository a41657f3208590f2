import type { PDFFont } from 'pdf-lib';
import { printableWith } from './printable-text.ts';

/** `text` as `font` can print it: see printable-text.ts for what becomes of the rest. */
export function drawableText(text: string, font: PDFFont): string {
  return printableWith(new Set(font.getCharacterSet()), text);
}

/** Lines of at most `width` points; a word longer than the width is cut where it overflows. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of drawableText(paragraph, font).split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}
