import { inkAlphaTable } from '@ecoo/shared/images/ink-alpha';

/**
 * The live preview's pixels: ink colour from one map, alpha from the strength map through the
 * shared sensitivity curve, so what the administrator sees is what the BFF will store on accept.
 * Both inputs are canvas RGBA data of the same size; strength is read from the red channel.
 */
export function composePreview(colour: Uint8ClampedArray, strength: Uint8ClampedArray, sensitivity: number): Uint8ClampedArray<ArrayBuffer> {
  const table = inkAlphaTable(sensitivity);
  const out = new Uint8ClampedArray(colour.length);
  for (let index = 0; index < colour.length; index += 4) {
    out[index] = colour[index]!;
    out[index + 1] = colour[index + 1]!;
    out[index + 2] = colour[index + 2]!;
    out[index + 3] = table[strength[index]!]!;
  }
  return out;
}
