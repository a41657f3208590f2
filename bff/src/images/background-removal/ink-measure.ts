import type { PaperEstimate } from './paper-estimate.ts';

/**
 * What each pixel absorbs compared with the paper under it. Ink on paper multiplies the light
 * (observed = paper × (1 − coverage × absorption) per channel), so dividing by the local paper cancels
 * shading, shadows and colour casts alike.
 */
export interface InkMeasure {
  /** Strongest absorption over R, G and B: 0 on paper, about 0.9 under solid dark ink; negative = brighter than the paper. */
  darkness: Float32Array;
  /** Absorption per channel, R, G, B: 1 − observed / paper. */
  absorption: [Float32Array, Float32Array, Float32Array];
  /**
   * The ink's hue as two opponent axes of absorption divided by darkness, so that pale and solid ink
   * of one colour coincide: red minus green, and red and green minus blue. Black and grey sit near (0, 0).
   */
  redGreen: Float32Array;
  yellowBlue: Float32Array;
}

export function measureInk(image: { width: number; height: number; rgb: Buffer }, paper: PaperEstimate): InkMeasure {
  const count = image.width * image.height;
  const darkness = new Float32Array(count);
  const absorption: InkMeasure['absorption'] = [new Float32Array(count), new Float32Array(count), new Float32Array(count)];
  const redGreen = new Float32Array(count);
  const yellowBlue = new Float32Array(count);
  const measure: InkMeasure = { darkness, absorption, redGreen, yellowBlue };
  const [red, green, blue] = paper.channels.map((plane) => plane.values) as [Float32Array, Float32Array, Float32Array];
  for (let index = 0; index < count; index += 1) {
    const source = index * 3;
    const absorbedRed = 1 - image.rgb[source]! / 255 / Math.max(0.02, red[index]!);
    const absorbedGreen = 1 - image.rgb[source + 1]! / 255 / Math.max(0.02, green[index]!);
    const absorbedBlue = 1 - image.rgb[source + 2]! / 255 / Math.max(0.02, blue[index]!);
    writeAbsorption(measure, index, absorbedRed, absorbedGreen, absorbedBlue);
  }
  return measure;
}

/** Sets a pixel's absorption per channel, and the darkness and hue that follow from it. */
export function writeAbsorption(measure: InkMeasure, index: number, red: number, green: number, blue: number): void {
  const strongest = Math.max(red, green, blue);
  measure.darkness[index] = strongest;
  measure.absorption[0][index] = red;
  measure.absorption[1][index] = green;
  measure.absorption[2][index] = blue;
  // Below this a pixel's hue is noise divided by almost nothing.
  const isInked = strongest > 0.05;
  measure.redGreen[index] = isInked ? (red - green) / strongest : 0;
  measure.yellowBlue[index] = isInked ? (red + green - 2 * blue) / 2 / strongest : 0;
}

/**
 * The hue around one pixel: opponent axes averaged over a (2 reach + 1)² window, clipped at the
 * borders, weighted by darkness (pixels at or below the paper weigh nothing). One pixel's hue is
 * noisy (JPEG keeps colour at half resolution, and pale pixels divide noise by little darkness); a
 * stroke's is not. Written into `into` as [total weight, weighted red-green, weighted yellow-blue,
 * window's pixel count], so that the caller decides how to treat a window without ink.
 */
export function weighHueAround(ink: InkMeasure, darkness: Float32Array, width: number, height: number, index: number, reach: number, into: Float64Array): void {
  const x = index % width;
  const y = (index - x) / width;
  const left = Math.max(0, x - reach);
  const right = Math.min(width - 1, x + reach);
  const top = Math.max(0, y - reach);
  const bottom = Math.min(height - 1, y + reach);
  let weight = 0;
  let redGreen = 0;
  let yellowBlue = 0;
  for (let row = top; row <= bottom; row += 1) {
    for (let neighbour = row * width + left, end = row * width + right; neighbour <= end; neighbour += 1) {
      const value = darkness[neighbour]!;
      if (value <= 0) continue;
      weight += value;
      redGreen += value * ink.redGreen[neighbour]!;
      yellowBlue += value * ink.yellowBlue[neighbour]!;
    }
  }
  into[0] = weight;
  into[1] = redGreen;
  into[2] = yellowBlue;
  into[3] = (bottom - top + 1) * (right - left + 1);
}
