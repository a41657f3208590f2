import { weighHueAround, type InkMeasure } from './ink-measure.ts';
import { darkestSolid, floorAt, measureInkScale, type InkScale } from './ink-strength.ts';
import { labelComponents } from './masks.ts';
import { measureRegionFloors } from './region-floors.ts';
import { valueAtShare } from './value-at-share.ts';

/**
 * The darkness that reads as solid for each pixel's own ink. One picture often holds two inks of very
 * different strength: a pale stamp signed across with a black pen, a dry red pad beside a gel pen. One
 * solid for the whole picture (the darkest ink's) leaves the pale one at a third of full opacity, so
 * each ink, told apart by its hue, is scaled by its own strongest pixels. An ink spread evenly over the
 * whole sheet (ruling, a security tint, halftone, a textured paper's fibres) is paper, not a stamp or a
 * signature, and keeps the picture's solid: it must not be raised to full opacity with the faint inks.
 */
export interface InkSolids {
  /** Per pixel: the solid darkness to scale it by. */
  solid: Float32Array;
  /** The inks told apart, strongest share first: for tests and logs. */
  inks: InkOfOneHue[];
  /** Per pixel: its ink's index in `inks`, or -1 (paper, or too faint to tell). */
  labels: Int8Array;
}

export interface InkOfOneHue {
  redGreen: number;
  yellowBlue: number;
  /** Share of the clearly inked pixels that are of this hue. */
  share: number;
  /** 98th percentile of darkness among its pixels. */
  solid: number;
  /** Found in most parts of the inked area rather than in a few: a pattern of the paper. */
  isSpread: boolean;
}

/** Clearly inked: this many noise floors above the paper, so that the hue is not noise. */
const clearInkFloors = 3;
const hueRange = 1.2;
const hueBin = 0.04;
/** An ink must hold this share of the clearly inked pixels: smaller peaks are colour fringes and noise. */
const minimumInkShare = 0.03;
/** Hues closer than this are one ink (JPEG and blur spread a stroke's hue this far). */
const sameInk = 0.22;
const mostInks = 4;
const hueReach = 2;
/** Faint ink is scaled up no further than this solid, nor closer than this many floors to the noise. */
const faintestSolid = 0.12;
const faintestSolidFloors = 4;
/** Only an ink this much weaker than the picture's strongest gets a solid of its own; the rest keep the picture's. */
const clearlyWeaker = 0.85;
/** Spread: an ink present in this share of the grid's cells (those inside the zone, the sheet). */
const spreadCells = 0.6;
const gridSize = 8;
/**
 * A weaker ink's pixels lie mostly in strokes: connected clear pixels at least this many. A paper's
 * halftone dots, split into several hues by uneven light and each in only part of the sheet, are not
 * spread enough to count as paper, but they are specks: scaled by their own faint solid, they came back
 * as ink at full strength.
 */
const smallestStroke = 24;
const strokeShare = 0.5;

/**
 * The picture's ink scale with each pixel's own ink's solid and noise floor: what removeBackground
 * scales strength by. The floor of each region (region-floors.ts) is used where a stamp or signature
 * lies, an ink not spread over the sheet; everywhere else the picture's floor.
 */
export function measureScaleOfEachInk(size: { width: number; height: number }, ink: InkMeasure, darkness: Float32Array): InkScale {
  const scale = measureInkScale(darkness);
  const regionFloors = measureRegionFloors(darkness, size, scale.floor);
  const solids = measureInkSolids(size, ink, darkness, { ...scale, floorPerPixel: regionFloors });
  const floorPerPixel = new Float32Array(darkness.length).fill(scale.floor);
  for (let index = 0; index < floorPerPixel.length; index += 1) {
    const label = solids.labels[index]!;
    if (label >= 0 && !solids.inks[label]!.isSpread) floorPerPixel[index] = regionFloors[index]!;
  }
  return { ...scale, floorPerPixel, solidPerPixel: solids.solid };
}

export function measureInkSolids(size: { width: number; height: number }, ink: InkMeasure, darkness: Float32Array, scale: InkScale): InkSolids {
  const { width, height } = size;
  const count = width * height;
  const solid = new Float32Array(count).fill(scale.solid);
  const clear = clearInkHues(size, ink, darkness, scale);
  if (clear.pixels.length === 0) return { solid, inks: [], labels: new Int8Array(count).fill(-1) };
  const peaks = findHuePeaks(clear.redGreen, clear.yellowBlue, minimumInkShare);

  // The zone's cells: outside it (a desk) darkness is exactly 0.
  const cellOf = (index: number) => {
    const x = index % width;
    return Math.floor((((index - x) / width) * gridSize) / height) * gridSize + Math.floor((x * gridSize) / width);
  };
  const zonePixels = new Uint32Array(gridSize * gridSize);
  const cellPixels = new Uint32Array(gridSize * gridSize);
  // Cell column c covers x from columnStart[c] up to columnStart[c + 1]; counted a run at a time.
  const columnStart = Int32Array.from({ length: gridSize + 1 }, (_, column) => Math.ceil((column * width) / gridSize));
  for (let y = 0; y < height; y += 1) {
    const rowCell = Math.floor((y * gridSize) / height) * gridSize;
    for (let column = 0; column < gridSize; column += 1) {
      let inZone = 0;
      for (let index = y * width + columnStart[column]!, end = y * width + columnStart[column + 1]!; index < end; index += 1) if (darkness[index] !== 0) inZone += 1;
      cellPixels[rowCell + column]! += columnStart[column + 1]! - columnStart[column]!;
      zonePixels[rowCell + column]! += inZone;
    }
  }
  const zoneCells = zonePixels.reduce((sum, pixels, cell) => sum + (pixels >= 0.5 * cellPixels[cell]! ? 1 : 0), 0);

  const labels = new Int8Array(count).fill(-1);
  const darknessOfInk = peaks.map(() => [] as number[]);
  const floorsOfInk = peaks.map(() => 0);
  const cellsOfInk = peaks.map(() => new Uint32Array(gridSize * gridSize));
  for (let at = 0; at < clear.pixels.length; at += 1) {
    const nearest = nearestHuePeak(peaks, clear.redGreen[at]!, clear.yellowBlue[at]!);
    if (nearest < 0) continue;
    const index = clear.pixels[at]!;
    labels[index] = nearest;
    darknessOfInk[nearest]!.push(darkness[index]!);
    floorsOfInk[nearest]! += floorAt(scale, index);
    cellsOfInk[nearest]![cellOf(index)]! += 1;
  }
  const inStrokes = pixelsInStrokes(labels, peaks.length, width, height);
  const inks: InkOfOneHue[] = peaks.map((peak, at) => {
    const values = darknessOfInk[at]!;
    // Not closer to the noise than its own pixels' floors allow.
    const lowest = Math.max(faintestSolid, faintestSolidFloors * (values.length > 0 ? floorsOfInk[at]! / values.length : scale.floor));
    // Present in a cell: at least a quarter of the pixels an even spread would put there.
    const evenShare = values.length / Math.max(1, zoneCells);
    const present = cellsOfInk[at]!.reduce((sum, pixels) => sum + (pixels >= 0.25 * evenShare ? 1 : 0), 0);
    const isSpread = present >= spreadCells * zoneCells;
    const own = percentile98(values);
    const isWeaker = !isSpread && inStrokes[at]! >= strokeShare * values.length && own < clearlyWeaker * scale.solid;
    return { ...peak, share: values.length / clear.pixels.length, solid: isWeaker ? Math.max(lowest, own) : scale.solid, isSpread };
  });
  spreadLabels(labels, darkness, scale, width, height);
  for (let index = 0; index < count; index += 1) {
    const label = labels[index]!;
    if (label >= 0) solid[index] = inks[label]!.solid;
  }
  return { solid, inks, labels };
}

/** For each ink, how many of its clear pixels lie in a connected group of clear pixels (any ink's) of at least smallestStroke. */
function pixelsInStrokes(labels: Int8Array, inkCount: number, width: number, height: number): number[] {
  const bits = new Uint8Array(labels.length);
  for (let index = 0; index < labels.length; index += 1) if (labels[index]! >= 0) bits[index] = 1;
  const groups = labelComponents({ width, height, bits });
  const counts = new Array<number>(inkCount).fill(0);
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index]!;
    if (label >= 0 && groups.components[groups.labels[index]! - 1]!.area >= smallestStroke) counts[label]! += 1;
  }
  return counts;
}

/**
 * The hue of the clearly inked pixels, averaged over a 5 × 5 window weighted by darkness. Only those
 * pixels: they are a small part of most pictures, and a blur of the whole picture costs more than the
 * rest of this.
 */
function clearInkHues(size: { width: number; height: number }, ink: InkMeasure, darkness: Float32Array, scale: InkScale): { pixels: Int32Array; redGreen: Float32Array; yellowBlue: Float32Array } {
  const { width, height } = size;
  const isClear = (index: number) => darkness[index]! >= clearInkFloors * floorAt(scale, index);
  let clearCount = 0;
  for (let index = 0; index < darkness.length; index += 1) if (isClear(index)) clearCount += 1;
  const pixels = new Int32Array(clearCount);
  const redGreen = new Float32Array(clearCount);
  const yellowBlue = new Float32Array(clearCount);
  const window = new Float64Array(4);
  let at = 0;
  for (let index = 0; index < darkness.length; index += 1) {
    if (!isClear(index)) continue;
    // The pixel itself is clearly inked, so the window's weight is never 0.
    weighHueAround(ink, darkness, width, height, index, hueReach, window);
    pixels[at] = index;
    redGreen[at] = window[1]! / window[0]!;
    yellowBlue[at] = window[2]! / window[0]!;
    at += 1;
  }
  return { pixels, redGreen, yellowBlue };
}

export interface HuePeak {
  redGreen: number;
  yellowBlue: number;
}

/**
 * The strongest hues among the given pixels' (opponent axes over darkness), each holding at least
 * `minimumShare` of them within a 5 × 5 window of bins, none within `sameInk` of a stronger one.
 */
export function findHuePeaks(redGreen: Float32Array, yellowBlue: Float32Array, minimumShare: number): HuePeak[] {
  const bins = Math.round((2 * hueRange) / hueBin);
  const binOf = (value: number) => Math.min(bins - 1, Math.max(0, Math.floor((value + hueRange) / hueBin)));
  const histogram = new Float32Array(bins * bins);
  for (let at = 0; at < redGreen.length; at += 1) histogram[binOf(yellowBlue[at]!) * bins + binOf(redGreen[at]!)]! += 1;
  const total = redGreen.length;
  const mass = new Float32Array(bins * bins);
  for (let row = 0; row < bins; row += 1) {
    for (let column = 0; column < bins; column += 1) {
      let sum = 0;
      for (let dy = -2; dy <= 2; dy += 1) {
        for (let dx = -2; dx <= 2; dx += 1) {
          const y = row + dy;
          const x = column + dx;
          if (y >= 0 && y < bins && x >= 0 && x < bins) sum += histogram[y * bins + x]!;
        }
      }
      mass[row * bins + column] = sum;
    }
  }
  const order = Array.from(mass.keys()).filter((bin) => mass[bin]! >= minimumShare * total).sort((a, b) => mass[b]! - mass[a]!);
  const peaks: HuePeak[] = [];
  for (const bin of order) {
    const column = bin % bins;
    const peak = { redGreen: (column + 0.5) * hueBin - hueRange, yellowBlue: ((bin - column) / bins + 0.5) * hueBin - hueRange };
    if (peaks.some((other) => Math.hypot(other.redGreen - peak.redGreen, other.yellowBlue - peak.yellowBlue) < sameInk)) continue;
    peaks.push(peak);
    if (peaks.length === mostInks) break;
  }
  return peaks;
}

/**
 * The peak nearest a hue, within one and a half times `sameInk`, or -1. Called for every clearly inked
 * pixel: a plain loop over squared distances (Math.hypot costs several times as much).
 */
export function nearestHuePeak(peaks: HuePeak[], redGreen: number, yellowBlue: number): number {
  let best = -1;
  let bestSquare = (sameInk * 1.5) ** 2;
  for (let at = 0; at < peaks.length; at += 1) {
    const square = (peaks[at]!.redGreen - redGreen) ** 2 + (peaks[at]!.yellowBlue - yellowBlue) ** 2;
    if (square < bestSquare) {
      bestSquare = square;
      best = at;
    }
  }
  return best;
}

/** Paler pixels beside a labelled stroke (its soft edges, where the hue is noise) take the stroke's ink. */
function spreadLabels(labels: Int8Array, darkness: Float32Array, scale: InkScale, width: number, height: number): void {
  for (let pass = 0; pass < 2; pass += 1) {
    const previous = labels.slice();
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const index = y * width + x;
        if (darkness[index]! <= floorAt(scale, index) || previous[index]! >= 0) continue;
        let best = -1;
        let bestDarkness = -Infinity;
        for (let dy = -1; dy <= 1; dy += 1) {
          for (let dx = -1; dx <= 1; dx += 1) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            const neighbour = ny * width + nx;
            if (previous[neighbour]! >= 0 && darkness[neighbour]! > bestDarkness) {
              bestDarkness = darkness[neighbour]!;
              best = previous[neighbour]!;
            }
          }
        }
        labels[index] = best;
      }
    }
  }
}

function percentile98(values: number[]): number {
  if (values.length === 0) return darkestSolid;
  return valueAtShare(Float32Array.from(values), 0.98);
}
