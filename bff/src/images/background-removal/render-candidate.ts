import sharp from 'sharp';
import { applyInkSensitivity } from '@ecoo/shared/images/ink-alpha';
import type { RemovalCandidate } from './remove-background.ts';

export interface RenderedInk {
  png: Buffer;
  width: number;
  height: number;
  /** Where the PNG sits in the candidate's picture. */
  box: { left: number; top: number; width: number; height: number };
}

// Alpha this low is invisible on any background; it must not stretch the trim box to a far-off speck.
const visibleAlpha = 16;
const marginShare = 0.02;
const minimumMargin = 8;

/**
 * The candidate as an RGBA PNG at a sensitivity, trimmed to the visible ink with a small margin unless
 * keepSize. Returns undefined when no ink is visible at that sensitivity (nothing to trim to): the
 * caller tells the user to raise the sensitivity or pick another result.
 */
export async function renderCandidate(candidate: RemovalCandidate, options: { sensitivity: number; keepSize: boolean }): Promise<RenderedInk | undefined> {
  const { width, height } = candidate;
  const alpha = applyInkSensitivity(candidate.strength, options.sensitivity);
  const inkBox = visibleBox(alpha, width, height);
  if (!inkBox) return undefined;
  const box = options.keepSize ? { left: 0, top: 0, width, height } : withMargin(inkBox, width, height);
  const rgba = Buffer.alloc(box.width * box.height * 4);
  for (let row = 0; row < box.height; row += 1) {
    for (let column = 0; column < box.width; column += 1) {
      const source = (box.top + row) * width + box.left + column;
      const value = alpha[source]!;
      if (value === 0) continue;
      const target = (row * box.width + column) * 4;
      candidate.colour.copy(rgba, target, source * 3, source * 3 + 3);
      rgba[target + 3] = value;
    }
  }
  const png = await sharp(rgba, { raw: { width: box.width, height: box.height, channels: 4 } }).png().toBuffer();
  return { png, width: box.width, height: box.height, box };
}

function visibleBox(alpha: Uint8Array, width: number, height: number) {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (alpha[y * width + x]! < visibleAlpha) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  return right < 0 ? undefined : { left, top, right, bottom };
}

function withMargin(ink: { left: number; top: number; right: number; bottom: number }, width: number, height: number) {
  const margin = Math.max(minimumMargin, Math.round(marginShare * Math.max(ink.right - ink.left + 1, ink.bottom - ink.top + 1)));
  const left = Math.max(0, ink.left - margin);
  const top = Math.max(0, ink.top - margin);
  const right = Math.min(width - 1, ink.right + margin);
  const bottom = Math.min(height - 1, ink.bottom + margin);
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}
