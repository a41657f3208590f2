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
