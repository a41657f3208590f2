/**
 * Ruled paper and form rules: long, thin, straight lines at a regular spacing, printed, not ink to keep.
 * A pen never draws several of them parallel and evenly spaced across the whole sheet, and a stamp's
 * border is at most a pair; so only a family of lines counts as ruling.
 */
import type { InkMeasure } from './ink-measure.ts';
import type { HuePeak } from './ink-solids.ts';
import { strengthAt, type InkScale } from './ink-strength.ts';
import { valueAtShare } from './value-at-share.ts';

/**
 * Rules are often paler than the ink, near the noise floor, where their strength breaks up; their
 * darkness does not. Pixels darker than this share of the floor are marked as possibly ruling.
 */
const markedFloorShare = 0.5;
/**
 * On textured or finely striped paper half the floor marks a quarter of the paper: a rule's band of
 * marked rows grows thicker than a rule, and a stripe pattern outweighs a form's few rules in the
 * slope fit. Where half the floor marks at least this share of the zone (noise alone marks about 7 %,
 * a page of print with its ruling some 15 %) and finds no rules, they are looked for again marking
 * from the floor, then from twice it.
 */
const texturedShare = 0.2;
const markedFloorShares = [markedFloorShare, 1, 2];

function markedShareInZone(darkness: Float32Array, zone: ArrayLike<number>, markedFrom: number): number {
  let inZone = 0;
  let marked = 0;
  for (let index = 0; index < darkness.length; index += 1) {
    if (zone[index] === 0) continue;
    inZone += 1;
    if (darkness[index]! >= markedFrom) marked += 1;
  }
  return inZone ? marked / inZone : 0;
}
const ruleDensityRank = 0.6;
/** Phone pictures are rarely square to the page, and a sheet may lie askew on a desk: rules are looked for up to this slope (about 27°). */
const steepestSlope = 0.5;
const slopeStep = 0.005;
const slopeFitStep = 8;
/** A rule's rows each mark this share of the zone's extent along them (the picture's, or a sheet's on a desk), and together one unbroken run this long. */
const ruleCover = 0.5;
const ruleRun = 0.25;
const thickestRule = (length: number) => 4 + 0.004 * length;
/** At least this many rules, most of their spacings within this share of the typical spacing. */
const minimumRules = 5;
const spacingTolerance = 0.15;
const regularShare = 0.7;
const closestRuleSpacing = 2.5;
/** Two families together (paper lines and a form's rows between them) are at least this close, in rule thicknesses, and this few. */
const closestMixedSpacing = 1;
const mostRulesToSplit = 80;

interface Rule {
  /** First and last sheared row of the rule, at the picture's slope. */
  from: number;
  to: number;
  /** Where along its length the rule runs (a form's column line: between the first and last row rule); the whole length without it. */
  span?: { start: number; end: number };
  /** How many pixels its most marked row marks. */
  marked?: number;
  /** The rule at its own slope (see fitOwnSlope): the rows, sheared at that slope, that are taken out. */
  own?: { slope: number; from: number; to: number };
}

/**
 * A sheet seen at an angle draws its rules converging: the far ones slope differently from the near
 * ones, by up to a few hundredths, and at the picture's slope such a rule crosses several sheared
 * rows, none of which it fills; its density, measured along the row, was the paper's, and it stayed
 * as dashes. Each rule is fitted its own slope within this of the picture's.
 */
const ownSlopeReach = 0.04;
const ownSlopeCoarseStep = 0.01;
const fitColumnStep = 2;
const ownSlopeStep = 0.0025;
const clearlyMore = 1.1;

/** A form's column line marks this share of the rows between the first and last row rule, and one unbroken run this long. */
const columnCover = 0.85;
const columnRun = 0.6;
/**
 * Column lines are looked for up to this slope either way from square to the row rules: a phone's
 * perspective leans them towards the far edge's vanishing point, the outer ones of a sheet seen at an
 * angle by 0.1–0.2 (within 0.04 only, such forms kept their outer columns and, without boxes, their labels).
 */
const columnLean = 0.2;
/** Within this of square, any column line; past it, only lines that lean apart by this much at least (see findFormColumns). */
const squareLean = 0.04;
const convergingLeans = 0.03;
const columnSampleStep = 4;
/** The rules of a form's boxes span at least this share of the zone's height (the picture's, or a sheet's on a desk). */
const formHeightShare = 0.25;
/** A form's outermost column lines are at least this share of the zone's width apart (its left and right edges); a legal pad's double margin is not. */
const formWidthShare = 0.4;
/** A form's boxes have a few columns; graph paper's squares run by the dozen. */
const mostFormColumns = 12;

/**
 * Takes ruled lines out of the strength, both ways. Optical densities of inks lying on each other add
 * up, so each rule row's typical density is subtracted: the paper under a rule becomes paper again,
 * while a stroke crossing or running along the rule keeps its own density. `rulings` are the caller's
 * (findRulings, once a picture); none leaves the strength as it is.
 */
export function removeRuledLines(strength: Uint8Array, darkness: Float32Array, scale: InkScale, width: number, height: number, rulings: Rulings | undefined): Uint8Array {
  if (!rulings) return strength;
  const { across, along, columns } = rulings;
  let density = new Float32Array(darkness.length);
  // Darkness is exactly 0 outside the zone (a desk around the sheet): a rule's typical density is
  // measured along its stretch inside the zone, which on a small sheet is a fraction of the row.
  const inZone = new Uint8Array(darkness.length);
  for (let index = 0; index < density.length; index += 1) {
    density[index] = -Math.log(Math.max(0.02, 1 - Math.max(0, darkness[index]!)));
    inZone[index] = darkness[index] !== 0 ? 1 : 0;
  }
  if (across) subtractRules(density, inZone, width, height, across);
  const turnedRulings = [along, ...(columns ?? [])].filter((ruling) => ruling !== undefined);
  if (turnedRulings.length > 0) {
    const turned = transpose(density, width, height);
    const turnedZone = transpose(inZone, width, height);
    for (const ruling of turnedRulings) subtractRules(turned, turnedZone, height, width, ruling);
    density = transpose(turned, height, width);
  }
  // Each pixel keeps the share of its strength that the rules leave of it. The strength given may be
  // more than the scale reads (a pale stamp on print, scaled by its own body): re-reading it from the
  // scale cut such a stamp back to under half opacity everywhere, on the rules and off them.
  const ruleless = new Uint8Array(strength.length);
  for (let index = 0; index < ruleless.length; index += 1) {
    const given = strength[index]!;
    if (!given) continue;
    const before = strengthAt(Math.max(0, darkness[index]!), scale, index);
    const after = strengthAt(1 - Math.exp(-density[index]!), scale, index);
    ruleless[index] = before > 0 ? Math.round((given * Math.min(before, after)) / before) : Math.min(given, after);
  }
  return ruleless;
}

export interface Ruling {
  slope: number;
  rules: Rule[];
  /** The rules as regular families (one, or the paper's lines and a form's rows); `rules` is all of them. */
  families?: Rule[][];
  /** A column line running on past the rules to the zone's edges: a ruled sheet's margin, no box's side. */
  isMargin?: boolean;
}

/** The rules found in a picture: rows, columns, and a form's column lines beside its row rules. */
export interface Rulings {
  across?: Ruling;
  along?: Ruling;
  columns?: Ruling[];
  /** Row rules with column lines from the first to the last: boxes, which carry labels. */
  isForm: boolean;
}

/**
 * `zone`: 0 off the sheet (on a desk), anything else on it. By default `darkness` itself, whose exact
 * zeros are off the sheet when the caller zeroed them there; the pipeline passes the sheet, since a
 * zero in `darkness` may also be a letter the print step took out, or a clean scan's white paper.
 */
export function findRulings(darkness: Float32Array, scale: InkScale, width: number, height: number, zone: ArrayLike<number> = darkness): Rulings | undefined {
  const extents = zoneExtents(zone, width, height);
  const shares = markedShareInZone(darkness, zone, markedFloorShare * scale.floor) >= texturedShare ? markedFloorShares : [markedFloorShare];
  for (const share of shares) {
    const markedFrom = share * scale.floor;
    const found = findRulingsMarkedFrom(darkness, markedFrom, width, height, zone, extents);
    if (!found) continue;
    if (found.across) for (const rule of found.across.rules) rule.own = fitOwnSlope(darkness, markedFrom, width, height, found.across.slope, rule);
    if (found.along) {
      const turned = transpose(darkness, width, height);
      for (const rule of found.along.rules) rule.own = fitOwnSlope(turned, markedFrom, height, width, found.along.slope, rule);
    }
    return found;
  }
  return undefined;
}

function findRulingsMarkedFrom(darkness: Float32Array, markedFrom: number, width: number, height: number, zone: ArrayLike<number>, extents: { acrossColumns: number; acrossRows: number }): Rulings | undefined {
  const across = findRuling(darkness, zone, markedFrom, width, height, false, extents.acrossColumns);
  const along = findRuling(darkness, zone, markedFrom, width, height, true, extents.acrossRows);
  if (!across && !along) return undefined;
  // A form's boxes: its row rules form a family, its few column lines do not, but they run from the
  // family's first rule to its last, which no stamp border or pen stroke does.
  // Each family is tried as the form's rows, largest first: on ruled paper the paper's lines run on
  // above and below the form, past its column lines' ends.
  // Column lines that are not boxes (a margin) are still taken out, as the largest family finds them.
  // Boxes take a good part of the zone (the sheet, on a desk), not of the whole picture.
  const zoneSize = { width: extents.acrossColumns, height: extents.acrossRows };
  if (across && along) return { across, along, isForm: isGrid(across, along, zoneSize) };
  if (!across) return { across, along, isForm: false };
  const formRows = shorterRules(across.rules);
  const rowSets = [...(across.families ?? [across.rules]), ...(formRows ? [formRows] : [])];
  const [largest, ...others] = rowSets.map((rules) => findFormColumns(darkness, zone, markedFrom, width, height, { slope: across.slope, rules }, across.rules, zoneSize.height));
  for (const columns of [largest, ...others]) if (columns && isBoxes(columns, zoneSize.width)) return { across, along, columns, isForm: true };
  return { across, along, columns: largest, isForm: false };
}

/**
 * A form printed on ruled paper with its rows at the paper's spacing, or between the paper's lines near
 * it, is found as one family with them; its rows are the rules shorter than the paper's lines (a form
 * is narrower than the sheet), all of about one length. They are tried as the form's rows after the
 * families: a form's column lines run from its first row to its last, not the paper's.
 */
const shorterRows = 0.95;
const sameLength = 0.03;
const fewestFormRows = 3;
function shorterRules(rules: Rule[]): Rule[] | undefined {
  const typical = valueAtShare(Float32Array.from(rules, (rule) => rule.marked ?? 0), 0.5);
  const shorter = rules.filter((rule) => (rule.marked ?? 0) < shorterRows * typical);
  if (shorter.length < fewestFormRows) return undefined;
  const length = valueAtShare(Float32Array.from(shorter, (rule) => rule.marked ?? 0), 0.5);
  const rows = shorter.filter((rule) => Math.abs((rule.marked ?? 0) - length) <= sameLength * length);
  return rows.length >= fewestFormRows ? rows : undefined;
}

/**
 * Row rules and column rules both in regular families: a table's boxes when the columns are few and
 * spread across the page (graph paper's squares run by the dozen), and the rows span a good part of it.
 */
function isGrid(across: Ruling, along: Ruling, zone: { width: number; height: number }): boolean {
  const extent = (rules: Rule[]) => (rules.at(-1)!.to - rules[0]!.from);
  return along.rules.length <= mostFormColumns && extent(along.rules) >= formWidthShare * zone.width && extent(across.rules) >= formHeightShare * zone.height;
}

/**
 * The colour of the row rules: darkness-weighted mean hue of their clearly inked pixels. A form's
 * labels are printed with its rules, so this is the colour its labels are looked for in (a blue or
 * green form's labels are not black).
 */
export function hueOfRules(ruling: Ruling, ink: InkMeasure, inkedFrom: number, width: number, height: number): HuePeak | undefined {
  let weight = 0;
  let redGreen = 0;
  let yellowBlue = 0;
  for (const rule of ruling.rules) {
    for (let sheared = rule.from; sheared <= rule.to; sheared += 1) {
      for (let x = 0; x < width; x += 1) {
        const y = sheared + Math.round(x * ruling.slope);
        if (y < 0 || y >= height) continue;
        const index = y * width + x;
        const value = ink.darkness[index]!;
        if (value < inkedFrom) continue;
        weight += value;
        redGreen += value * ink.redGreen[index]!;
        yellowBlue += value * ink.yellowBlue[index]!;
      }
    }
  }
  return weight > 0 ? { redGreen: redGreen / weight, yellowBlue: yellowBlue / weight } : undefined;
}

/** Rules along the rows (along the columns when `isTurned`, then in transposed coordinates), when they form a regular family. */
function findRuling(darkness: Float32Array, zone: ArrayLike<number>, markedFrom: number, width: number, height: number, isTurned: boolean, extent: number): Ruling | undefined {
  const [length, lineCount] = isTurned ? [height, width] : [width, height];
  const sample = sampleWhere(darkness, width, height, isTurned, (value) => value >= markedFrom);
  const { slope } = steepestSlopeFit(sample, length, lineCount);
  // Rules run across the zone (the sheet, when the picture has a desk around it), not the whole picture.
  const zoneSample = sampleWhere(zone, width, height, isTurned, (value) => value !== 0);
  const thickest = thickestRule(lineCount);
  // Most pictures show no regular family even in the sample: nothing more to look at.
  const zoneAcross = zoneExtentAcross(zoneSample, length);
  const sampledBands = rulesAtSlopesNear(slope, (own) => {
    const spans = own === slope ? zoneSpans(zoneSample, slope, length, lineCount, slopeFitStep) : zoneSpansOfExtents(zoneAcross, own, length, lineCount);
    const bands = thinBands(countLines(sample, own, length, lineCount).sampledCounts, coverNeeded(spans, Math.ceil(extent / slopeFitStep), ruleCover), thickest, shiftOffset(own, length));
    return withCentres(bands, own, (visit) => {
      for (let pixel = 0; pixel < sample.along.length; pixel += 1) visit(sample.along[pixel]!, sample.across[pixel]!);
    });
  });
  if (!isRegularFamily(sampledBands, thickest, false) && regularFamilies(sampledBands, thickest).length === 0) return undefined;
  const marked = new Uint8Array(darkness.length);
  const inZone = new Uint8Array(darkness.length);
  for (let index = 0; index < marked.length; index += 1) {
    marked[index] = darkness[index]! >= markedFrom ? 1 : 0;
    inZone[index] = zone[index] !== 0 ? 1 : 0;
  }
  const [lines, zoneLines] = isTurned ? [transpose(marked, width, height), transpose(inZone, width, height)] : [marked, inZone];
  // At full resolution, only at the slopes where the sample found a rule.
  const slopesWithRules = new Set([slope, ...sampledBands.map((band) => band.own!.slope)]);
  const found = rulesAtSlopesNear(slope, (own) =>
    slopesWithRules.has(own)
      ? withCentres(findRules(lines, zoneLines, length, lineCount, own, extent), own, (visit, rules) => {
          for (const rule of rules) {
            for (let along = 0; along < length; along += 1) {
              const shift = Math.round(along * own);
              for (let row = rule.from; row <= rule.to; row += 1) if (row + shift >= 0 && row + shift < lineCount && lines[(row + shift) * length + along]) visit(along, row + shift);
            }
          }
        })
      : [],
  );
  const families = regularFamilies(found, thickest);
  if (families.length === 0) return undefined;
  // Lines as long as the rules that no family took: a form's row printed between the paper's lines,
  // whose evenly spaced run the paper's family broke by taking the rows that fall on its own lines.
  // Nothing but print runs across the sheet as far as a rule does; a signature's underline is shorter.
  // Only beside a sheet's ruling (dozens of lines, not a signature block's few, where a long underline
  // or a wide stamp's edge is as long as the block's lines).
  const inFamilies = families.flat();
  const typicalLength = valueAtShare(Float32Array.from(inFamilies, (rule) => rule.marked ?? 0), 0.5);
  const isSheetRuling = Math.max(...families.map((family) => family.length)) >= fewestSheetRules;
  const alongside = isSheetRuling ? found.filter((rule) => !inFamilies.includes(rule) && (rule.marked ?? 0) >= intruderLength * typicalLength) : [];
  return { slope, rules: [...inFamilies, ...alongside].sort((a, b) => a.from - b.from), families };
}

/**
 * A sheet seen at an angle draws its rules converging: a form's few rows far apart may differ in slope
 * by 0.01-0.02 from top to bottom, and at the picture's one slope each crosses several sheared rows
 * and fills none (a tilted form's rules were not found at all, and it kept its boxes). So rules are
 * looked for at slopes either side of the picture's too; a rule found at several is taken at the
 * picture's slope unless another marks clearly more (`own`: the slope it was taken at). `from` and
 * `to` place it at the picture's slope where its marked pixels are centred, where the bands of one
 * rule found at two slopes meet (placed at the picture's middle, a form on one side of a sheet was
 * found twice over).
 */
const convergingSlopeSteps = 6;
function rulesAtSlopesNear(slope: number, rulesAt: (slope: number) => { rule: Rule; centre: number }[]): Rule[] {
  const merged: Rule[] = [];
  // The picture's slope first, then outwards either side.
  for (const step of [0, ...Array.from({ length: convergingSlopeSteps }, (_, at) => [at + 1, -(at + 1)]).flat()]) {
    const own = slope + step * slopeStep;
    for (const { rule, centre } of rulesAt(own)) {
      const shift = Math.round(centre * own) - Math.round(centre * slope);
      const atSlope: Rule = { from: rule.from + shift, to: rule.to + shift, marked: rule.marked, own: { slope: own, from: rule.from, to: rule.to } };
      // A form's row may lie a few pixels from the paper's line beside it: the same rule only where the bands meet.
      const same = merged.findIndex((other) => other.from <= atSlope.to + 1 && atSlope.from <= other.to + 1);
      if (same === -1) merged.push(atSlope);
      else if ((atSlope.marked ?? 0) > clearlyMore * (merged[same]!.marked ?? 0)) merged[same] = atSlope;
    }
  }
  return merged.sort((a, b) => a.from - b.from);
}

/** Each rule found at `slope` with the mean position along it of the marked pixels in its rows, from `visitMarked` (along, across; it may visit the rules' rows only). */
function withCentres(rules: Rule[], slope: number, visitMarked: (visit: (along: number, across: number) => void, rules: Rule[]) => void): { rule: Rule; centre: number }[] {
  if (rules.length === 0) return [];
  const first = rules[0]!.from;
  const ruleAt = new Int32Array(rules.at(-1)!.to - first + 1).fill(-1);
  rules.forEach((rule, at) => ruleAt.fill(at, rule.from - first, rule.to - first + 1));
  const sums = new Float64Array(rules.length);
  const counts = new Float64Array(rules.length);
  visitMarked((along, across) => {
    const at = ruleAt[across - Math.round(along * slope) - first] ?? -1;
    if (at === -1) return;
    sums[at]! += along;
    counts[at]! += 1;
  }, rules);
  return rules.map((rule, at) => ({ rule, centre: counts[at]! > 0 ? sums[at]! / counts[at]! : 0 }));
}

/** Where the zone lies across each sampled position along the lines: its first and last line (-1 where it is not). */
function zoneExtentAcross(zoneSample: { along: Int32Array; across: Int32Array }, length: number): { first: Int32Array; last: Int32Array } {
  const first = new Int32Array(Math.ceil(length / slopeFitStep)).fill(-1);
  const last = new Int32Array(first.length).fill(-1);
  const { along, across } = zoneSample;
  for (let pixel = 0; pixel < along.length; pixel += 1) {
    const position = Math.floor(along[pixel]! / slopeFitStep);
    if (first[position] === -1 || across[pixel]! < first[position]!) first[position] = across[pixel]!;
    last[position] = Math.max(last[position]!, across[pixel]!);
  }
  return { first, last };
}

/**
 * zoneSpans from the zone's extent across each sampled position, for the slopes either side of the
 * picture's: a sheet is convex, so a line's span is the number of positions whose extent it crosses,
 * counted with a running sum instead of visiting every sampled pixel at every slope.
 */
function zoneSpansOfExtents({ first, last }: { first: Int32Array; last: Int32Array }, slope: number, length: number, lineCount: number): Uint32Array {
  const offset = shiftOffset(slope, length);
  const changes = new Int32Array(lineCount + 2 * offset + 1);
  for (let position = 0; position < first.length; position += 1) {
    if (first[position] === -1) continue;
    const shift = Math.round(position * slopeFitStep * slope);
    changes[first[position]! - shift + offset]! += 1;
    changes[last[position]! - shift + offset + 1]! -= 1;
  }
  const spans = new Uint32Array(lineCount + 2 * offset);
  let running = 0;
  for (let line = 0; line < spans.length; line += 1) spans[line] = running += changes[line]!;
  return spans;
}

/**
 * The slope near `slope` along which the rule's marked pixels line up best, and its rows at that
 * slope. A thin rule's darkness is shared between two rows in a proportion that drifts along it when
 * the slope is off: the slope is the one whose rows hold the rule's darkness most unevenly (the sum of
 * their squares), counted on the rows the rule goes through at the middle of its marked pixels, so a
 * neighbouring rule is never taken for it. `darkness` is in the ruling's own coordinates (transposed
 * for rules along the columns); marked pixels are those at least `markedFrom`.
 */
function fitOwnSlope(darkness: Float32Array, markedFrom: number, width: number, height: number, slope: number, rule: Rule): Rule['own'] {
  const reach = Math.ceil(ownSlopeReach * width) + 2;
  const thickness = rule.to - rule.from;
  // The marked pixels a line through the rule within the reach of slopes can pass, and their darkness.
  // The rule's own marked pixels first: the pivot, and its typical darkness.
  let pivotSum = 0;
  const inRuleWeights: number[] = [];
  for (let x = 0; x < width; x += fitColumnStep) {
    const shift = Math.round(x * slope);
    for (let y = rule.from + shift; y <= rule.to + shift; y += 1) {
      if (y < 0 || y >= height || darkness[y * width + x]! < markedFrom) continue;
      pivotSum += x;
      inRuleWeights.push(darkness[y * width + x]!);
    }
  }
  if (inRuleWeights.length === 0) return undefined;
  const pivotX = Math.round(pivotSum / inRuleWeights.length);
  // Then every marked pixel that a line through the rule at the pivot within the reach of slopes
  // passes (every other column: enough to tell the slopes apart, and half the work).
  let count = 0;
  const pixels = { xs: new Int32Array(1024), ys: new Int32Array(1024), weights: new Float32Array(1024) };
  for (let x = 0; x < width; x += fitColumnStep) {
    const shift = Math.round(x * slope);
    const spread = Math.ceil(ownSlopeReach * Math.abs(x - pivotX)) + 2;
    for (let row = rule.from - spread; row <= rule.to + spread; row += 1) {
      const y = row + shift;
      if (y < 0 || y >= height) continue;
      const value = darkness[y * width + x]!;
      if (value < markedFrom) continue;
      if (count === pixels.xs.length) {
        const grown = { xs: new Int32Array(2 * count), ys: new Int32Array(2 * count), weights: new Float32Array(2 * count) };
        grown.xs.set(pixels.xs);
        grown.ys.set(pixels.ys);
        grown.weights.set(pixels.weights);
        Object.assign(pixels, grown);
      }
      pixels.xs[count] = x;
      pixels.ys[count] = y;
      pixels.weights[count++] = value;
    }
  }
  // A signature's underline or a stamp's edge along the rule is darker than the rule: each pixel weighs
  // no more than the rule's typical darkness, so only its length, not its ink, could pull the fit.
  const ruleDarkness = valueAtShare(Float32Array.from(inRuleWeights), 0.5);
  for (let pixel = 0; pixel < count; pixel += 1) pixels.weights[pixel] = Math.min(pixels.weights[pixel]!, ruleDarkness);
  // Rows are sheared as the rules are taken out (y − round(x × slope)), so that the fit judges the
  // rows that will be subtracted; they count from the row the rule's first row is at the pivot.
  const sums = new Float64Array(2 * reach + thickness + 5);
  const unevennessAt = (tried: number) => {
    const base = rule.from + Math.round(pivotX * slope) - Math.round(pivotX * tried);
    sums.fill(0);
    for (let pixel = 0; pixel < count; pixel += 1) {
      const offset = pixels.ys[pixel]! - Math.round(pixels.xs[pixel]! * tried) - base + reach;
      if (offset >= 0 && offset < sums.length) sums[offset]! += pixels.weights[pixel]!;
    }
    let unevenness = 0;
    for (let offset = reach - 2; offset <= reach + thickness + 2; offset += 1) unevenness += sums[offset]! * sums[offset]!;
    return { slope: tried, unevenness, base };
  };
  // The picture's slope first, and another only if it lines up clearly more: a rule lying exactly on
  // the picture's sheared rows is taken out row by row as before. Coarse steps, then the fine ones
  // either side of the best.
  const atSlope = unevennessAt(slope);
  let best = atSlope;
  const isBetter = (tried: { unevenness: number }) => tried.unevenness > Math.max(best.unevenness, clearlyMore * atSlope.unevenness);
  const coarse = Math.round(ownSlopeReach / ownSlopeCoarseStep);
  for (let step = -coarse; step <= coarse; step += 1) {
    const tried = unevennessAt(slope + step * ownSlopeCoarseStep);
    if (step !== 0 && isBetter(tried)) best = tried;
  }
  const around = best.slope;
  for (let step = -ownSlopeCoarseStep + ownSlopeStep; step < ownSlopeCoarseStep - 1e-9; step += ownSlopeStep) {
    const tried = unevennessAt(around + step);
    if (Math.abs(step) > 1e-9 && isBetter(tried)) best = tried;
  }
  // The rows the rule lies in at that slope: around the darkest near the pivot, those marked along at
  // least half as much of its length (an anti-aliased line's partly covered row is marked all along,
  // ink touching the rule along a third of it is not), no thicker than the rule found at the picture's
  // slope and a row either side.
  unevennessAt(best.slope);
  const markedAlong = new Uint32Array(sums.length);
  for (let pixel = 0; pixel < count; pixel += 1) {
    const offset = pixels.ys[pixel]! - Math.round(pixels.xs[pixel]! * best.slope) - best.base + reach;
    if (offset >= 0 && offset < markedAlong.length) markedAlong[offset]! += 1;
  }
  let top = reach;
  for (let offset = reach - 1; offset <= reach + thickness + 1; offset += 1) if (sums[offset]! > sums[top]!) top = offset;
  let first = top;
  let last = top;
  const thickest = thickness + 2;
  while (first > 0 && last - first < thickest && markedAlong[first - 1]! >= 0.5 * markedAlong[top]!) first -= 1;
  while (last < sums.length - 1 && last - first < thickest && markedAlong[last + 1]! >= 0.5 * markedAlong[top]!) last += 1;
  return { slope: best.slope, from: best.base - reach + first, to: best.base - reach + last };
}

/**
 * What a rule on each line must mark: `share` of the zone's length along that line. A sheet turned on
 * a desk is crossed by lines of many lengths (the picture's width is no measure of any), and a
 * keystoned sheet's far rules are shorter than its near ones. A line crossing only a corner (under
 * half the zone's extent) must still mark that share of the extent, which it cannot: a stamp's
 * straight edge there is most of such a line.
 */
function coverNeeded(spans: Uint32Array, extent: number, share: number): Float32Array {
  const needed = new Float32Array(spans.length);
  for (let line = 0; line < spans.length; line += 1) needed[line] = share * (spans[line]! >= 0.5 * extent ? spans[line]! : extent);
  return needed;
}

/**
 * The zone's length along each sheared line of a sample: from its first position in the zone to its
 * last. First to last, not a count: a sheet is convex, and an overexposed pixel is exactly as bright
 * as the paper (darkness 0) without being off the sheet.
 */
function zoneSpans(sample: { along: Int32Array; across: Int32Array }, slope: number, length: number, lineCount: number, step: number): Uint32Array {
  const shifts = new Int32Array(length);
  for (let position = 0; position < length; position += 1) shifts[position] = Math.round(position * slope);
  const offset = shiftOffset(slope, length);
  const first = new Int32Array(lineCount + 2 * offset).fill(-1);
  const last = new Int32Array(lineCount + 2 * offset);
  const { along, across } = sample;
  for (let pixel = 0; pixel < along.length; pixel += 1) {
    const line = across[pixel]! - shifts[along[pixel]!]! + offset;
    if (first[line] === -1 || along[pixel]! < first[line]!) first[line] = along[pixel]!;
    last[line] = Math.max(last[line]!, along[pixel]!);
  }
  // Spans count positions `step` apart, as the marked counts of the same sample do.
  const spans = new Uint32Array(first.length);
  for (let line = 0; line < spans.length; line += 1) if (first[line] !== -1) spans[line] = Math.floor((last[line]! - first[line]!) / step) + 1;
  return spans;
}

/**
 * The rules as regular families: all of them when they are one; otherwise each evenly spaced run
 * among them, largest first. A form printed on ruled paper has two (the paper's lines and the form's
 * rows, at another spacing), and a shadow or a stamp hides a rule of either here and there.
 */
function regularFamilies(rules: Rule[], thickest: number): Rule[][] {
  if (isRegularFamily(rules, thickest, true)) return [withoutIntruders(rules)];
  // Rows packed closer than this (JPEG's 8-pixel blocks, fine stripes), or by the hundred, are no
  // paper and form: every few of them would make a family, and the search is cubic in their number.
  if (rules.length > mostRulesToSplit || spacingsOf(rules).typical < closestMixedSpacing * thickest) return [];
  const families: Rule[][] = [];
  let rest = rules;
  for (;;) {
    const family = longestEvenRun(rest, thickest);
    if (!isRegularFamily(family, thickest, true)) return families;
    families.push(family);
    rest = rest.filter((rule) => !family.includes(rule));
  }
}

/**
 * The family without the lines lying between two of its rules where none is missing, and shorter than
 * they are: a signature's underline, a stamp's straight edge. Both spacings either side of such a line
 * are short and together make one. A rule found as two bands a few pixels apart has one short spacing,
 * and stays; so does a form's row printed between the paper's lines, nearly as long as they are.
 */
const intruderLength = 0.8;
/** A family of at least this many rules is a sheet's ruling, beside which a line as long as the rules is print. */
const fewestSheetRules = 10;
function withoutIntruders(rules: Rule[]): Rule[] {
  const { spacings } = spacingsOf(rules);
  const typicalLength = valueAtShare(Float32Array.from(rules, (rule) => rule.marked ?? 0), 0.5);
  return rules.filter((rule, index) => {
    if (index === 0 || index === rules.length - 1 || (rule.marked ?? 0) >= intruderLength * typicalLength) return true;
    const [before, after] = [spacings[index - 1]!, spacings[index]!];
    const typical = typicalAround(spacings, index);
    return !(before < 0.75 * typical && after < 0.75 * typical && isNear(before + after, typical));
  });
}

/** The most rules that follow each other at one spacing, one missing rule at a time allowed (a gap of two spacings). */
function longestEvenRun(rules: Rule[], thickest: number): Rule[] {
  const centres = rules.map((rule) => (rule.from + rule.to) / 2);
  let best: Rule[] = [];
  for (let first = 0; first < rules.length; first += 1) {
    for (let second = first + 1; second < rules.length; second += 1) {
      const spacing = centres[second]! - centres[first]!;
      if (spacing < closestRuleSpacing * thickest) continue;
      const run = [first, second];
      // The spacing followed is the last one seen: a sheet seen at an angle draws its far rules closer
      // together, a few per cent from one to the next (up to 10 % where a form's few rows are far apart
      // on a steeply seen sheet), and a run at the first spacing stopped half way.
      let followed = spacing;
      for (let next = second + 1; next < rules.length; next += 1) {
        const step = centres[next]! - centres[run.at(-1)!]!;
        const gap = [1, 2].find((count) => Math.abs(step - count * followed) <= spacingTolerance * followed);
        if (gap !== undefined) {
          run.push(next);
          followed = step / gap;
        } else if (step > 2 * followed * (1 + spacingTolerance)) break;
      }
      if (run.length > best.length) best = run.map((index) => rules[index]!);
    }
  }
  return best;
}

/**
 * Pixels of every few positions along the lines that `isKept` (marked, or in the zone), as (along,
 * across) coordinates: enough to see where the lines peak, and read row by row whichever way the lines run.
 */
function sampleWhere(values: ArrayLike<number>, width: number, height: number, isTurned: boolean, isKept: (value: number) => boolean): { along: Int32Array; across: Int32Array } {
  const [xStep, yStep] = isTurned ? [1, slopeFitStep] : [slopeFitStep, 1];
  let count = 0;
  for (let y = 0; y < height; y += yStep) for (let x = 0; x < width; x += xStep) if (isKept(values[y * width + x]!)) count += 1;
  const along = new Int32Array(count);
  const across = new Int32Array(count);
  let pixel = 0;
  for (let y = 0; y < height; y += yStep) {
    for (let x = 0; x < width; x += xStep) {
      if (!isKept(values[y * width + x]!)) continue;
      along[pixel] = isTurned ? y : x;
      across[pixel++] = isTurned ? x : y;
    }
  }
  return { along, across };
}

/**
 * Subtracts the rules from `density`. A rule rarely lies at a slope of a whole number of pixels per
 * row, nor on whole rows: it steps from one sheared row to the next along its length, its density
 * shared between two rows in a proportion that changes as it goes, and no row's typical density is
 * the rule's along all of it (taken row by row, a faint rule was left as dashes). So each row of a
 * rule's band (its rows and one either side) loses, at each position, its density over a short
 * stretch around it (a percentile a little above the median: the rule's own profile there, not a
 * crossing stroke's), but never more than the rule's density.
 */
function subtractRules(density: Float32Array, inZone: Uint8Array, width: number, height: number, { slope, rules, families }: Ruling): void {
  const bands = new Map<Rule, RuleBand>();
  for (const rule of rules) if (!rule.span) bands.set(rule, measureRuleBand(density, inZone, width, height, rule.own?.slope ?? slope, rule.own ?? rule));
  // A pen's stroke along much of a rule (a signature's underline on a form's row) raises the rule's
  // density to its own, and went with the rule. The rules of a family are printed alike, so a rule
  // denser than its family's typical one is taken out only up to that, unless its band is as dense
  // along nearly all its length (a form's row printed over one of the paper's lines). Lines as long
  // as the rules that no family took (a form's rows between the paper's lines) keep their own density.
  const typical = new Map<Rule, number>();
  for (const family of families ?? [rules]) {
    const familyDensity = valueAtShare(Float32Array.from(family.filter((rule) => bands.has(rule)), (rule) => bands.get(rule)!.density), 0.5);
    for (const rule of family) if (!typical.has(rule)) typical.set(rule, familyDensity);
  }
  // A long stroke crossing the rule at a shallow angle (an underline) can line up better than the
  // rule, and the fit follows it: a band at its own slope denser than the family's rules is the
  // stroke's, and the rule is taken out at the family's slope instead. Measured, like every band,
  // before any rule is taken out.
  for (const [rule, band] of bands) {
    const familyDensity = typical.get(rule);
    const isOwnSlope = rule.own !== undefined && rule.own.slope !== slope;
    if (isOwnSlope && familyDensity !== undefined && band.density > densityReach * familyDensity) bands.set(rule, measureRuleBand(density, inZone, width, height, slope, rule));
  }
  for (const rule of rules) {
    const band = bands.get(rule);
    if (!band) {
      subtractColumnLine(density, width, height, slope, rule, rule.span!);
      continue;
    }
    const familyDensity = typical.get(rule);
    const isDenseAlong = band.lowDensity >= band.density / densityReach;
    subtractBand(density, width, band, familyDensity === undefined || isDenseAlong ? band.density : Math.min(band.density, densityReach * familyDensity));
  }
}

/** A rule's density may be this much above its family's typical one (print and light vary a little), and its lowest tenth along it this much below its density when it is dense along nearly all of it. */
const densityReach = 1.25;
/**
 * Half the stretch along a rule over which each row's density is taken: a pen stroke crossing the
 * rule takes a small part of it, and a rule fitted its own slope drifts by a fraction of a pixel in it.
 */
const localReach = 32;

/**
 * Column lines that make boxes: a form has its left and right edges at least, far apart. A
 * notebook's margin is one line; a legal pad's double margin is two, a few millimetres apart.
 */
function isBoxes(allColumns: Ruling[], width: number): boolean {
  const columns = allColumns.filter((column) => !column.isMargin);
  const positions = columns.map(({ slope, rules: [rule] }) => (rule!.from + rule!.to) / 2 + ((rule!.span!.start + rule!.span!.end) / 2) * slope);
  return columns.length >= 2 && Math.max(...positions) - Math.min(...positions) >= formWidthShare * width;
}

interface RuleBand {
  rows: number;
  /** The band's densities, row by row (NaN off the picture and off the zone), and where each lies (−1 off the picture). */
  values: Float32Array;
  indices: Int32Array;
  /** The rule's density: of the band's darkest pixel at each position, a percentile a little above the median. */
  density: number;
  /** Of the same, the lowest tenth. */
  lowDensity: number;
}

function measureRuleBand(density: Float32Array, inZone: Uint8Array, width: number, height: number, slope: number, rule: { from: number; to: number }): RuleBand {
  const rows = rule.to - rule.from + 3;
  const values = new Float32Array(rows * width).fill(Number.NaN);
  const indices = new Int32Array(rows * width).fill(-1);
  const peaks = new Float32Array(width);
  let measured = 0;
  for (let x = 0; x < width; x += 1) {
    let peak = 0;
    // The rule's density is measured along the zone, where the rule's own rows are all in the picture
    // and one of them in the zone (a clean scan's white paper, darkness exactly 0, is out of it).
    let isInPicture = true;
    let isInZone = false;
    for (let row = 0; row < rows; row += 1) {
      const y = rule.from - 1 + row + Math.round(x * slope);
      const isOwnRow = row > 0 && row < rows - 1;
      if (y < 0 || y >= height) {
        if (isOwnRow) isInPicture = false;
        continue;
      }
      const index = y * width + x;
      indices[row * width + x] = index;
      if (!inZone[index]) continue;
      if (isOwnRow) isInZone = true;
      values[row * width + x] = density[index]!;
      peak = Math.max(peak, density[index]!);
    }
    if (isInPicture && isInZone) peaks[measured++] = peak;
  }
  const along = peaks.subarray(0, measured);
  return { rows, values, indices, density: percentile(along, ruleDensityRank), lowDensity: percentile(along, 0.1) };
}

/**
 * Each band pixel loses its row's density over a short stretch around it, never more than `cap`. The
 * stretch's density is taken every few positions and held between: it changes slowly along a rule.
 */
const localStep = 8;
function subtractBand(density: Float32Array, width: number, { rows, values, indices }: RuleBand, cap: number): void {
  const window = new Float32Array(2 * localReach + 1);
  const lost = Array.from({ length: rows }, () => new Float32Array(width));
  for (let row = 0; row < rows; row += 1) {
    const line = values.subarray(row * width, (row + 1) * width);
    for (let centre = 0; centre < width; centre += localStep) {
      const middle = Math.min(width - 1, centre + (localStep >> 1));
      let count = 0;
      for (let near = Math.max(0, middle - localReach); near <= Math.min(width - 1, middle + localReach); near += 1) if (!Number.isNaN(line[near]!)) window[count++] = line[near]!;
      const stretch = count > 0 ? Math.min(cap, valueAtShare(window.subarray(0, count), ruleDensityRank)) : 0;
      lost[row]!.fill(stretch, centre, Math.min(width, centre + localStep));
    }
  }
  // The rows either side of the rule's own lose only where the rule has drifted into them, its own
  // row beside them holding under half its density there: elsewhere what lies along them is ink
  // touching the rule (a stamp's border, a letter), which keeps all it has.
  for (const [edge, beside] of [[0, 1], [rows - 1, rows - 2]] as const) {
    for (let x = 0; x < width; x += 1) if (lost[beside]![x]! >= 0.5 * cap) lost[edge]![x] = 0;
  }
  for (let row = 0; row < rows; row += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = indices[row * width + x]!;
      if (index >= 0) density[index] = Math.max(0, density[index]! - lost[row]![x]!);
    }
  }
}

/**
 * A form's column line is short (the boxes' height), crossed by a row rule every box, and leans at a
 * slope that is not a whole number of pixels per row: its density is taken across the band, at each
 * position the band's darkest pixel, and of those a percentile a little below the median (the line's
 * own peak, not the crossings' that raise some, nor the gaps' that lower others); every band pixel
 * loses up to that much.
 */
function subtractColumnLine(density: Float32Array, width: number, height: number, slope: number, rule: Rule, span: { start: number; end: number }): void {
  const peaks = new Float32Array(span.end - span.start);
  const band = (x: number, visit: (index: number) => void) => {
    for (let sheared = rule.from - 1; sheared <= rule.to + 1; sheared += 1) {
      const y = sheared + Math.round(x * slope);
      if (y >= 0 && y < height) visit(y * width + x);
    }
  };
  for (let x = span.start; x < span.end; x += 1) band(x, (index) => (peaks[x - span.start] = Math.max(peaks[x - span.start]!, density[index]!)));
  const lineDensity = percentile(peaks, 1 - ruleDensityRank);
  for (let x = span.start; x < span.end; x += 1) band(x, (index) => (density[index] = Math.max(0, density[index]! - lineDensity)));
}

/**
 * A form's column lines, in transposed coordinates (rows of the turned picture are the picture's
 * columns): thin lines, at a lean near square to the row rules, that mark most of the rows between
 * the family's first and last rule in one long run. Each lean is tried, since a phone's perspective
 * leans each column its own way; where several leans find one line, the one marking most is kept.
 */
function findFormColumns(darkness: Float32Array, zone: ArrayLike<number>, markedFrom: number, width: number, height: number, rows: Ruling, allRules: Rule[], zoneHeight: number): Ruling[] | undefined {
  const first = rows.rules[0]!;
  const last = rows.rules.at(-1)!;
  // A form's boxes take a good part of the page; a short block of rules (a signature block's lines)
  // is not boxes, and a stamp's frame can be as tall as it.
  if (last.to - first.from < formHeightShare * zoneHeight) return undefined;
  const thickest = thickestRule(width);
  const isMarked = (x: number, y: number) => x >= 0 && x < width && darkness[y * width + x]! >= markedFrom;
  // Past the rules, only what is darker than the noise floor: marked pixels are half of it, so paper noise marks many.
  const isInked = (x: number, y: number) => x >= 0 && x < width && darkness[y * width + x]! >= markedFrom / markedFloorShare;
  /** The column's rows between the first and last rule, where it crosses them. */
  const spanOf = (column: number) => ({
    start: Math.max(0, first.from + Math.round(column * rows.slope)),
    end: Math.min(height, last.to + 1 + Math.round(column * rows.slope)),
  });
  // Rows on a rule (of any family) mark every column that crosses them: they are left out of a
  // column's count, or a pen's downstroke across closely ruled paper passes for a column line.
  const ruleOffset = shiftOffset(rows.slope, width);
  const onRule = new Uint8Array(height + 2 * ruleOffset + 2);
  for (const rule of allRules) for (let row = rule.from - 1; row <= rule.to + 1; row += 1) if (row + ruleOffset >= 0 && row + ruleOffset < onRule.length) onRule[row + ruleOffset] = 1;
  const isOnRule = (x: number, y: number) => onRule[y - Math.round(x * rows.slope) + ruleOffset] === 1;
  /** Rows of the span off the rules, and how many of them the column marks. */
  const markedAlong = (column: number, lean: number, rowsOf: { start: number; end: number }, step: number) => {
    let marked = 0;
    let counted = 0;
    for (let y = rowsOf.start; y < rowsOf.end; y += step) {
      const x = column + Math.round(y * lean);
      if (isOnRule(x, y)) continue;
      counted += 1;
      if (isMarkedNear(isMarked, x, y)) marked += 1;
    }
    return { marked, counted };
  };
  const found: { slope: number; rule: Rule; cover: number; isBeyond: boolean }[] = [];
  // How far past the first and last rule a column line is looked at: one that runs on is no box's side.
  const reach = Math.max(6, Math.ceil(3 * thickest));
  // In the turned picture a column x = c + y × lean; square to rules y = r + x × slope is lean = −slope.
  // Each lean is first counted on every few rows (a big photo has millions of pixels in the boxes),
  // then its candidates at full resolution. The sampled rows' marks (marked or beside a marked pixel,
  // off the rules) are listed once and projected along each lean: 81 leans cost the marks' number
  // each, not the boxes' area.
  const widest = shiftOffset(columnLean + Math.abs(rows.slope), height);
  const rowsFrom = Math.max(0, Math.min(spanOf(-widest).start, spanOf(width + widest).start));
  const rowsTo = Math.min(height, Math.max(spanOf(-widest).end, spanOf(width + widest).end));
  // Counted first, then listed in a typed array: a noisy 6000 × 4000 page marks millions of them.
  const isMark = (x: number, y: number) => !isOnRule(x, y) && isMarkedNear(isMarked, x, y);
  let markCount = 0;
  for (let y = rowsFrom; y < rowsTo; y += columnSampleStep) for (let x = 0; x < width; x += 1) if (isMark(x, y)) markCount += 1;
  const marks = new Int32Array(2 * markCount);
  let listed = 0;
  for (let y = rowsFrom; y < rowsTo; y += columnSampleStep) {
    for (let x = 0; x < width; x += 1) {
      if (!isMark(x, y)) continue;
      marks[listed++] = x;
      marks[listed++] = y;
    }
  }
  // A column crosses each rule between the first and last square to it, over the rule's rows and one
  // either side (isOnRule): those rows are not counted, as above.
  let ruleRows = 0;
  for (const rule of allRules) if (rule.from >= first.from && rule.to <= last.to) ruleRows += rule.to - rule.from + 3;
  const countedIn = (start: number, end: number) => Math.max(0, Math.ceil((end - rowsFrom) / columnSampleStep) - Math.ceil((start - rowsFrom) / columnSampleStep) - ruleRows / columnSampleStep);
  for (let lean = -rows.slope - columnLean; lean <= -rows.slope + columnLean + 1e-9; lean += slopeStep) {
    const offset = shiftOffset(lean, height);
    const sampled = new Uint32Array(width + 2 * offset);
    const sampledCover = new Float32Array(width + 2 * offset);
    for (let mark = 0; mark < marks.length; mark += 2) {
      const y = marks[mark + 1]!;
      const column = marks[mark]! - Math.round(y * lean);
      if (column < -offset || column >= width + offset) continue;
      const shift = Math.round(column * rows.slope);
      if (y >= first.from + shift && y < last.to + 1 + shift) sampled[column + offset]! += 1;
    }
    for (let column = -offset; column < width + offset; column += 1) {
      const span = spanOf(column);
      sampledCover[column + offset] = columnCover * countedIn(span.start, span.end);
    }
    for (let column = 0; column < sampled.length; column += 1) {
      if (sampledCover[column]! <= 0 || sampled[column]! < sampledCover[column]!) continue;
      let end = column;
      while (end < sampled.length && sampledCover[end]! > 0 && sampled[end]! >= sampledCover[end]!) end += 1;
      const band = { from: column - offset, to: end - 1 - offset };
      column = end;
      if (band.to - band.from + 1 > thickest) continue;
      const middle = Math.round((band.from + band.to) / 2);
      const span = spanOf(middle);
      const length = span.end - span.start;
      let markedShare = 0;
      for (let each = band.from; each <= band.to; each += 1) {
        const along = markedAlong(each, lean, span, 1);
        markedShare = Math.max(markedShare, along.marked / Math.max(1, along.counted));
      }
      if (markedShare < columnCover) continue;
      if (longestColumnRun(isMarked, middle, lean, span) < columnRun * length) continue;
      // Neighbouring leans all pass with the sideways tolerance; the true lean keeps the line inside the band itself.
      let inBand = 0;
      for (let y = span.start; y < span.end; y += 1) {
        for (let each = band.from; each <= band.to; each += 1) {
          if (isMarked(each + Math.round(y * lean), y)) {
            inBand += 1;
            break;
          }
        }
      }
      // Judged once the line's own lean is known (below): a stamp frame's side, crossed at a lean a
      // little off its own, passes the counts above, yet leaves the side before it runs on past the rules.
      const isBeyond = runsBeyondRules(isInked, middle, lean, span, height, reach);
      found.push({ slope: lean, rule: { ...band, span }, cover: inBand / length, isBeyond });
    }
  }
  // One line seen at neighbouring leans: keep the lean that marks most of it.
  found.sort((a, b) => b.cover - a.cover);
  const kept: typeof found = [];
  // A line runs on past the rules when any lean that finds it sees so: many leans mark a straight
  // stroke fully, and the first of them crosses it diagonally, leaving it just at the first and last rule.
  for (const line of found) {
    const at = (each: typeof line, y: number) => (each.rule.from + each.rule.to) / 2 + y * each.slope;
    const middleRow = (line.rule.span!.start + line.rule.span!.end) / 2;
    const same = kept.find((other) => Math.abs(at(other, middleRow) - at(line, middleRow)) <= thickest + 2);
    if (same) same.isBeyond ||= line.isBeyond;
    else kept.push({ ...line });
  }
  const columns = kept.flatMap((line): Ruling[] => {
    if (!line.isBeyond) return [{ slope: line.slope, rules: [line.rule] }];
    const edgeToEdge = spanToZoneEdges(zone, isMarked, width, height, Math.round((line.rule.from + line.rule.to) / 2), line.slope, line.rule.span!, reach);
    return edgeToEdge ? [{ slope: line.slope, rules: [{ ...line.rule, span: edgeToEdge }], isMargin: true }] : [];
  });
  // Perspective leans a form's columns towards a vanishing point, each by its own amount. Several
  // lines all leaning alike, well off square, are a shear no camera makes: a rectangular stamp's
  // sides, turned with it over a block of rules. Those keep to the old limit (0.04 of square). A lone
  // line (a notebook's margin on a sheet seen at an angle) is judged by its ends alone.
  const sideLeans = columns.filter((column) => !column.isMargin).map((column) => column.slope + rows.slope);
  const isConverging = sideLeans.length < 2 || Math.max(...sideLeans) - Math.min(...sideLeans) >= convergingLeans;
  const columnLines = columns.filter((column) => column.isMargin || isConverging || Math.abs(column.slope + rows.slope) <= squareLean);
  return columnLines.length > 0 ? columnLines : undefined;
}

/**
 * The rows a line runs over when, past the rules, it runs on to the zone's edge at both ends (the
 * sheet's, or the picture's), near one of the zone's sides: a ruled sheet's margin, printed edge to
 * edge in the outer part of the page. A stamp frame's side or a pen's downstroke ends on the paper; a
 * pen's line across the whole page runs down its middle. Gaps of up to `gap` rows are crossed (noise,
 * a shadow's edge). The zone's ends along the line are its first and last pixel in the zone there: a
 * clipped white pixel (darkness exactly 0) inside the sheet is not its edge.
 */
const marginSide = 0.25;
function spanToZoneEdges(zone: ArrayLike<number>, isMarked: (x: number, y: number) => boolean, width: number, height: number, column: number, lean: number, span: { start: number; end: number }, gap: number): { start: number; end: number } | undefined {
  const xAt = (y: number) => column + Math.round(y * lean);
  const isInZone = (x: number, y: number) => x >= 0 && x < width && zone[y * width + x] !== 0;
  let zoneFirst = -1;
  let zoneLast = -1;
  for (let y = 0; y < height; y += 1) {
    if (!isMarkedNear(isInZone, xAt(y), y)) continue;
    if (zoneFirst === -1) zoneFirst = y;
    zoneLast = y;
  }
  if (zoneFirst === -1) return undefined;
  const middle = Math.round((span.start + span.end) / 2);
  let rowFirst = -1;
  let rowLast = -1;
  for (let x = 0; x < width; x += 1) {
    if (!isInZone(x, middle)) continue;
    if (rowFirst === -1) rowFirst = x;
    rowLast = x;
  }
  const across = xAt(middle);
  const isNearSide = Math.min(across - rowFirst, rowLast - across) <= marginSide * (rowLast - rowFirst);
  if (!isNearSide) return undefined;
  /** The last marked row of the line going `step` from `from`, gaps of up to `gap` rows crossed. */
  const endFrom = (from: number, step: number): number => {
    let last = from;
    for (let y = from; y >= zoneFirst && y <= zoneLast && Math.abs(y - last) <= gap; y += step) if (isMarkedNear(isMarked, xAt(y), y)) last = y;
    return last;
  };
  const start = endFrom(span.start, -1);
  const end = endFrom(span.end - 1, 1);
  return start - zoneFirst <= gap && zoneLast - end <= gap ? { start, end: end + 1 } : undefined;
}

function longestColumnRun(isMarked: (x: number, y: number) => boolean, column: number, lean: number, span: { start: number; end: number }): number {
  let longest = 0;
  let run = 0;
  for (let y = span.start; y < span.end; y += 1) {
    run = isMarkedNear(isMarked, column + Math.round(y * lean), y) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Marked at x or a pixel either side: a leaning line steps sideways between whole pixels. */
function isMarkedNear(isMarked: (x: number, y: number) => boolean, x: number, y: number): boolean {
  return isMarked(x - 1, y) || isMarked(x, y) || isMarked(x + 1, y);
}

/**
 * A form's column line ends on its first and last rule; a stamp's frame, a margin or a pen stroke
 * that happens to reach both runs on beyond them. Looked at over `reach` rows past each end.
 */
function runsBeyondRules(isInked: (x: number, y: number) => boolean, column: number, lean: number, span: { start: number; end: number }, height: number, reach: number): boolean {
  const markedShare = (from: number, to: number) => {
    let marked = 0;
    let rows = 0;
    for (let y = Math.max(0, from); y < Math.min(height, to); y += 1) {
      rows += 1;
      if (isMarkedNear(isInked, column + Math.round(y * lean), y)) marked += 1;
    }
    return rows ? marked / rows : 0;
  };
  return markedShare(span.start - reach, span.start - 1) >= 0.5 || markedShare(span.end + 1, span.end + reach) >= 0.5;
}

function percentile(values: Float32Array, rank: number): number {
  if (values.length === 0) return 0;
  return valueAtShare(Float32Array.from(values), rank);
}

/** The slope at which the sampled lines' counts peak most sharply (rules line up with lines there), and those counts. */
function steepestSlopeFit(sample: { along: Int32Array; across: Int32Array }, length: number, lineCount: number): { slope: number; sampledCounts: Uint32Array } {
  let best: { slope: number; sampledCounts: Uint32Array; peakiness: number } = { slope: 0, sampledCounts: new Uint32Array(0), peakiness: -1 };
  const tryAt = (slope: number) => {
    const tried = countLines(sample, slope, length, lineCount);
    if (tried.peakiness > best.peakiness) best = { slope, ...tried };
  };
  // Coarse steps first, then the half steps either side of the best: a rule between two steps still
  // peaks (spread over a few lines) at the nearer one.
  for (let slope = -steepestSlope; slope <= steepestSlope + 1e-9; slope += 2 * slopeStep) tryAt(slope);
  const coarse = best.slope;
  tryAt(coarse - slopeStep);
  tryAt(coarse + slopeStep);
  return best;
}

/** Sampled pixels per sheared line (line = across − round(along × slope), offset so that lines start at 0), and the sum of their squares. */
function countLines(sample: { along: Int32Array; across: Int32Array }, slope: number, length: number, lineCount: number): { sampledCounts: Uint32Array; peakiness: number } {
  const shifts = new Int32Array(length);
  for (let position = 0; position < length; position += 1) shifts[position] = Math.round(position * slope);
  const offset = shiftOffset(slope, length);
  const sampledCounts = new Uint32Array(lineCount + 2 * offset);
  const { along, across } = sample;
  for (let pixel = 0; pixel < along.length; pixel += 1) sampledCounts[across[pixel]! - shifts[along[pixel]!]! + offset]! += 1;
  let peakiness = 0;
  for (let line = 0; line < sampledCounts.length; line += 1) peakiness += sampledCounts[line]! * sampledCounts[line]!;
  return { sampledCounts, peakiness };
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

function findRules(marked: Uint8Array, inZone: Uint8Array, width: number, height: number, slope: number, extent: number): Rule[] {
  const spans = rowSpans(inZone, width, height, slope);
  const candidates = thinBands(rowCounts(marked, width, height, slope), coverNeeded(spans, extent, ruleCover), thickestRule(height), shiftOffset(slope, width));
  const offset = shiftOffset(slope, width);
  const runNeeded = coverNeeded(spans, extent, ruleRun);
  return candidates.filter((rule) => longestRun(marked, width, height, slope, rule) >= Math.max(...Array.from(runNeeded.subarray(rule.from + offset, rule.to + offset + 1))));
}

/** The zone's span along each sheared row, first pixel to last (see zoneSpans). */
function rowSpans(inZone: Uint8Array, width: number, height: number, slope: number): Uint32Array {
  const offset = shiftOffset(slope, width);
  const first = new Int32Array(height + 2 * offset).fill(-1);
  const last = new Int32Array(height + 2 * offset);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!inZone[y * width + x]) continue;
      const row = y - Math.round(x * slope) + offset;
      if (first[row] === -1 || x < first[row]!) first[row] = x;
      last[row] = Math.max(last[row]!, x);
    }
  }
  const spans = new Uint32Array(first.length);
  for (let row = 0; row < spans.length; row += 1) if (first[row] !== -1) spans[row] = last[row]! - first[row]! + 1;
  return spans;
}

/**
 * How far the zone reaches along rows (columns holding any of it) and along columns (rows holding any
 * of it); `zone` is exactly 0 outside it. The whole picture when nothing is outside.
 */
function zoneExtents(zone: ArrayLike<number>, width: number, height: number): { acrossColumns: number; acrossRows: number } {
  const columnInZone = new Uint8Array(width);
  let acrossRows = 0;
  for (let y = 0; y < height; y += 1) {
    let isRowInZone = false;
    for (let x = 0, index = y * width; x < width; x += 1, index += 1) {
      if (zone[index] === 0) continue;
      columnInZone[x] = 1;
      isRowInZone = true;
    }
    if (isRowInZone) acrossRows += 1;
  }
  let acrossColumns = 0;
  for (let x = 0; x < width; x += 1) acrossColumns += columnInZone[x]!;
  return { acrossColumns: acrossColumns || width, acrossRows: acrossRows || height };
}

/**
 * Runs of consecutive rows each counting at least its `cover`, in picture rows, whose core is no
 * thicker than `thickest`: the rows counting at least `coreShare` of the run's peak. A blurred rule's
 * edge rows count less than its middle ones but may pass the cover, the more so where the cover is a
 * share of a short line; measured there, a blurred rule was too thick to be one.
 */
const coreShare = 0.75;
function thinBands(counts: Uint32Array, cover: Float32Array, thickest: number, offset: number): Rule[] {
  const bands: Rule[] = [];
  for (let row = 0; row < counts.length; row += 1) {
    if (counts[row]! < cover[row]!) continue;
    let end = row;
    let peak = 0;
    for (; end < counts.length && counts[end]! >= cover[end]!; end += 1) peak = Math.max(peak, counts[end]!);
    let core = 0;
    for (let each = row; each < end; each += 1) if (counts[each]! >= coreShare * peak) core += 1;
    if (core <= thickest) bands.push({ from: row - offset, to: end - 1 - offset, marked: peak });
    row = end;
  }
  return bands;
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

/**
 * At least `minimumRules` rules evenly spaced, well apart for their thickness (JPEG's 8-pixel blocks
 * leave thin, evenly spaced rows too). `isStrict`: most spacings regular, each near the spacings
 * around it (see typicalAround); otherwise it is enough that many rules have a neighbour at the
 * typical spacing (thin intruders in a sample split some spacings).
 */
function isRegularFamily(rules: Rule[], thickest: number, isStrict: boolean): boolean {
  if (rules.length < minimumRules) return false;
  const { centres, spacings, typical } = spacingsOf(rules);
  if (typical < closestRuleSpacing * thickest) return false;
  const isTypical = (spacing: number) => isNear(spacing, typical);
  if (isStrict) {
    const isRegular = (isSpacingRegular: (spacing: number, index: number) => boolean) => spacings.filter(isSpacingRegular).length >= regularShare * spacings.length;
    return isRegular(isTypical) || isRegular((spacing, index) => isNear(spacing, typicalAround(spacings, index)));
  }
  return centres.filter((centre) => centres.some((other) => isTypical(Math.abs(other - centre)))).length >= minimumRules;
}

const isNear = (spacing: number, typical: number) => Math.abs(spacing - typical) <= spacingTolerance * typical;

/**
 * The median of the spacings nearest `index` (two either side). A sheet seen at an angle draws its far
 * rules closer, a few per cent from each to the next: over twenty rules the spacing grows by half,
 * and measured against one median for all, its first and last few were irregular.
 */
function typicalAround(spacings: number[], index: number): number {
  const near = spacings.slice(Math.max(0, index - 2), index + 3).sort((a, b) => a - b);
  return near[Math.floor(near.length / 2)]!;
}

/** The rules' centres, the spacings between neighbours, and the median spacing (0 with fewer than two rules). */
function spacingsOf(rules: Rule[]): { centres: number[]; spacings: number[]; typical: number } {
  const centres = rules.map((rule) => (rule.from + rule.to) / 2);
  const spacings = centres.slice(1).map((centre, index) => centre - centres[index]!);
  return { centres, spacings, typical: [...spacings].sort((a, b) => a - b)[Math.floor(spacings.length / 2)] ?? 0 };
}

function transpose<Values extends Uint8Array | Float32Array>(values: Values, width: number, height: number): Values {
  const turned = values.slice() as Values;
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) turned[x * height + y] = values[y * width + x]!;
  return turned;
}
