/**
 * Ruled paper and form rules: long, thin, straight lines at a regular spacing, printed, not ink to keep.
 * A pen never draws several of them parallel and evenly spaced across the whole sheet, and a stamp's
 * border is at most a pair; so only a family of lines counts as ruling.
 */
import { strengthOf, type InkScale } from './ink-strength.ts';

/**
 * Rules are often paler than the ink, near the noise floor, where their strength breaks up; their
 * darkness does not. Pixels darker than this share of the floor are marked as possibly ruling.
 */
const markedFloorShare = 0.5;
const ruleDensityRank = 0.6;
/** Phone pictures are rarely square to the page: rules are looked for up to this slope (about 3°). */
const steepestSlope = 0.05;
const slopeStep = 0.005;
const slopeFitColumnStep = 4;
/** A rule's rows each mark this share of the picture's width, and together one unbroken run this long. */
const ruleCover = 0.5;
const ruleRun = 0.25;
const thickestRule = (length: number) => 4 + 0.004 * length;
/** At least this many rules, most of their spacings within this share of the typical spacing. */
const minimumRules = 5;
const spacingTolerance = 0.15;
const regularShare = 0.7;

interface Rule {
  /** First and last sheared row of the rule, at the picture's slope. */
  from: number;
  to: number;
}

/**
 * Takes ruled lines out of the strength, both ways. Optical densities of inks lying on each other add
 * up, so each rule row's typical density is subtracted: the paper under a rule becomes paper again,
 * while a stroke crossing or running along the rule keeps its own density.
 */
export function removeRuledLines(strength: Uint8Array, darkness: Float32Array, scale: InkScale, width: number, height: number): Uint8Array {
  const marked = new Uint8Array(darkness.length);
  const markedFrom = markedFloorShare * scale.floor;
  for (let index = 0; index < marked.length; index += 1) marked[index] = darkness[index]! >= markedFrom ? 1 : 0;
  const across = findRuling(marked, width, height);
  const along = findRuling(transpose(marked, width, height), height, width);
  if (!across && !along) return strength;
  let density = new Float32Array(darkness.length);
  for (let index = 0; index < density.length; index += 1) density[index] = -Math.log(Math.max(0.02, 1 - Math.max(0, darkness[index]!)));
  if (across) subtractRules(density, width, height, across);
  if (along) {
    const turned = transpose(density, width, height);
    subtractRules(turned, height, width, along);
    density = transpose(turned, height, width);
  }
  const ruleless = new Uint8Array(strength.length);
  for (let index = 0; index < ruleless.length; index += 1) if (strength[index]) ruleless[index] = Math.min(strength[index]!, strengthOf(1 - Math.exp(-density[index]!), scale));
  return ruleless;
}

interface Ruling {
  slope: number;
  rules: Rule[];
}

/** Rules along the rows (at a small slope), when they form a regular family. */
function findRuling(marked: Uint8Array, width: number, height: number): Ruling | undefined {
  const { slope, sampledCounts } = steepestSlopeFit(marked, width, height);
  const sampledColumns = Math.ceil(width / slopeFitColumnStep);
  let coveredRows = 0;
  for (const count of sampledCounts) if (count >= ruleCover * sampledColumns) coveredRows += 1;
  // Most pictures have no row marked across half their width: nothing more to look at.
  if (coveredRows < minimumRules) return undefined;
  const rules = findRules(marked, width, height, slope);
  return isRegularFamily(rules) ? { slope, rules } : undefined;
}

/** Subtracts from `density` each rule row's typical density. */
function subtractRules(density: Float32Array, width: number, height: number, { slope, rules }: Ruling): void {
  const row = new Float32Array(width);
  for (const rule of rules) {
    for (let sheared = rule.from - 1; sheared <= rule.to + 1; sheared += 1) {
      let length = 0;
      for (let x = 0; x < width; x += 1) {
        const y = sheared + Math.round(x * slope);
        if (y >= 0 && y < height) row[length++] = density[y * width + x]!;
      }
      // Most of a rule's length is rule alone, so a percentile a little above the median is the rule's
      // own density: strokes crossing it, or a signature's underline running along a stretch of it, do not move it.
      const ruleDensity = percentile(row.subarray(0, length), ruleDensityRank);
      for (let x = 0; x < width; x += 1) {
        const y = sheared + Math.round(x * slope);
        if (y >= 0 && y < height) density[y * width + x] = Math.max(0, density[y * width + x]! - ruleDensity);
      }
    }
  }
}

function percentile(values: Float32Array, rank: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(rank * sorted.length))]!;
}

/** The slope at which the marked pixels' row counts peak most sharply (rules line up with rows there), and those counts. */
function steepestSlopeFit(marked: Uint8Array, width: number, height: number): { slope: number; sampledCounts: Uint32Array } {
  // Marked pixels of every few columns are enough to see where the rows peak, counted from their coordinates.
  let markedCount = 0;
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += slopeFitColumnStep) markedCount += marked[y * width + x]!;
  const xs = new Int32Array(markedCount);
  const ys = new Int32Array(markedCount);
  let pixel = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += slopeFitColumnStep) {
      if (!marked[y * width + x]) continue;
      xs[pixel] = x;
      ys[pixel++] = y;
    }
  }
  let best = { slope: 0, sampledCounts: new Uint32Array(0) };
  let bestPeakiness = -1;
  for (let slope = -steepestSlope; slope <= steepestSlope + 1e-9; slope += slopeStep) {
    const shifts = new Int32Array(width);
    for (let x = 0; x < width; x += 1) shifts[x] = Math.round(x * slope);
    const offset = shiftOffset(slope, width);
    const counts = new Uint32Array(height + 2 * offset);
    for (let pixel = 0; pixel < xs.length; pixel += 1) counts[ys[pixel]! - shifts[xs[pixel]!]! + offset]! += 1;
    let peakiness = 0;
    for (const count of counts) peakiness += count * count;
    if (peakiness > bestPeakiness) {
      bestPeakiness = peakiness;
      best = { slope, sampledCounts: counts };
    }
  }
  return best;
}

const shiftOffset = (slope: number, width: number) => Math.ceil(Math.abs(slope) * width) + 1;

/** Marked pixels per sheared row (row = y − round(x × slope), offset so that rows start at 0). */
function rowCounts(marked: Uint8Array, width: number, height: number, slope: number): Uint32Array {
  const offset = shiftOffset(slope, width);
  const counts = new Uint32Array(height + 2 * offset);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) if (marked[y * width + x]) counts[y - Math.round(x * slope) + offset]! += 1;
  }
  return counts;
}

function findRules(marked: Uint8Array, width: number, height: number, slope: number): Rule[] {
  const counts = rowCounts(marked, width, height, slope);
  const offset = shiftOffset(slope, width);
  const rules: Rule[] = [];
  for (let row = 0; row < counts.length; row += 1) {
    if (counts[row]! < ruleCover * width) continue;
    let end = row;
    while (end < counts.length && counts[end]! >= ruleCover * width) end += 1;
    const rule = { from: row - offset, to: end - 1 - offset };
    if (end - row <= thickestRule(height) && longestRun(marked, width, height, slope, rule) >= ruleRun * width) rules.push(rule);
    row = end;
  }
  return rules;
}

/** The longest unbroken stretch of x along which the rule's rows hold a marked pixel: text has gaps between words. */
function longestRun(marked: Uint8Array, width: number, height: number, slope: number, rule: Rule): number {
  let longest = 0;
  let run = 0;
  for (let x = 0; x < width; x += 1) {
    const shift = Math.round(x * slope);
    let isMarked = false;
    for (let row = rule.from; row <= rule.to && !isMarked; row += 1) {
      const y = row + shift;
      isMarked = y >= 0 && y < height && marked[y * width + x] === 1;
    }
    run = isMarked ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

function isRegularFamily(rules: Rule[]): boolean {
  if (rules.length < minimumRules) return false;
  const centres = rules.map((rule) => (rule.from + rule.to) / 2);
  const spacings = centres.slice(1).map((centre, index) => centre - centres[index]!);
  const typical = [...spacings].sort((a, b) => a - b)[Math.floor(spacings.length / 2)]!;
  const regular = spacings.filter((spacing) => Math.abs(spacing - typical) <= spacingTolerance * typical).length;
  return regular >= regularShare * spacings.length;
}

function transpose<Values extends Uint8Array | Float32Array>(values: Values, width: number, height: number): Values {
  const turned = values.slice() as Values;
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) turned[x * height + y] = values[y * width + x]!;
  return turned;
}
