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

/** Lines set at one size: `height` is their leading times their number. */
export interface FittedText {
  lines: string[];
  size: number;
  height: number;
}

const leadingOf = (size: number) => size * 1.3;

/**
 * Texts set together at the largest of `sizes` (largest first) at which all fit `maxHeight`. At the
 * smallest, when they still do not fit, each keeps at least its first line and the last ones are
 * cut, ending in an ellipsis: a field at its full permitted length shrinks, and never runs into the
 * stamp, the signature or the QR code below it.
 */
export function fitTexts(texts: readonly { text: string; font: PDFFont }[], sizes: readonly number[], width: number, maxHeight: number): FittedText[] {
  for (const size of sizes) {
    const wrapped = texts.map(({ text, font }) => wrapText(text, font, size, width));
    const lineCount = wrapped.reduce((sum, lines) => sum + lines.length, 0);
    if (lineCount * leadingOf(size) <= maxHeight || size === sizes[sizes.length - 1]) {
      let room = Math.max(texts.length, Math.floor(maxHeight / leadingOf(size)));
      return wrapped.map((lines, index) => {
        const kept = Math.max(1, Math.min(lines.length, room - (texts.length - index - 1)));
        room -= kept;
        const fitted = kept < lines.length ? [...lines.slice(0, kept - 1), withEllipsis(lines[kept - 1]!, texts[index]!.font, size, width)] : lines;
        return { lines: fitted, size, height: fitted.length * leadingOf(size) };
      });
    }
  }
  throw new Error('fitTexts needs at least one size');
}

/** A cut line ending in '…' within `width`. */
function withEllipsis(line: string, font: PDFFont, size: number, width: number): string {
  let kept = line;
  while (kept && font.widthOfTextAtSize(`${kept}\u2026`, size) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}\u2026`;
}
