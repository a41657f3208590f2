import { boxBlur, enlargePlane, maxFilter, minFilter, shrinkChannels, type Plane } from './planes.ts';
import { valueAtShare } from './value-at-share.ts';

/** The paper's colour under each pixel, as if the ink were not there: R, G, B planes on 0..1, full size. */
export interface PaperEstimate {
  channels: Plane[];
  /** The shrunk planes the estimate was made on, for cheap whole-picture analysis. */
  shrunk: { factor: number; observed: Plane[]; paper: Plane[] };
}

// Sizes relative to the picture, not in pixels, so a 600 px scan and a 4000 px phone photo behave alike.
const shrunkLongSide = 256;
/** Ink features narrower than twice this share of the long side vanish from the paper estimate. */
const inkReach = 0.04;

/**
 * Estimates the paper at large scale: a morphological closing per channel on a shrunk copy (ink is
 * darker than its paper in every channel that it absorbs, so a local maximum finds the paper beside
 * the stroke, and the following minimum undoes the growth of bright areas), then a light blur and a
 * bilinear enlargement. Shading, shadows and colour casts vary slowly and survive; strokes do not.
 */
export function estimatePaper(image: { width: number; height: number; rgb: Buffer }): PaperEstimate {
  const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / shrunkLongSide));
  const observed = shrinkChannels(image, factor);
  const radius = Math.max(2, Math.round((inkReach * Math.max(image.width, image.height)) / factor));
  const paper = observed.map((plane) => boxBlur(minFilter(maxFilter(plane, radius), radius), 1));
  // The local maximum sits on the brightest noise and paper texture, a little above the paper's
  // typical value; most of any picture is paper, so the median ratio measures that excess.
  paper.forEach((plane, channel) => {
    const excess = medianRatio(observed[channel]!, plane);
    for (let cell = 0; cell < plane.values.length; cell += 1) plane.values[cell]! *= excess;
  });
  const channels = paper.map((plane) => enlargePlane(plane, factor, image.width, image.height));
  applyLineGains(image, channels);
  return { channels, shrunk: { factor, observed, paper } };
}

// Scanners and phone sensors leave rows (or columns) a few per cent brighter or darker than their
// neighbours, in repeating patterns that the shrunk estimate averages away; measured per line here.
const paperRatioRange = { low: 0.6, high: 1.6 };
const paperRatioWindow = 0.15;

/** Multiplies each row, then each column, of the paper estimate by how bright that line's paper really is. */
function applyLineGains(image: { width: number; height: number; rgb: Buffer }, channels: Plane[]): void {
  const { width, height, rgb } = image;
  const [red, green, blue] = channels.map((plane) => plane.values) as [Float32Array, Float32Array, Float32Array];
  const ratios = new Float32Array(width * height);
  for (let index = 0; index < ratios.length; index += 1) {
    const observed = rgb[index * 3]! + rgb[index * 3 + 1]! + rgb[index * 3 + 2]!;
    ratios[index] = observed / 255 / Math.max(1e-3, red[index]! + green[index]! + blue[index]!);
  }
  const rowGains = lineGains(ratios, width, height, false);
  for (let y = 0; y < height; y += 1) {
    const rowGain = rowGains[y]!;
    for (let index = y * width, end = index + width; index < end; index += 1) ratios[index]! /= rowGain;
  }
  const columnGains = lineGains(ratios, width, height, true);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const gain = rowGains[y]! * columnGains[x]!;
      red[index]! *= gain;
      green[index]! *= gain;
      blue[index]! *= gain;
    }
  }
}

/**
 * Each line's typical paper-to-estimate ratio: the mean of ratios in a wide plausible range (ink is
 * far below it), then the mean within a narrow window around that; summed in row order either way.
 */
function lineGains(ratios: Float32Array, width: number, height: number, isColumns: boolean): Float32Array {
  const lineCount = isColumns ? width : height;
  const low = new Float32Array(lineCount).fill(paperRatioRange.low);
  const high = new Float32Array(lineCount).fill(paperRatioRange.high);
  const rough = meanPerLine(ratios, width, height, isColumns, low, high);
  for (let line = 0; line < lineCount; line += 1) {
    low[line] = rough[line]! - paperRatioWindow;
    high[line] = rough[line]! + paperRatioWindow;
  }
  return meanPerLine(ratios, width, height, isColumns, low, high);
}

function meanPerLine(ratios: Float32Array, width: number, height: number, isColumns: boolean, low: Float32Array, high: Float32Array): Float32Array {
  const lineCount = isColumns ? width : height;
  const sums = new Float64Array(lineCount);
  const counts = new Uint32Array(lineCount);
  // Row by row either way (memory order); a column's sum gathers one value from each row.
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    if (isColumns) {
      for (let x = 0; x < width; x += 1) {
        const ratio = ratios[row + x]!;
        if (ratio >= low[x]! && ratio <= high[x]!) {
          sums[x]! += ratio;
          counts[x]! += 1;
        }
      }
    } else {
      const rowLow = low[y]!;
      const rowHigh = high[y]!;
      let sum = 0;
      let count = 0;
      for (let index = row, end = row + width; index < end; index += 1) {
        const ratio = ratios[index]!;
        if (ratio >= rowLow && ratio <= rowHigh) {
          sum += ratio;
          count += 1;
        }
      }
      sums[y] = sum;
      counts[y] = count;
    }
  }
  const means = new Float32Array(lineCount);
  for (let line = 0; line < lineCount; line += 1) means[line] = counts[line]! > 0 ? sums[line]! / counts[line]! : 1;
  return means;
}

function medianRatio(observed: Plane, paper: Plane): number {
  const ratios = new Float32Array(observed.values.length);
  for (let cell = 0; cell < ratios.length; cell += 1) ratios[cell] = observed.values[cell]! / Math.max(1e-3, paper.values[cell]!);
  return ratios.length > 0 ? valueAtShare(ratios, 0.5) : 1;
}

/**
 * How coloured the paper is (within `zone`, when given: the sheet, not the desk around it): 0 for grey
 * or white, towards 1 as its weakest channel goes dark (orange lamp light, a strongly tinted form).
 */
export function measurePaperTint(paper: PaperEstimate, zone?: { bits: Uint8Array }): number {
  // A sparse sample is plenty for a median of something that varies this slowly.
  const sampleStep = 211;
  const medians = paper.channels.map((plane) => {
    const sample: number[] = [];
    for (let index = 0; index < plane.values.length; index += sampleStep) if (!zone || zone.bits[index]) sample.push(plane.values[index]!);
    return sample.length > 0 ? valueAtShare(Float32Array.from(sample), 0.5) : 1;
  });
  return 1 - Math.min(...medians) / Math.max(1e-3, ...medians);
}
