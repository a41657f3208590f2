import { autocorrelation } from './autocorrelation.ts';
import { writeAbsorption, type InkMeasure } from './ink-measure.ts';
import { boxOfSet, type Mask } from './masks.ts';
import { valueAtShare } from './value-at-share.ts';

/**
 * Paper printed with a fine periodic pattern: a form's tint as a dot screen (halftone), or fine
 * stripes. The paper estimate is smooth and keeps such dots and stripes as ink. But they repeat and
 * ink does not: at one period's distance the pattern is the same, the stamp is not. So each pixel's
 * pattern is read off its lattice neighbours (the same place in the neighbouring cells) and divided
 * out like the paper, and what stays is what the pattern does not explain.
 */
export interface PaperPattern {
  kind: 'dots' | 'stripes';
  /** One period: across the stripes, or the screen's shortest cell side. In pixels. */
  period: [number, number];
  /** Dots only: the screen's other cell side. */
  otherPeriod?: [number, number];
  /**
   * The pattern's own darkest, from the tiles that found it. What the neighbours predict is capped
   * here: where they all lie on a bold stroke, the stroke is not taken for pattern.
   */
  darkest: number;
}

type Lattice = Omit<PaperPattern, 'darkest'>;

type Vector = [number, number];

// Lags searched. Finer than 3.5 px is as wide as a stroke, so a stroke's neighbours would lie on it;
// the development set's scans and photos all carry a faint row pattern (every 9 rows, with a harmonic
// at 3) whose 3 px reading, divided out, took ink with it. Coarser than 16 px is ruling and print
// lines, which their own stages handle (ruled-lines.ts, printed-text.ts).
const shortestPeriod = 3.5;
const longestPeriod = 16;
const tileSize = 96;
const paddedSize = 128;
const tilesAcross = 3;
/**
 * A period's autocorrelation peak must reach this (noise and JPEG keep a thin pattern's peak low; the
 * tiles' agreement is the stronger test), and the dip half way to it must fall below this share of it.
 */
const peakStrength = 0.15;
const dipShare = 0.5;
/** Stripes: the correlation along their length stays at this share of the period's peak. */
const ridgeShare = 0.6;
const clipQuantile = 0.9;
const tileDarkestQuantile = 0.95;
/** The middle tile's darkest, raised by this much: a dot's core varies a little from tile to tile. */
const darkestMargin = 1.15;
/** A "pattern" darker than this is print or ink laid in rows (black type), not a printed tint. */
const darkestTint = 0.75;
/** A pattern shows when this share of its predictions (the dots' cores, not their rims) clears the noise floor. */
const visibleQuantile = 0.9;
/** Of the peaks, those this close to the strongest count as strong; the shortest of them is the period. */
const strongPeakShare = 0.75;
/** Two periods of a dot screen differ in direction by at least 30° (sine 0.5). */
const leastSine = 0.5;
const ridgeStepDegrees = 3;
/** Tiles that must find the same period: a pattern covers the paper, not one corner of it. */
const agreeingTiles = 3;
/** Each quarter of an agreeing tile must correlate this well at the periods (a tile the pattern fills). */
const quarterStrength = 0.1;
const sameVector = 1;
/**
 * The pattern at a pixel is this low quantile of its lattice neighbours: a stroke may cover a few of
 * them (a line along a lattice direction covers two to four of twelve) without being taken for pattern.
 */
const neighbourQuantile = 0.25;
/** Pixels this close to the paper need no correction (most of any picture). */
const visibleDarkness = 0.02;
const histogramBins = 1024;

export function findPaperPattern(darkness: Float32Array, width: number, height: number, sheet?: Mask): PaperPattern | undefined {
  if (width < tileSize || height < tileSize) return undefined;
  // On a sheet lying on a desk the tiles are spread over the sheet: over the whole picture, most
  // would fall on the desk, whose grain agrees with nothing (or is stripes of its own), and a sheet's
  // dot screen went unseen. Over the sheet's box they are drawn in from its edges, whose corners are
  // desk when the sheet is turned: centred at a quarter, half and three quarters of it.
  const box = (sheet && boxOfSet(sheet)) ?? { left: 0, top: 0, right: width - 1, bottom: height - 1 };
  const at = (step: number) => (sheet ? (step + 1) / (tilesAcross + 1) : (step + 0.5) / tilesAcross);
  const found: { lattice: Lattice; repeatsAt: (lag: Vector) => boolean; darkest: number }[] = [];
  for (let row = 0; row < tilesAcross; row += 1) {
    for (let column = 0; column < tilesAcross; column += 1) {
      const left = Math.max(0, Math.min(width - tileSize, Math.round(box.left + at(column) * (box.right - box.left + 1) - tileSize / 2)));
      const top = Math.max(0, Math.min(height - tileSize, Math.round(box.top + at(row) * (box.bottom - box.top + 1) - tileSize / 2)));
      if (sheet && !isTileOn(sheet, left, top)) continue;
      const tile = tileOf(darkness, width, left, top);
      const lattice = latticeOf(tile.values);
      if (lattice) found.push({ lattice, repeatsAt: repetitionOf(tile.values), darkest: tile.darkest });
    }
  }
  let best: { lattice: Lattice; darkest: number }[] = [];
  for (const candidate of found) {
    const agreeing = found.flatMap((other) => {
      const lattice = matchedTo(other.lattice, candidate.lattice);
      const isPatternedThroughout = lattice && [lattice.period, lattice.otherPeriod].every((vector) => vector === undefined || other.repeatsAt(vector));
      return isPatternedThroughout ? [{ lattice, darkest: other.darkest }] : [];
    });
    if (agreeing.length > best.length) best = agreeing;
  }
  if (best.length < agreeingTiles) return undefined;
  const darkest = darkestMargin * best.map((tile) => tile.darkest).sort((a, b) => a - b)[Math.floor(best.length / 2)]!;
  if (darkest > darkestTint) return undefined;
  const period = meanOf(best.map((tile) => tile.lattice.period));
  return best[0]!.lattice.otherPeriod ? { kind: 'dots', period, otherPeriod: meanOf(best.map((tile) => tile.lattice.otherPeriod!)), darkest } : { kind: 'stripes', period, darkest };
}

/** A tile lies on the sheet when all four of its corners and its centre do (a turned sheet's box has desk in its corners). */
function isTileOn(sheet: Mask, left: number, top: number): boolean {
  const last = tileSize - 1;
  return [[0, 0], [last, 0], [0, last], [last, last], [last >> 1, last >> 1]].every(([x, y]) => sheet.bits[(top + y!) * sheet.width + left + x!] === 1);
}

/**
 * Whether each quarter of the tile repeats at a lag (rounded to whole pixels). Paper's pattern fills a
 * tile on the sheet; a stamp's hatched fill covers the tiles it overlaps only in part, except one it
 * is much larger than. Remembered per lag: every tile is compared with every other.
 */
function repetitionOf(tile: Float64Array): (lag: Vector) => boolean {
  const half = tileSize / 2;
  const known = new Map<string, boolean>();
  return ([x, y]) => {
    const [dx, dy] = [Math.round(x), Math.round(y)];
    const key = `${dx},${dy}`;
    let repeats = known.get(key);
    if (repeats === undefined) {
      repeats = ([[0, 0], [half, 0], [0, half], [half, half]] as const).every(([left, top]) => quarterCorrelation(tile, left, top, dx, dy) >= quarterStrength);
      known.set(key, repeats);
    }
    return repeats;
  };
}

/** Normalised correlation of a tile's quarter with itself shifted by (dx, dy), over the pairs inside the tile. */
function quarterCorrelation(tile: Float64Array, left: number, top: number, dx: number, dy: number): number {
  const half = tileSize / 2;
  let sum = 0;
  let count = 0;
  for (let y = top; y < top + half; y += 1) {
    for (let x = left; x < left + half; x += 1) {
      sum += tile[y * tileSize + x]!;
      count += 1;
    }
  }
  const mean = sum / count;
  let variance = 0;
  let product = 0;
  let pairs = 0;
  for (let y = top; y < top + half; y += 1) {
    for (let x = left; x < left + half; x += 1) {
      const value = tile[y * tileSize + x]! - mean;
      variance += value * value;
      const sx = x + dx;
      const sy = y + dy;
      if (sx < 0 || sy < 0 || sx >= tileSize || sy >= tileSize) continue;
      product += value * (tile[sy * tileSize + sx]! - mean);
      pairs += 1;
    }
  }
  return variance > 0 && pairs > 0 ? product / pairs / (variance / count) : 0;
}

/**
 * A tile's darkness clipped to its 90th percentile (a stroke must not outweigh the pattern), centred
 * on its mean; and its 95th percentile, the pattern's darkest where the pattern fills the tile.
 */
function tileOf(darkness: Float32Array, width: number, left: number, top: number): { values: Float64Array; darkest: number } {
  const tile = new Float64Array(tileSize * tileSize);
  for (let y = 0; y < tileSize; y += 1) for (let x = 0; x < tileSize; x += 1) tile[y * tileSize + x] = darkness[(top + y) * width + left + x]!;
  const scratch = Float64Array.from(tile);
  const clip = valueAtShare(scratch, clipQuantile);
  const darkest = valueAtShare(scratch, tileDarkestQuantile);
  let sum = 0;
  for (let index = 0; index < tile.length; index += 1) {
    tile[index] = Math.min(clip, tile[index]!);
    sum += tile[index]!;
  }
  const mean = sum / tile.length;
  for (let index = 0; index < tile.length; index += 1) tile[index]! -= mean;
  return { values: tile, darkest };
}

/**
 * The tile's lattice from its autocorrelation. A period is a peak with a dip half way between it and
 * lag 0; the shortest of the strong ones is taken (a lattice has peaks at every combination of its
 * periods). Stripes leave a ridge through lag 0 along their length; dots need a second period, not
 * along the first, with a dip half way to it and half way between the two.
 */
function latticeOf(tile: Float64Array): Lattice | undefined {
  const reach = longestPeriod;
  const side = 2 * reach + 1;
  const correlation = autocorrelation(tile, tileSize, paddedSize, reach);
  const atLag = (x: number, y: number) => (Math.abs(x) > reach || Math.abs(y) > reach ? 0 : correlation[(y + reach) * side + x + reach]!);
  const at = (x: number, y: number) => {
    const left = Math.floor(x);
    const top = Math.floor(y);
    const fx = x - left;
    const fy = y - top;
    return (atLag(left, top) * (1 - fx) + atLag(left + 1, top) * fx) * (1 - fy) + (atLag(left, top + 1) * (1 - fx) + atLag(left + 1, top + 1) * fx) * fy;
  };
  const peaks: { vector: Vector; value: number; length: number }[] = [];
  for (let dy = 0; dy <= reach; dy += 1) {
    for (let dx = -reach; dx <= reach; dx += 1) {
      if (dy === 0 && dx <= 0) continue;
      const length = Math.hypot(dx, dy);
      if (length < shortestPeriod || length > longestPeriod) continue;
      const value = atLag(dx, dy);
      if (value < peakStrength) continue;
      let isPeak = true;
      for (let ny = -1; ny <= 1 && isPeak; ny += 1) for (let nx = -1; nx <= 1; nx += 1) if ((nx || ny) && atLag(dx + nx, dy + ny) > value) isPeak = false;
      if (isPeak && at(dx / 2, dy / 2) < value * dipShare) peaks.push({ vector: refined(atLag, dx, dy), value, length });
    }
  }
  if (peaks.length === 0) return undefined;
  const strongest = Math.max(...peaks.map((peak) => peak.value));
  const strong = peaks.filter((peak) => peak.value >= strongPeakShare * strongest).sort((a, b) => a.length - b.length);
  const first = strong[0]!;
  const ridge = ridgeThroughZero(at, first.length);
  if (ridge.value >= ridgeShare * first.value) {
    const along = first.vector[0] * ridge.direction[0] + first.vector[1] * ridge.direction[1];
    const period: Vector = [first.vector[0] - along * ridge.direction[0], first.vector[1] - along * ridge.direction[1]];
    return Math.hypot(...period) >= shortestPeriod ? { kind: 'stripes', period } : undefined;
  }
  for (const peak of strong.slice(1)) {
    const second = aligned(peak.vector, first.vector);
    const sine = Math.abs(first.vector[0] * second[1] - first.vector[1] * second[0]) / first.length / peak.length;
    if (sine < leastSine) continue;
    const between = at((first.vector[0] + second[0]) / 2, (first.vector[1] + second[1]) / 2);
    if (between < Math.min(first.value, peak.value) * dipShare) return { kind: 'dots', ...reducedBasis(first.vector, second) };
  }
  return undefined;
}

/** The direction through lag 0 whose correlation stays highest out to one and a half periods. */
function ridgeThroughZero(at: (x: number, y: number) => number, period: number): { direction: Vector; value: number } {
  let best = { direction: [1, 0] as Vector, value: -Infinity };
  for (let degrees = 0; degrees < 180; degrees += ridgeStepDegrees) {
    const direction: Vector = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
    const value = Math.min(...[0.5, 1, 1.5].map((share) => at(direction[0] * share * period, direction[1] * share * period)));
    if (value > best.value) best = { direction, value };
  }
  return best;
}

/** Gauss's reduction: the two shortest periods of the lattice, so every tile names one lattice alike. */
function reducedBasis(a: Vector, b: Vector): { period: Vector; otherPeriod: Vector } {
  let [u, v] = Math.hypot(...a) <= Math.hypot(...b) ? [a, b] : [b, a];
  for (let step = 0; step < 8; step += 1) {
    const times = Math.round((u[0] * v[0] + u[1] * v[1]) / (u[0] * u[0] + u[1] * u[1]));
    if (times === 0) break;
    v = [v[0] - times * u[0], v[1] - times * u[1]];
    if (Math.hypot(...v) < Math.hypot(...u)) [u, v] = [v, u];
  }
  return { period: u, otherPeriod: v };
}

/** The peak's position to a fraction of a pixel: a parabola through it and its neighbours, per axis. */
function refined(at: (x: number, y: number) => number, x: number, y: number): Vector {
  const offset = (low: number, middle: number, high: number) => {
    const curvature = low - 2 * middle + high;
    return curvature < 0 ? Math.max(-0.5, Math.min(0.5, (low - high) / (2 * curvature))) : 0;
  };
  return [x + offset(at(x - 1, y), at(x, y), at(x + 1, y)), y + offset(at(x, y - 1), at(x, y), at(x, y + 1))];
}

/**
 * `other` expressed in `reference`'s periods when both describe one lattice: each of reference's
 * periods is then within a pixel of ± one of other's periods or their sum or difference.
 */
function matchedTo(other: Lattice, reference: Lattice): Lattice | undefined {
  if ((other.otherPeriod === undefined) !== (reference.otherPeriod === undefined)) return undefined;
  const choices = other.otherPeriod ? latticeVectors(other.period, other.otherPeriod) : [other.period, negated(other.period)];
  const nearest = (target: Vector) => choices.find((vector) => Math.hypot(vector[0] - target[0], vector[1] - target[1]) <= sameVector);
  const period = nearest(reference.period);
  if (!period) return undefined;
  if (!reference.otherPeriod) return { kind: 'stripes', period };
  const otherPeriod = nearest(reference.otherPeriod);
  // Both ways round: a lattice of every other dot is not the screen itself.
  const isOffReference = (vector: Vector) => !latticeVectors(reference.period, reference.otherPeriod!).some((own) => Math.hypot(own[0] - vector[0], own[1] - vector[1]) <= sameVector);
  if (!otherPeriod || isOffReference(other.period) || isOffReference(other.otherPeriod!)) return undefined;
  return { kind: 'dots', period, otherPeriod };
}

function latticeVectors(a: Vector, b: Vector): Vector[] {
  const sum: Vector = [a[0] + b[0], a[1] + b[1]];
  const difference: Vector = [a[0] - b[0], a[1] - b[1]];
  return [a, b, sum, difference].flatMap((vector) => [vector, negated(vector)]);
}

function negated(vector: Vector): Vector {
  return [-vector[0], -vector[1]];
}

/** `vector` or its negative, whichever makes an acute angle with `reference`. */
function aligned(vector: Vector, reference: Vector): Vector {
  return vector[0] * reference[0] + vector[1] * reference[1] >= 0 ? vector : negated(vector);
}

function meanOf(vectors: Vector[]): Vector {
  return [vectors.reduce((sum, vector) => sum + vector[0], 0) / vectors.length, vectors.reduce((sum, vector) => sum + vector[1], 0) / vectors.length];
}

/**
 * The lattice neighbours whose pattern equals a pixel's own. Dots: the twelve nearest cells. Stripes:
 * one and two periods across, at three places along (so that a stroke running across the stripes
 * is not its own neighbour everywhere), and two along the same stripe.
 */
function neighbourOffsets(pattern: PaperPattern): Vector[] {
  const [ax, ay] = pattern.period;
  const offsets: Vector[] = [];
  if (pattern.otherPeriod) {
    const [bx, by] = pattern.otherPeriod;
    for (const [i, j] of [[1, 0], [0, 1], [1, 1], [1, -1], [2, 0], [0, 2]] as const) offsets.push([i * ax + j * bx, i * ay + j * by], [-(i * ax + j * bx), -(i * ay + j * by)]);
    return offsets;
  }
  // Along the stripes: perpendicular to the period, two periods long.
  const [sx, sy] = [-2 * ay, 2 * ax];
  for (const across of [-2, -1, 1, 2]) for (const along of [-1, 0, 1]) offsets.push([across * ax + along * sx, across * ay + along * sy]);
  offsets.push([sx, sy], [-sx, -sy]);
  return offsets;
}

/**
 * The places half a period away, where the pattern has its gaps: the middles of a screen's cells, the
 * spaces between stripes. They are paper, or ink lying over the pattern (a bold stroke, a pale fill).
 */
function gapOffsets(pattern: PaperPattern): Vector[] {
  const [ax, ay] = pattern.period;
  if (pattern.otherPeriod) {
    const [bx, by] = pattern.otherPeriod;
    return [[(ax + bx) / 2, (ay + by) / 2], [(ax - bx) / 2, (ay - by) / 2], [-(ax + bx) / 2, -(ay + by) / 2], [-(ax - bx) / 2, -(ay - by) / 2]];
  }
  const [sx, sy] = [-ay, ax];
  return [-1, 0, 1].flatMap((along) => [[ax / 2 + along * sx, ay / 2 + along * sy], [-ax / 2 + along * sx, -ay / 2 + along * sy]] as Vector[]);
}

/**
 * The ink measure with the pattern divided out: per channel, 1 − (1 − absorbed) / (1 − pattern). The
 * pattern at a pixel is read at the neighbour giving the low quantile of darkness among its lattice
 * neighbours, itself divided by the lightest of its gaps: inside a bold or pale fill, the neighbours
 * all lie on the fill too, and so do the gaps, so what the neighbours add to the gaps is the pattern.
 * It is capped at the pattern's darkest. Undefined when the pattern is too faint to show: where
 * nearly all that the neighbours predict stays under the picture's noise floor, the strength is 0 anyway.
 */
/**
 * `sheet`: where the paper is, on a desk. Whether the pattern shows is judged there: a desk's own
 * darkness (its noise, a shadow, the paper estimate running off at the sheet's edge) is predicted
 * from its neighbours as a faint "pattern" over far more pixels than the dots, and hid a sheet's screen.
 */
export function removePaperPattern(ink: InkMeasure, pattern: PaperPattern, width: number, height: number, noiseFloor: number, sheet?: Mask): InkMeasure | undefined {
  const taps = tapsOf(neighbourOffsets(pattern), width);
  const gaps = tapsOf(gapOffsets(pattern), width);
  const predicted = new Float32Array(width * height);
  const chosen = new Int8Array(width * height).fill(-1);
  const chosenGap = new Int8Array(width * height);
  const samples = new Float64Array(taps.length);
  const sampleOrder = new Int32Array(taps.length);
  const histogram = new Uint32Array(histogramBins);
  let predictions = 0;
  const gap = { value: 0, which: -1 };
  const values = ink.darkness;
  const { left, top } = taps;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      if (values[index]! < visibleDarkness) continue;
      let count = 0;
      for (let which = 0; which < taps.length; which += 1) {
        const sx = x + left[which]!;
        const sy = y + top[which]!;
        if (sx < 0 || sy < 0 || sx + 1 >= width || sy + 1 >= height) continue;
        samples[count] = sampleAt(values, index, taps, which, width);
        sampleOrder[count] = which;
        count += 1;
      }
      if (count < 4) continue;
      const position = Math.floor(neighbourQuantile * count);
      sortSmallest(samples, sampleOrder, count, position);
      findLightestGap(gap, values, index, x, y, gaps, width, height);
      const value = 1 - (1 - samples[position]!) / (1 - gap.value);
      if (value <= 0) continue;
      predicted[index] = value;
      chosen[index] = sampleOrder[position]!;
      chosenGap[index] = gap.which;
      if (sheet && !sheet.bits[index]) continue;
      histogram[Math.min(histogramBins - 1, Math.floor(value * histogramBins))]! += 1;
      predictions += 1;
    }
  }
  // Nothing predicted (on the sheet, where given) is no pattern shown: the percentile of none would read 1.
  if (predictions === 0 || percentileOf(histogram, predictions, visibleQuantile) < noiseFloor) return undefined;
  const { darkest } = pattern;
  const cleaned: InkMeasure = {
    darkness: ink.darkness.slice(),
    absorption: ink.absorption.map((channel) => channel.slice()) as InkMeasure['absorption'],
    redGreen: ink.redGreen.slice(),
    yellowBlue: ink.yellowBlue.slice(),
  };
  const corrected = [0, 0, 0];
  for (let index = 0; index < chosen.length; index += 1) {
    if (chosen[index]! < 0) continue;
    const cap = Math.min(1, darkest / predicted[index]!);
    for (let channel = 0; channel < 3; channel += 1) {
      const channelValues = ink.absorption[channel]!;
      const underGap = chosenGap[index]! < 0 ? 0 : clampAbsorbed(sampleAt(channelValues, index, gaps, chosenGap[index]!, width));
      const patternAbsorbed = clampAbsorbed(cap * (1 - (1 - sampleAt(channelValues, index, taps, chosen[index]!, width)) / (1 - underGap)));
      corrected[channel] = 1 - (1 - channelValues[index]!) / (1 - patternAbsorbed);
    }
    writeAbsorption(cleaned, index, corrected[0]!, corrected[1]!, corrected[2]!);
  }
  return cleaned;
}

function clampAbsorbed(value: number): number {
  return Math.min(0.95, Math.max(0, value));
}

/**
 * The lightest of a pixel's gaps inside the picture: its value, and which gap it is in `lightest.which`
 * (-1, value 0, when none is). Written into the caller's object: this runs for every patterned pixel.
 */
function findLightestGap(lightest: { value: number; which: number }, values: Float32Array, index: number, x: number, y: number, gaps: Taps, width: number, height: number): void {
  lightest.value = 0;
  lightest.which = -1;
  for (let which = 0; which < gaps.length; which += 1) {
    const sx = x + gaps.left[which]!;
    const sy = y + gaps.top[which]!;
    if (sx < 0 || sy < 0 || sx + 1 >= width || sy + 1 >= height) continue;
    const value = clampAbsorbed(sampleAt(values, index, gaps, which, width));
    if (lightest.which < 0 || value < lightest.value) {
      lightest.value = value;
      lightest.which = which;
    }
  }
}

/**
 * The neighbour offsets ready for bilinear reading, in flat arrays (the inner loop runs a dozen times
 * per pixel): the whole-pixel step to each one's top-left pixel and its four weights.
 */
interface Taps {
  length: number;
  left: Int32Array;
  top: Int32Array;
  step: Int32Array;
  /** Four per tap: top-left, top-right, bottom-left, bottom-right. */
  weights: Float64Array;
}

function tapsOf(offsets: Vector[], width: number): Taps {
  const taps: Taps = { length: offsets.length, left: new Int32Array(offsets.length), top: new Int32Array(offsets.length), step: new Int32Array(offsets.length), weights: new Float64Array(4 * offsets.length) };
  offsets.forEach(([x, y], which) => {
    const left = Math.floor(x);
    const top = Math.floor(y);
    const fx = x - left;
    const fy = y - top;
    taps.left[which] = left;
    taps.top[which] = top;
    taps.step[which] = top * width + left;
    taps.weights.set([(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy], 4 * which);
  });
  return taps;
}

function sampleAt(values: Float32Array, index: number, taps: Taps, which: number, width: number): number {
  const at = index + taps.step[which]!;
  const weight = 4 * which;
  return values[at]! * taps.weights[weight]! + values[at + 1]! * taps.weights[weight + 1]! + values[at + width]! * taps.weights[weight + 2]! + values[at + width + 1]! * taps.weights[weight + 3]!;
}

function percentileOf(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin += 1) {
    seen += histogram[bin]!;
    if (seen > share * total) return (bin + 1) / histogram.length;
  }
  return 1;
}

/**
 * Puts the smallest `rank` + 1 of the first `count` samples (with their order entries) in order, by
 * partial selection sort: a dozen values, rank 3.
 */
function sortSmallest(samples: Float64Array, order: Int32Array, count: number, rank: number): void {
  for (let position = 0; position <= rank; position += 1) {
    let smallest = position;
    for (let other = position + 1; other < count; other += 1) if (samples[other]! < samples[smallest]!) smallest = other;
    const value = samples[position]!;
    samples[position] = samples[smallest]!;
    samples[smallest] = value;
    const which = order[position]!;
    order[position] = order[smallest]!;
    order[smallest] = which;
  }
}
