import type { PaperEstimate } from './paper-estimate.ts';

// Below this alpha the division amplifies noise more than it removes paper: such pixels are nearly
// transparent anyway, and keep a colour part-way between the ink and the paper.
const minimumUnmixAlpha = 0.25;

/**
 * The ink's own colour per pixel, the paper taken out of half-covered edge pixels:
 * observed = alpha × ink + (1 − alpha) × paper, so ink = (observed − (1 − alpha) × paper) / alpha.
 * Without this, a stamp's anti-aliased edge keeps a rim of the paper's grey or yellow.
 */
export function decontaminateInk(image: { width: number; height: number; rgb: Buffer }, paper: PaperEstimate, strength: Uint8Array): Buffer {
  const colour = Buffer.alloc(image.rgb.length, 255);
  for (let index = 0; index < strength.length; index += 1) {
    if (strength[index] === 0) continue;
    const alpha = Math.max(minimumUnmixAlpha, strength[index]! / 255);
    for (let channel = 0; channel < 3; channel += 1) {
      const paperValue = 255 * paper.channels[channel]!.values[index]!;
      const ink = (image.rgb[index * 3 + channel]! - (1 - alpha) * paperValue) / alpha;
      colour[index * 3 + channel] = Math.max(0, Math.min(255, Math.round(ink)));
    }
  }
  return colour;
}
