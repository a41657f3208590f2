import { describe, expect, it } from 'vitest';
import { inkAlphaTable } from '@ecoo/shared/images/ink-alpha';
import { composePreview } from './compose-preview';

const rgba = (...pixels: number[][]) => Uint8ClampedArray.from(pixels.flat());

describe('composePreview', () => {
  const colour = rgba([20, 40, 160, 255], [30, 30, 30, 255], [200, 10, 10, 255]);
  const strength = rgba([255, 255, 255, 255], [0, 0, 0, 255], [90, 90, 90, 255]);

  it('keeps the ink colour and takes alpha from strength through the shared curve', () => {
    expect(Array.from(composePreview(colour, strength, 50))).toEqual([20, 40, 160, 255, 30, 30, 30, 0, 200, 10, 10, 90]);
  });

  it('shows fainter ink as sensitivity rises, as the BFF will store it', () => {
    const high = composePreview(colour, strength, 90);
    expect(high[11]).toBe(inkAlphaTable(90)[90]);
    expect(high[11]!).toBeGreaterThan(90);
    expect(high[7]).toBe(0);
  });
});
