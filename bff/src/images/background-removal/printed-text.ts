import { weighHueAround, type InkMeasure } from './ink-measure.ts';
import { findHuePeaks, nearestHuePeak, type HuePeak } from './ink-solids.ts';
import { lowestSolid, strengthAt, type InkScale } from './ink-strength.ts';
import { countSet, distanceToMask, growMask, invertMask, keepComponents, labelComponents, maskAtLeast, shrinkMask, type Box, type Component, type Mask } from './masks.ts';
import { valueAtShare } from './value-at-share.ts';

/** What the picture says about printed text under the stamp or signature. */
export interface PrintedTextFinding {
  isPresent: boolean;
  /** Glyph-sized neutral components found (letters, digits, short words). */
  glyphCount: number;
  /** Median glyph height in pixels, 0 without glyphs. */
  glyphHeight: number;
  /** Some ink other than the print was found and kept (coloured, or thicker than the print). */
  hasKeptInk: boolean;
}

// Pixels this strong are judged by colour and shape; weaker ones follow the nearest judged pixel.
const coreStrength = 64;
/** Hue distance (opponent axes over darkness) within which ink counts as the colour of the print. */
const printHueRadius = 0.105;
/** Another hue peak this close to the print's is the same print's (its spread), not a second ink. */
const nextToPrintHue = 2 * printHueRadius;
/** Cells across and down a grid over the print; another hue's glyphs must fill this share of the print's cells. */
const printGrid = 5;
const throughoutPrint = 0.6;
const hueWindowRadius = 2;
/**
 * The print's colour is looked for this close to neutral (black or grey toner, maybe tinted by the
 * paper or the camera), as a peak that holds a fair share of the strong ink: a page of text is a lot
 * of ink, and the pale tail of a coloured stamp's hue must not pass for it.
 */
const printHueLimit = 0.16;
/**
 * On strongly coloured paper (a tungsten lamp's orange) black print does not measure neutral: the
 * paper's weakest channel is dark and noisy, and JPEG's half-resolution colour lends thin letters the
 * paper's tint. Beyond the tint of cream or pale tinted paper, the search reaches further and the
 * print's hue is taken to spread wider, by these amounts per unit of tint.
 */
const ordinaryPaperTint = 0.2;
const printHueLimitPerTint = 0.9;
const printHueSpreadPerTint = 0.45;
const hueBinSize = 0.02;
const minimumPrintShare = 0.12;
/** Coloured hues tried as the print's, strongest first, when no neutral print is found. */
const colouredPrintCandidates = 2;
// A printed page gives hundreds of glyphs of one height; a stamp's own lettering (even a black stamp's)
// gives a few dozen, and a signature a handful of strokes.
const minimumGlyphs = 80;
/**
 * A coloured hue is print only with more glyphs: it is also the colour of the stamp, whose lettering,
 * broken up by a dry pad, noise or a thin face, gives 80–160 glyph-sized pieces of one height. A
 * coloured form's page of text gives hundreds.
 */
const fewestColouredGlyphs = 200;
/**
 * Of the glyph-shaped pieces, this share must be of the one height (a black stamp's own lettering,
 * broken up by a dry pad or noise, is a third of its pieces). Not half: in a real face lowercase letters
 * stand below 0.6 of the capitals' height, and dots and broken strokes lower still. Pages of text at
 * 5-6 px held 0.43-0.46 of one height and were kept whole as ink; a form's few labels in mixed case
 * ("Invoice No.", "Gross weight"), 0.48, and stayed (seed 11 r0074, a ruled form: IoU 0.12).
 */
const minimumShareOfOneHeight = 0.4;
/** Less solid ink than this left after removing the print means nothing but print was recognised. */
const minimumKeptShare = 0.001;
/**
 * A print-coloured component this many glyph heights high spans several text lines (their pitch is
 * about 1.5 glyph heights); one this many glyph heights wide is longer than any printed word.
 */
const strokeLines = 3;
const strokeWords = 15;
/** A core this many glyph heights long runs on beyond any letter (a pen's stroke). */
const longStrokeGlyphs = 2.5;
/** A core clearly thicker than the print's is a bold letter from one glyph height long (not a speck). */
const boldLetterGlyphs = 1;
/**
 * A band of text has a spread across it of about a third of a glyph height (two lines run together,
 * under 0.8); a ring of radius r, r / √2, and half a ring 0.3 r: shapes from this spread on.
 */
const bandSpread = 0.8;
/** A print-coloured shape more than half kept already is left as it is. */
const mostlyKept = 0.5;
/** Shapes beyond text are at most this share of the print, or none is. */
const mostShapesOfPrint = 0.3;
/** A stamp's lettering is at most this many glyph-sized pieces; more inside a kept shape's box are text under a signature. */
const mostStampLetters = 80;
/** Glyphs within this share of a glyph height of a glyph's line, and this many glyph heights along it, are on its line. */
const sameLine = 0.35;
const lineReach = 8;
/** A stamp's letters are at least this share of the print's glyph height. */
const smallestLetter = 0.5;
/** A glyph with fewer glyphs along its line than this share of the typical glyph's is on no printed line. */
const fewestLineMates = 0.35;
/** Kept shapes' boxes grow by this many glyph heights: a ring's arcs join, and its letters lie within. */
const frameMargin = 1.5;
/** The text's direction, from nearest neighbours in 5° bins; the peak must hold this share of them. */
const directionBins = 36;
const clearDirectionShare = 0.25;
/** A pale ink's body: this percentile of its darkness away from the print, from this many pixels. */
const paleBodyPercentile = 0.75;
const fewestPalePixels = 200;
/** A cell of the grid over the print holds the pale ink when it has this share of its pixels. */
const heldCellShare = 0.02;
/** A kept ink whose body is below this share of its solid is pale, and is scaled by its body. */
const clearlyPaler = 0.7;
/**
 * Of the coloured ink away from the print, a hue must hold this share to be an ink of its own; one
 * this much less saturated than a stronger hue, and within this angle of it, is that hue's fringe.
 */
const smallestPaleShare = 0.1;
const dilutedChroma = 0.75;
const sameHueAngle = Math.PI / 4;

/**
 * Finds printed text (neutral glyphs of one size, by the hundred) and sets its strength to 0, keeping:
 * coloured ink (stamps, blue pens), neutral strokes clearly thicker than the print's (a black signature
 * across the text), and the print where a coloured stroke crosses it (the stamp is on top there).
 */
export function removePrintedText(
  size: { width: number; height: number },
  ink: InkMeasure,
  strength: Uint8Array,
  scale: InkScale,
  paperTint: number,
  /**
   * What counts as print: `fewestGlyphs` of one height (a form's labels are far fewer than a page's
   * text), and whether a coloured hue is tried when no neutral print is found.
   */
  {
    fewestGlyphs,
    triesColouredPrint,
    labelHue,
    inLabelColumns = false,
  }: {
    fewestGlyphs: number;
    triesColouredPrint: boolean;
    labelHue?: HuePeak;
    /** Only glyphs in columns of label lines count (see glyphsInLabelColumns), of any hue: a form whose boxes were not found. */
    inLabelColumns?: boolean;
  } = { fewestGlyphs: minimumGlyphs, triesColouredPrint: true },
): { strength: Uint8Array; finding: PrintedTextFinding } {
  const { width, height } = size;
  const core = maskAtLeast(strength, coreStrength, size);
  const strongTint = Math.max(0, paperTint - ordinaryPaperTint);
  const hueSpread = printHueSpreadPerTint * strongTint;
  const longSide = Math.max(width, height);
  // Black or grey toner first; then a coloured print (a blue or green form's text), from the strongest
  // other hue: whichever gives glyphs of one size by the hundred. Lazily: most pictures stop at the
  // first, and the smoothed hue is made only for a candidate.
  const neutralLimit = printHueLimit + printHueLimitPerTint * strongTint;
  const neutral = findPrintHue(ink, core, neutralLimit, hueSpread);
  // A noisy photo scatters black print's hue over more than the neutral peak's window holds, and the
  // print is then found among the hue peaks: one that lies within the neutral limit is black print all
  // the same, needing no more glyphs than black print does (a blurred page's 160, run into words, are
  // fewer than a coloured print needs: seed 211 r0016).
  const isNeutral = (peak: HuePeak) => Math.hypot(peak.redGreen, peak.yellowBlue) <= neutralLimit;
  function* candidates() {
    if (neutral) yield { ...neutral, fewest: fewestGlyphs };
    if (labelHue && (!neutral || isApartFrom(neutral)(labelHue))) yield { ...labelHue, fewest: fewestGlyphs, isLabelHue: true };
    // Columns of label lines are no stamp's lettering, whatever their colour: a blue form's labels are blue.
    if (triesColouredPrint || inLabelColumns) for (const coloured of colouredHues(ink, core, neutral)) yield { ...coloured, fewest: inLabelColumns || isNeutral(coloured) ? fewestGlyphs : Math.max(fewestGlyphs, fewestColouredGlyphs) };
  }
  let hue: ReturnType<typeof smoothHue> | undefined;
  let finding: PrintedTextFinding = { isPresent: false, glyphCount: 0, glyphHeight: 0, hasKeptInk: true };
  let found: ReturnType<typeof glyphsOfHue> | undefined;
  let foundHue: (HuePeak & { fewest: number; isLabelHue?: boolean }) | undefined;
  for (const printHue of candidates()) {
    hue ??= smoothHue(core, ink);
    found = glyphsOfHue(core, hue, printHue, printHueRadius + hueSpread, longSide, printHue.fewest);
    if (inLabelColumns) found = glyphsInLabelColumns(found, longSide, printHue.fewest);
    finding = found.finding;
    foundHue = printHue;
    if (finding.isPresent) break;
  }
  if (!found || !finding.isPresent) return { strength, finding };
  // A page's print may spread over several hues; a form's few labels are taken as found.
  const isPage = fewestGlyphs >= minimumGlyphs;
  // Labels in the colour of the form's rules: only the glyphs of their height go, since a stamp of
  // the form's colour (a blue stamp on a blue form) has frames and larger lettering of that hue too.
  const print = isPage ? withPrintOfOtherHues(found, foundHue!, core, hue!, longSide) : foundHue!.isLabelHue ? glyphsOnly(found, longSide) : found;
  const { printCore, labels, components, glyphs, glyphHeight } = print;

  // Stroke half-widths: distance from each print pixel to the nearest pixel outside the print.
  const depth = distanceToMask(invertMask(printCore));
  const glyphLabels = new Set(glyphs.map((glyph) => components.indexOf(glyph) + 1));
  const deepestPerLabel = new Float32Array(components.length + 1);
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index]!;
    if (label && depth[index]! > deepestPerLabel[label]!) deepestPerLabel[label] = depth[index]!;
  }
  const printHalfWidth = median([...glyphLabels].map((label) => deepestPerLabel[label]!));
  const thickFrom = Math.max(printHalfWidth * 1.8, printHalfWidth + 1.5);

  // A signature's thick core runs on far beyond one glyph; a bold letter's stays within its box.
  const thickStrokes = longStrokesFrom(printCore, depth, thickFrom, glyphHeight);

  const colouredCore = keepColouredStrokes(core, printCore, glyphHeight);
  const crossingRadius = printHalfWidth + 1.5;
  const crossings = intersect(shrinkMask(growMask(colouredCore, crossingRadius), crossingRadius), printCore);

  const keptZone = growMask(union(union(colouredCore, thickStrokes), crossings), 2);
  const thickZone = growMask(thickStrokes, 2);
  const besidePrint = growMask(printCore, 2);
  const colouredDarknessAt = unmixColouredInk(ink, printCore, colouredCore);
  const pale = paleColouredInk(ink.darkness, hue!, colouredCore, besidePrint, scale, glyphs);
  // Pale pixels away from any kept stroke are the print's blurred edges and broken strokes, not ink.
  // Beside and under the print, only the coloured ink's share of the darkness counts; elsewhere all of it.
  const cleaned = new Uint8Array(strength.length);
  for (let index = 0; index < cleaned.length; index += 1) {
    if (!keptZone.bits[index]) continue;
    const isOwnDarkness = thickZone.bits[index] || !besidePrint.bits[index];
    const darkness = isOwnDarkness ? ink.darkness[index]! : colouredDarknessAt(index);
    const kept = isOwnDarkness ? strength[index]! : strengthAt(darkness, scale, index);
    cleaned[index] = pale?.zone.bits[index] && !thickZone.bits[index] ? Math.max(kept, strengthAt(darkness, pale.scale, index)) : kept;
  }
  const keepWhole = (mask: Mask) => {
    for (let index = 0; index < cleaned.length; index += 1) if (mask.bits[index]) cleaned[index] = strength[index]!;
  };
  if (countSolid(cleaned) < minimumKeptShare * cleaned.length) {
    // Nothing but print: a pen as fine and as dark as the print. Its strokes still run on across
    // several text lines (or far along one), which no glyph or word does; keep them, and the few
    // letters they touch, rather than nothing.
    // Where the pen is even a little wider than the print, its own core leaves the letters out.
    const isLongStroke = (component: Component) => boxHeight(component) >= strokeLines * glyphHeight || boxWidth(component) >= strokeWords * glyphHeight;
    const longParts = keepComponents(labels, components, isLongStroke, width, height);
    const widerCores = longStrokesFrom(longParts, depth, printHalfWidth + 0.5, glyphHeight);
    const longStrokes = growMask(countSet(widerCores) >= minimumKeptShare * cleaned.length ? widerCores : longParts, 2);
    keepWhole(longStrokes);
  }
  // Cores as thick, but only a glyph height long, are bold letters: of a stamp in the print's own colour
  // (black on black, or a blue stamp greyed by a tungsten lamp), which went with the print. They are
  // added last, so that they do not count as ink kept above: a fine pen's junctions with the letters
  // make such cores too, and must not stop the fallback from keeping its whole stroke. Cost: the
  // page's bold headings stay too.
  keepWhole(longStrokesFrom(printCore, depth, thickFrom, glyphHeight, boldLetterGlyphs));
  // Then rings, frames and curling pens as thin as the print, with the letters they touch.
  keepWhole(shapesBeyondText(print, glyphHeight, cleaned));
  keepWhole(shapesAcrossHues(core, print, glyphHeight, cleaned));
  keepWhole(letteringOffTextLines(cleaned, print, glyphHeight));
  return { strength: cleaned, finding: { ...finding, hasKeptInk: countSolid(cleaned) >= minimumKeptShare * cleaned.length } };
}

/**
 * The scale of a pale coloured ink kept on print, and where it applies, if there is one: a pale stamp
 * on a printed page. Its solid was read from all pixels of its hue (ink-solids.ts), and on print those
 * include letters that the stamp tints and the print's coloured fringes, so it stayed near the print's
 * and the stamp came out under half opacity. Here it is read from the coloured ink away from the print,
 * at its 75th percentile: the stamp's own body. Only when that is clearly paler than the solid the ink
 * has: a full-strength ink's 75th percentile lies near its solid, and is left alone. Ink by ink (a hue
 * with its fringes): in one pool of every coloured pixel, ruled paper's lines, coloured too and running
 * through the whole print, made a stamp seem spread throughout it like print of another hue, and a
 * full-strength pen across the stamp set the pool's body at the pen's darkness; the stamp stayed pale.
 * The first pale ink, strongest first, is the one scaled.
 */
function paleColouredInk(darkness: Float32Array, hue: { redGreen: Float32Array; yellowBlue: Float32Array }, colouredCore: Mask, besidePrint: Mask, scale: InkScale, glyphs: Component[]): { scale: InkScale; zone: Mask } | undefined {
  const away: number[] = [];
  for (let index = 0; index < darkness.length; index += 1) if (colouredCore.bits[index] && !besidePrint.bits[index]) away.push(index);
  if (away.length < fewestPalePixels) return undefined;
  const peaks = findHuePeaks(
    Float32Array.from(away, (index) => hue.redGreen[index]!),
    Float32Array.from(away, (index) => hue.yellowBlue[index]!),
    Math.max(smallestPaleShare, fewestPalePixels / away.length),
  );
  const peakOf = (index: number) => nearestHuePeak(peaks, hue.redGreen[index]!, hue.yellowBlue[index]!);
  const awayPeaks = Int8Array.from(away, peakOf);
  const { width, height } = colouredCore;
  const cellAt = printGridOver(glyphs);
  const printCells = cellsHolding(glyphs, glyphs);
  // Each hue's ink: the hue itself, or the most saturated hue it is a diluted version of (its fringe,
  // blurred into the paper or into the print it crosses, which may hold more pixels than its body).
  const inkOf = peaks.map((_, at) => {
    let ink = at;
    for (let next = dilutedFrom(peaks, ink); next !== ink; next = dilutedFrom(peaks, ink)) ink = next;
    return ink;
  });
  const judged = new Map<number, { kind: PaleInkKind; solid: number }>();
  for (const ink of new Set(inkOf)) {
    const values: number[] = [];
    let solidNow = 0;
    const perCell = new Uint32Array(printGrid * printGrid);
    away.forEach((index, position) => {
      const peak = awayPeaks[position]!;
      if (peak < 0 || inkOf[peak] !== ink) return;
      values.push(darkness[index]!);
      solidNow += scale.solidPerPixel ? scale.solidPerPixel[index]! : scale.solid;
      const cell = cellAt(index % width, Math.floor(index / width));
      if (cell >= 0) perCell[cell]! += 1;
    });
    solidNow /= Math.max(1, values.length);
    // In most of the print's cells, like the print itself: not a stamp, which lies in one place of the
    // page, but print of another hue not recognised as such, ruling, or a tint spread over the paper.
    const cellsHeld = perCell.reduce((sum, pixels) => sum + (pixels >= heldCellShare * values.length ? 1 : 0), 0);
    const solid = Math.max(lowestSolid(scale.floor), valueAtShare(Float32Array.from(values), paleBodyPercentile));
    // A full-strength ink: a pen across a pale stamp, or a stamp of full strength beside the print.
    const kind: PaleInkKind =
      values.length < fewestPalePixels ? 'unknown' : cellsHeld >= throughoutPrint * printCells ? 'throughout' : solid >= clearlyPaler * solidNow ? 'scaled' : 'pale';
    judged.set(ink, { kind, solid });
  }
  const pale = [...judged.keys()].find((ink) => judged.get(ink)!.kind === 'pale');
  if (pale === undefined) return undefined;
  // Its zone: its strokes and fringes, and coloured ink of no clear hue (under the print, hues mix).
  const zone: Mask = { width, height, bits: new Uint8Array(colouredCore.bits.length) };
  for (let index = 0; index < zone.bits.length; index += 1) {
    if (!colouredCore.bits[index]) continue;
    const peak = peakOf(index);
    zone.bits[index] = peak < 0 || inkOf[peak] === pale || judged.get(inkOf[peak]!)!.kind === 'unknown' ? 1 : 0;
  }
  return { scale: { floor: scale.floor, solid: judged.get(pale)!.solid }, zone: growMask(zone, 2) };
}

/** What a hue of coloured ink away from the print is: see paleColouredInk. */
type PaleInkKind = 'pale' | 'scaled' | 'throughout' | 'unknown';

/** The most saturated of the peaks that `peaks[at]` is a diluted version of, or `at` itself. */
function dilutedFrom(peaks: HuePeak[], at: number): number {
  let most = at;
  for (let other = 0; other < peaks.length; other += 1) {
    if (other !== at && isDilutedFrom(peaks[other]!, peaks[at]!) && chromaOf(peaks[other]!) > chromaOf(peaks[most]!)) most = other;
  }
  return most;
}

const chromaOf = (hue: HuePeak) => Math.hypot(hue.redGreen, hue.yellowBlue);

/** Whether `weaker` lies towards grey from `stronger`: within a few tens of degrees of its hue, and clearly less saturated. */
function isDilutedFrom(stronger: HuePeak, weaker: HuePeak): boolean {
  const strongerChroma = chromaOf(stronger);
  const weakerChroma = chromaOf(weaker);
  const cosine = (stronger.redGreen * weaker.redGreen + stronger.yellowBlue * weaker.yellowBlue) / Math.max(1e-6, strongerChroma * weakerChroma);
  return weakerChroma < dilutedChroma * strongerChroma && cosine >= Math.cos(sameHueAngle);
}

/** Hues of the core other than the neutral print's, strongest first: candidates for a coloured print. */
function colouredHues(ink: { redGreen: Float32Array; yellowBlue: Float32Array }, core: Mask, neutral: HuePeak | undefined): HuePeak[] {
  const coreCount = countSet(core);
  const redGreen = new Float32Array(coreCount);
  const yellowBlue = new Float32Array(coreCount);
  let at = 0;
  for (let index = 0; index < core.bits.length; index += 1) {
    if (!core.bits[index]) continue;
    redGreen[at] = ink.redGreen[index]!;
    yellowBlue[at++] = ink.yellowBlue[index]!;
  }
  return findHuePeaks(redGreen, yellowBlue, minimumPrintShare)
    .filter((peak) => !neutral || isApartFrom(neutral)(peak))
    .slice(0, colouredPrintCandidates);
}

/** Hues farther apart than a print's own spread: another ink. */
const isApartFrom = (hue: HuePeak) => (other: HuePeak) => Math.hypot(other.redGreen - hue.redGreen, other.yellowBlue - hue.yellowBlue) > 2 * printHueRadius;

/** The core pixels of the print's hue, their components, and whether they are glyphs of one size by the hundred. */
function glyphsOfHue(core: Mask, hue: { redGreen: Float32Array; yellowBlue: Float32Array }, printHue: { redGreen: number; yellowBlue: number }, radius: number, longSide: number, fewestGlyphs: number) {
  return glyphsIn(pixelsOfHue(core, hue, printHue, radius), longSide, fewestGlyphs);
}

function pixelsOfHue(core: Mask, hue: { redGreen: Float32Array; yellowBlue: Float32Array }, printHue: { redGreen: number; yellowBlue: number }, radius: number): Mask {
  const { width, height } = core;
  const ofHue: Mask = { width, height, bits: new Uint8Array(core.bits.length) };
  for (let index = 0; index < core.bits.length; index += 1) {
    if (!core.bits[index]) continue;
    const offRedGreen = hue.redGreen[index]! - printHue.redGreen;
    const offYellowBlue = hue.yellowBlue[index]! - printHue.yellowBlue;
    ofHue.bits[index] = offRedGreen * offRedGreen + offYellowBlue * offYellowBlue <= radius * radius ? 1 : 0;
  }
  return ofHue;
}

/** The cell of a 5 × 5 grid over the box of `frame`'s glyphs that holds a point, or -1 outside it. */
function printGridOver(frame: Component[]): (x: number, y: number) => number {
  const left = Math.min(...frame.map((glyph) => glyph.left));
  const top = Math.min(...frame.map((glyph) => glyph.top));
  const width = Math.max(...frame.map((glyph) => glyph.right)) - left + 1;
  const height = Math.max(...frame.map((glyph) => glyph.bottom)) - top + 1;
  return (x, y) => {
    const column = Math.floor(((x - left) / width) * printGrid);
    const row = Math.floor(((y - top) / height) * printGrid);
    return column >= 0 && column < printGrid && row >= 0 && row < printGrid ? row * printGrid + column : -1;
  };
}

/** How many cells of a 5 × 5 grid over the box of `frame`'s glyphs hold the centre of one of `glyphs`. */
function cellsHolding(glyphs: Component[], frame: Component[]): number {
  const cellAt = printGridOver(frame);
  const cells = new Set<number>();
  for (const glyph of glyphs) cells.add(cellAt((glyph.left + glyph.right) / 2, (glyph.top + glyph.bottom) / 2));
  cells.delete(-1);
  return cells.size;
}

function glyphsIn(printCore: Mask, longSide: number, fewestGlyphs: number) {
  const { labels, components } = labelComponents(printCore);
  const glyphs = components.filter((component) => isGlyphShaped(component, longSide));
  const glyphHeight = median(glyphs.map(boxHeight));
  // Print is glyphs of one height by the hundred. Specks (a dot screen's remnants, JPEG, dust) and pieces
  // of broken strokes come in every small height and can outnumber the letters, so the one height is
  // looked for around the median with each glyph weighted by its height, where the letters weigh most.
  const typicalHeight = heightWeightedMedian(glyphs);
  const isOfOneHeight = (glyph: Component) => boxHeight(glyph) >= 0.6 * typicalHeight && boxHeight(glyph) <= 1.5 * typicalHeight;
  const ofOneHeight = glyphs.filter(isOfOneHeight).length;
  const finding: PrintedTextFinding = { isPresent: ofOneHeight >= fewestGlyphs && ofOneHeight >= minimumShareOfOneHeight * glyphs.length, glyphCount: glyphs.length, glyphHeight, hasKeptInk: true };
  return { printCore, labels, components, glyphs, glyphHeight, finding, isOfOneHeight };
}

/**
 * The print found, narrowed to a form's labels by their layout, for a form whose boxes were not found
 * (rules too faint, broken by noise, or converging on a sheet seen at an angle): short lines of glyphs,
 * at least `fewestLabelLines` of them one under another, starting (or ending) at one place, evenly
 * spaced and further apart than a stamp's lines of lettering (about 1.5 glyph heights) or a page's. A round
 * stamp's lettering runs round its ring and lines up with nothing; a rectangular stamp's few lines
 * are centred and close together. Present when the labels hold `fewestGlyphs` glyphs.
 */
const fewestLabelLines = 4;
const labelPitchTolerance = 0.15;
/** Glyphs this many glyph heights apart along a line are one label's; lines starting within this of each other are aligned. */
const labelWordGap = 2.5;
const alignedWithin = 0.75;
/** Label lines are at least this many glyph heights apart, typically: one per box. */
const closestLabelPitch = 2;
function glyphsInLabelColumns(found: ReturnType<typeof glyphsIn>, longSide: number, fewestGlyphs: number): ReturnType<typeof glyphsIn> {
  const glyphs = found.glyphs.filter(found.isOfOneHeight);
  const none = { ...found, finding: { ...found.finding, isPresent: false } };
  if (glyphs.length < fewestGlyphs) return none;
  const glyphHeight = heightWeightedMedian(glyphs);
  // A few dozen glyphs, some of them a stamp's, seldom show the text's direction clearly by their
  // neighbours (measured 7° off on a form with a slanted stamp, enough to shear the labels' starts
  // apart): the page's own directions are tried too, and the one that lines up most labels kept.
  const directions: [number, number][] = [[1, 0], [0, 1]];
  const measured = textDirection(glyphs);
  if (measured) directions.push(measured);
  let inColumns = new Set<Component>();
  for (const direction of directions) {
    const aligned = labelColumnsAlong(glyphs, direction, glyphHeight);
    if (aligned.size > inColumns.size) inColumns = aligned;
  }
  if (inColumns.size < fewestGlyphs) return none;
  const printCore = keepComponents(found.labels, found.components, (component) => inColumns.has(component), found.printCore.width, found.printCore.height);
  return { ...glyphsIn(printCore, longSide, 0), finding: { isPresent: true, glyphCount: inColumns.size, glyphHeight, hasKeptInk: true } };
}

/** The glyphs of label lines (see glyphsInLabelColumns) when the text runs along `direction`. */
function labelColumnsAlong(glyphs: Component[], [dx, dy]: [number, number], glyphHeight: number): Set<Component> {
  const placed = glyphs
    .map((glyph) => {
      const [x, y] = centreOf(glyph);
      return { glyph, along: x * dx + y * dy, across: -x * dy + y * dx };
    })
    .sort((a, b) => a.across - b.across);
  // Lines: glyphs chained by neighbours on one line, a word gap apart at most.
  const lineOf = placed.map((_, at) => at);
  const rootOf = (at: number): number => (lineOf[at] === at ? at : (lineOf[at] = rootOf(lineOf[at]!)));
  for (let at = 0; at < placed.length; at += 1) {
    for (let next = at + 1; next < placed.length && placed[next]!.across - placed[at]!.across <= sameLine * glyphHeight; next += 1) {
      if (Math.abs(placed[next]!.along - placed[at]!.along) <= labelWordGap * glyphHeight) lineOf[rootOf(next)] = rootOf(at);
    }
  }
  const lines = new Map<number, typeof placed>();
  placed.forEach((glyph, at) => {
    const root = rootOf(at);
    if (!lines.has(root)) lines.set(root, []);
    lines.get(root)!.push(glyph);
  });
  const labelLines = [...lines.values()]
    .filter((line) => line.length >= 2)
    .map((line) => ({ glyphs: line.map((each) => each.glyph), start: Math.min(...line.map((each) => each.along)), end: Math.max(...line.map((each) => each.along)), across: meanOf(line.map((each) => each.across)) }));
  const inColumns = new Set<Component>();
  // Left-aligned labels share their start, right-aligned ones their end.
  for (const edge of ['start', 'end'] as const) {
    const byEdge = [...labelLines].sort((a, b) => a[edge] - b[edge]);
    for (let first = 0; first < byEdge.length; ) {
      let last = first;
      while (last + 1 < byEdge.length && byEdge[last + 1]![edge] - byEdge[first]![edge] <= alignedWithin * glyphHeight) last += 1;
      const column = evenlySpacedLines(byEdge.slice(first, last + 1), glyphHeight);
      if (column.length >= fewestLabelLines) for (const line of column) for (const glyph of line.glyphs) inColumns.add(glyph);
      first = last + 1;
    }
  }
  return inColumns;
}

/**
 * The most aligned lines that follow each other at one pitch, at least `closestLabelPitch` glyph
 * heights, one box without a label at a time allowed: a form's rows are evenly spaced, while lines of
 * a stamp's lettering that happen to start at one place (a round stamp's words, turned every way) are
 * not. Each line's next is the nearest aligned line: glyphs stacked in a block of close lines, read
 * down the page, are columns a glyph apart, and every other one of them is no label.
 */
function evenlySpacedLines<Line extends { across: number }>(lines: Line[], glyphHeight: number): Line[] {
  const sorted = [...lines].sort((a, b) => a.across - b.across);
  let best: Line[] = [];
  for (let first = 0; first + 1 < sorted.length; first += 1) {
    const pitch = sorted[first + 1]!.across - sorted[first]!.across;
    if (pitch < closestLabelPitch * glyphHeight) continue;
    let last = first + 1;
    while (last + 1 < sorted.length && [1, 2].some((count) => Math.abs(sorted[last + 1]!.across - sorted[last]!.across - count * pitch) <= labelPitchTolerance * pitch)) last += 1;
    if (last + 1 - first > best.length) best = sorted.slice(first, last + 1);
  }
  return best;
}

const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The print found, narrowed to its glyphs of the one height: what else is of its hue is not print. */
function glyphsOnly(found: ReturnType<typeof glyphsIn>, longSide: number): ReturnType<typeof glyphsIn> {
  const ofGlyphs = new Set(found.glyphs.filter(found.isOfOneHeight));
  const printCore = keepComponents(found.labels, found.components, (component) => ofGlyphs.has(component), found.printCore.width, found.printCore.height);
  return { ...glyphsIn(printCore, longSide, 0), finding: found.finding };
}

/**
 * The print found, with any other hue that is print too: on tinted paper, under uneven light or
 * through JPEG's half-resolution colour, one page's black print spreads over more hues than one
 * radius holds, and the rest of its glyphs were taken for coloured ink (whole words of it kept as
 * "strokes"). Another hue of the core is print when its pixels, too, make glyphs by the hundred, of
 * about the print's height, throughout the print: next to the print's hue as many as a print needs;
 * further off (print on a coloured rule, a coloured print's saturated middle) as many as a coloured
 * print needs, which a stamp's lettering, even a dry one, does not give.
 */
function withPrintOfOtherHues(found: ReturnType<typeof glyphsIn>, printHue: HuePeak & { fewest: number }, core: Mask, hue: { redGreen: Float32Array; yellowBlue: Float32Array }, longSide: number): ReturnType<typeof glyphsIn> {
  const rest: Mask = { width: core.width, height: core.height, bits: new Uint8Array(core.bits.length) };
  for (let index = 0; index < rest.bits.length; index += 1) rest.bits[index] = core.bits[index]! & (found.printCore.bits[index]! ^ 1);
  let printCore = found.printCore;
  for (const other of colouredHues(hue, rest, undefined)) {
    const isNextToPrint = Math.hypot(other.redGreen - printHue.redGreen, other.yellowBlue - printHue.yellowBlue) <= nextToPrintHue;
    const candidate = glyphsIn(pixelsOfHue(rest, hue, other, printHueRadius), longSide, isNextToPrint ? printHue.fewest : fewestColouredGlyphs);
    // Pieces of the print's letters (the part of each that the second hue holds) are lower than whole
    // letters. Either way round: on tinted paper the hue found first may be a grey-blue print's paler rim,
    // in pieces of 4-6 px, and the letters (9 px) the second hue's, with more ink (seed 7 r0024).
    // Only when the pieces are the letters' own, lying on their edges: handwriting 1.5-2 times the
    // print's height in another ink, with more ink than the print, lies apart from it but where it crosses.
    const isReversed = inkOfOneHeight(candidate) > inkOfOneHeight(found) && candidate.glyphHeight > 1.5 * found.glyphHeight;
    const [letters, pieces] = isReversed ? [candidate, found] : [found, candidate];
    const isPrintHeight = pieces.glyphHeight >= 0.5 * letters.glyphHeight && pieces.glyphHeight <= 1.5 * letters.glyphHeight;
    const isOnLettersEdges = () => !isReversed || isMostlyBeside(found, candidate.printCore);
    // Throughout the print, not in one place of it: a stamp's letters blended with the print under them are in one place.
    const isThroughout = () => cellsHolding(candidate.glyphs, found.glyphs) >= throughoutPrint * cellsHolding(found.glyphs, found.glyphs);
    // All of the hue joins the print (taking its glyphs alone, or its parts of a line's height, lost
    // 0.10-0.35 on print scenes where JPEG runs the second hue's letters into strokes).
    if (candidate.finding.isPresent && isPrintHeight && isOnLettersEdges() && isThroughout()) printCore = union(printCore, candidate.printCore);
  }
  return printCore === found.printCore ? found : { ...glyphsIn(printCore, longSide, 0), finding: found.finding };
}

/**
 * Components of the print's colour that no text makes: spanning `strokeLines` glyph heights and not a
 * straight band (words or a whole line run together by blur or JPEG, at any tilt, are a band about a
 * glyph height across). A stamp's ring or frame as thin as the print and of its colour, a fine pen
 * curling over the page: taken for print before, with every letter that touches them. Not those
 * already mostly kept (a signature kept as thick strokes would bring back the letters run into it),
 * and none when they would be a large share of the print (a page whose lines all run together).
 */
function shapesBeyondText(print: Pick<ReturnType<typeof glyphsIn>, 'labels' | 'components' | 'printCore'>, glyphHeight: number, kept: Uint8Array): Mask {
  const { labels, components, printCore } = print;
  const { width, height } = printCore;
  const keptPerLabel = new Float64Array(components.length + 1);
  const moments = new Float64Array((components.length + 1) * 5);
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index]!;
    if (!label) continue;
    const x = index % width;
    const y = (index - x) / width;
    const at = label * 5;
    if (kept[index]! >= 128) keptPerLabel[label]! += 1;
    moments[at]! += x;
    moments[at + 1]! += y;
    moments[at + 2]! += x * x;
    moments[at + 3]! += y * y;
    moments[at + 4]! += x * y;
  }
  // The spread across a component's main axis: the square root of the smaller eigenvalue of its pixels' covariance.
  const spreadAcross = (component: Component, label: number) => {
    const at = label * 5;
    const meanX = moments[at]! / component.area;
    const meanY = moments[at + 1]! / component.area;
    const xx = moments[at + 2]! / component.area - meanX * meanX;
    const yy = moments[at + 3]! / component.area - meanY * meanY;
    const xy = moments[at + 4]! / component.area - meanX * meanY;
    return Math.sqrt(Math.max(0, (xx + yy) / 2 - Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy)));
  };
  const isShape = (component: Component, label: number) =>
    Math.max(boxHeight(component), boxWidth(component)) >= strokeLines * glyphHeight &&
    keptPerLabel[label]! <= mostlyKept * component.area &&
    spreadAcross(component, label) >= bandSpread * glyphHeight;
  const shapes = keepComponents(labels, components, isShape, width, height);
  return countSet(shapes) <= mostShapesOfPrint * countSet(printCore) ? shapes : { width, height, bits: new Uint8Array(labels.length) };
}

/**
 * The lettering of a stamp of the print's colour, inside its ring or frame (ink kept so far that spans
 * `strokeLines` glyph heights): what of the print's colour lies within that shape's box and on no text
 * line that runs on outside it. Print is lines of glyphs across the page, so a printed line crossing
 * the box carries on beyond it; the stamp's letters curve round its ring or stop at its frame. A box
 * holding more glyphs than a stamp's lettering is a signature over the text, and is left alone.
 */
function letteringOffTextLines(kept: Uint8Array, print: ReturnType<typeof glyphsIn>, glyphHeight: number): Mask {
  const { labels, components, glyphs, printCore } = print;
  const { width, height } = printCore;
  const none: Mask = { width, height, bits: new Uint8Array(kept.length) };
  if (glyphs.length < minimumGlyphs) return none;
  const keptInk = labelComponents(maskAtLeast(kept, 128, printCore));
  // A thin ring comes out in arcs, a few glyph heights apart: boxes that meet, so grown, are one stamp's.
  const frames = mergedBoxes(keptInk.components.filter((component) => Math.max(boxHeight(component), boxWidth(component)) >= strokeLines * glyphHeight).map((component) => grownBox(component, frameMargin * glyphHeight)));
  if (frames.length === 0) return none;
  const isOnTextLine = textLines(print, glyphHeight);
  if (!isOnTextLine) return none;
  const isIn = (box: Box, [x, y]: [number, number]) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  // Letters and pieces of the ring, not the specks a pen leaves where it crosses the print.
  const isSpeck = (component: Component) => Math.max(boxHeight(component), boxWidth(component)) < smallestLetter * glyphHeight;
  const lettering = new Set<Component>();
  for (const frame of frames) {
    if (glyphs.filter((glyph) => isIn(frame, centreOf(glyph))).length > mostStampLetters) continue;
    for (const component of components) if (isIn(frame, centreOf(component)) && !isSpeck(component) && !isOnTextLine(component)) lettering.add(component);
  }
  return lettering.size ? keepComponents(labels, components, (component) => lettering.has(component), width, height) : none;
}

/**
 * Whether a component lies on a printed line: with glyphs along its line, within lineReach glyph
 * heights, as many as a fair share of the typical glyph's. Dozens on a printed line, a few at most
 * along a stamp's ring (only where it runs with the text, and only across the ring). Counted on each
 * side, the larger kept: a line's last word, or one cut short by a stamp on it, has them on one.
 * Undefined when the text's direction is unclear.
 */
function textLines(print: ReturnType<typeof glyphsIn>, glyphHeight: number): ((component: Component) => boolean) | undefined {
  const { glyphs } = print;
  const direction = textDirection(glyphs.filter(print.isOfOneHeight));
  if (!direction) return undefined;
  const centres = glyphs.map(centreOf);
  const lineMates = (component: Component) => {
    const [x, y] = centreOf(component);
    let before = 0;
    let after = 0;
    for (const [ox, oy] of centres) {
      const along = (ox - x) * direction[0] + (oy - y) * direction[1];
      const across = -(ox - x) * direction[1] + (oy - y) * direction[0];
      if (Math.abs(across) > sameLine * glyphHeight || Math.abs(along) > lineReach * glyphHeight || along === 0) continue;
      if (along < 0) before += 1;
      else after += 1;
    }
    return Math.max(before, after);
  };
  const sampleStep = Math.max(1, Math.floor(glyphs.length / 300));
  const typicalMates = median(glyphs.filter((_, at) => at % sampleStep === 0).map(lineMates));
  return (component) => lineMates(component) >= fewestLineMates * typicalMates;
}

/**
 * A printed letter's edge: JPEG's half-resolution colour and tinted paper lend this many pixels round
 * each letter another hue (rims that may be read as a second print's pieces, fringes that are no ink).
 */
const letterFringe = 2;

/**
 * A ring or frame whose pixels the hue split between the print's colour and another (a blue stamp on
 * blue print, its hue next to the print's): in neither colour a shape of its own, its arcs glyph-sized
 * pieces of the print and short coloured strokes, it went with the print (seed 7 r0120, r0065, r0060).
 * Shapes beyond text are looked for in all the strong ink too; of such a shape, what is not of the
 * print's colour is kept unless it lies on a printed letter's edge (JPEG's and tinted paper's colour
 * fringes), and of what is, the pieces on no printed line (the print its arcs touch stays gone).
 */
function shapesAcrossHues(core: Mask, print: ReturnType<typeof glyphsIn>, glyphHeight: number, kept: Uint8Array): Mask {
  const { width, height } = core;
  const none: Mask = { width, height, bits: new Uint8Array(core.bits.length) };
  const shapes = shapesBeyondText({ ...labelComponents(core), printCore: core }, glyphHeight, kept);
  if (countSet(shapes) === 0) return none;
  const isOnTextLine = textLines(print, glyphHeight);
  if (!isOnTextLine) return none;
  // Only the print's pieces in or beside a shape are judged (each costs a pass over the glyphs).
  const onLine = new Map<number, boolean>();
  const isLabelOnLine = (label: number) => {
    if (!onLine.has(label)) onLine.set(label, isOnTextLine(print.components[label - 1]!));
    return onLine.get(label)!;
  };
  const nearShapes = growMask(shapes, letterFringe);
  const lettersOnLines: Mask = { width, height, bits: new Uint8Array(core.bits.length) };
  for (let index = 0; index < core.bits.length; index += 1) {
    const label = print.labels[index]!;
    if (label && nearShapes.bits[index] && isLabelOnLine(label)) lettersOnLines.bits[index] = 1;
  }
  const besideLetters = growMask(lettersOnLines, letterFringe);
  const bits = new Uint8Array(core.bits.length);
  for (let index = 0; index < bits.length; index += 1) {
    if (!shapes.bits[index]) continue;
    const label = print.labels[index]!;
    bits[index] = (label ? !isLabelOnLine(label) : !besideLetters.bits[index]) ? 1 : 0;
  }
  return { width, height, bits };
}

/**
 * The direction the print's lines run, as a unit vector: the commonest direction from a glyph to its
 * nearest neighbour (the next letter along its line, closer than the next line's). Undefined when no
 * direction stands out.
 */
function textDirection(glyphs: Component[]): [number, number] | undefined {
  const bins = new Float64Array(directionBins);
  // A sample is plenty: neighbours are looked for among all glyphs, for a few hundred of them.
  const step = Math.max(1, Math.floor(glyphs.length / 400));
  const centres = glyphs.map(centreOf);
  for (let at = 0; at < centres.length; at += step) {
    const [x, y] = centres[at]!;
    let nearest: readonly [number, number] | undefined;
    let nearestDistance = Infinity;
    for (const other of centres) {
      // Squared: Math.hypot costs several times as much, and the order is the same.
      const distance = (other[0] - x) ** 2 + (other[1] - y) ** 2;
      if (distance > 0 && distance < nearestDistance) {
        nearestDistance = distance;
        nearest = other;
      }
    }
    if (!nearest) continue;
    const angle = (Math.atan2(nearest[1] - y, nearest[0] - x) + Math.PI) % Math.PI;
    bins[Math.min(directionBins - 1, Math.floor((angle / Math.PI) * directionBins))]! += 1;
  }
  const total = bins.reduce((sum, count) => sum + count, 0);
  let best = 0;
  for (let bin = 1; bin < directionBins; bin += 1) if (bins[bin]! > bins[best]!) best = bin;
  // The peak with its neighbours (the bins wrap round: 0° and 180° are one direction).
  const peak = bins[best]! + bins[(best + 1) % directionBins]! + bins[(best + directionBins - 1) % directionBins]!;
  if (total === 0 || peak < clearDirectionShare * total) return undefined;
  const angle = ((best + 0.5) / directionBins) * Math.PI;
  return [Math.cos(angle), Math.sin(angle)];
}

/** Boxes that overlap joined into their common box, until none overlap. */
function mergedBoxes(boxes: Box[]): Box[] {
  const merged = [...boxes];
  for (let at = 0; at < merged.length; at += 1) {
    for (let other = at + 1; other < merged.length; other += 1) {
      const [a, b] = [merged[at]!, merged[other]!];
      if (a.left > b.right || b.left > a.right || a.top > b.bottom || b.top > a.bottom) continue;
      merged[at] = { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
      merged.splice(other, 1);
      other = at;
    }
  }
  return merged;
}

const centreOf = (component: Component): [number, number] => [(component.left + component.right) / 2, (component.top + component.bottom) / 2];
const grownBox = (component: Component, margin: number): Box => ({ left: component.left - margin, top: component.top - margin, right: component.right + margin, bottom: component.bottom + margin });

/**
 * Pixels of `strokes` around cores at least `from` deep and `longFromGlyphs` glyph heights long; by
 * default, cores that run on beyond a glyph: a signature, not a bold letter.
 */
function longStrokesFrom(strokes: Mask, depth: Float32Array, from: number, glyphHeight: number, longFromGlyphs = longStrokeGlyphs): Mask {
  const { width, height } = strokes;
  const seeds: Mask = { width, height, bits: new Uint8Array(strokes.bits.length) };
  for (let index = 0; index < depth.length; index += 1) seeds.bits[index] = strokes.bits[index] && depth[index]! >= from ? 1 : 0;
  const seedParts = labelComponents(seeds);
  const longSeeds = keepComponents(seedParts.labels, seedParts.components, (seed) => Math.max(boxHeight(seed), boxWidth(seed)) >= longFromGlyphs * glyphHeight, width, height);
  return intersect(growMask(longSeeds, from + 1.5), strokes);
}

function countSolid(strength: Uint8Array): number {
  let solidPixels = 0;
  for (let index = 0; index < strength.length; index += 1) if (strength[index]! >= 128) solidPixels += 1;
  return solidPixels;
}

/**
 * How dark each pixel would be with the coloured ink alone. Optical densities (−ln transmission) of
 * inks lying on each other add up, so a pixel's density is s × colouredDirection + t × printDirection;
 * the part at right angles to the print's direction measures s whatever the print underneath.
 * Asked only beside the print, within reach of kept strokes: a few per cent of the picture, so each
 * pixel is worked out when asked rather than the whole picture ahead.
 */
function unmixColouredInk(ink: InkMeasure, printCore: Mask, colouredCore: Mask): (index: number) => number {
  const count = ink.darkness.length;
  const [redAbsorbed, greenAbsorbed, blueAbsorbed] = ink.absorption;
  const density = (absorbed: Float32Array, index: number) => -Math.log(Math.max(0.02, 1 - Math.max(0, absorbed[index]!)));
  const meanDirection = (mask: Mask): [number, number, number] => {
    let sumRed = 0;
    let sumGreen = 0;
    let sumBlue = 0;
    for (let index = 0; index < count; index += 1) {
      if (!mask.bits[index]) continue;
      const red = density(redAbsorbed, index);
      const green = density(greenAbsorbed, index);
      const blue = density(blueAbsorbed, index);
      const length = Math.sqrt(red * red + green * green + blue * blue) || 1;
      sumRed += red / length;
      sumGreen += green / length;
      sumBlue += blue / length;
    }
    const length = Math.sqrt(sumRed * sumRed + sumGreen * sumGreen + sumBlue * sumBlue) || 1;
    return [sumRed / length, sumGreen / length, sumBlue / length];
  };
  const [printRed, printGreen, printBlue] = meanDirection(printCore);
  const coloured = meanDirection(colouredCore);
  const alongPrint = coloured[0] * printRed + coloured[1] * printGreen + coloured[2] * printBlue;
  const across = Math.max(0.15, Math.sqrt(Math.max(0, 1 - alongPrint * alongPrint)));
  const strongest = Math.max(...coloured);

  const residualAt = (index: number) => {
    const red = density(redAbsorbed, index);
    const green = density(greenAbsorbed, index);
    const blue = density(blueAbsorbed, index);
    const along = red * printRed + green * printGreen + blue * printBlue;
    const offRed = red - along * printRed;
    const offGreen = green - along * printGreen;
    const offBlue = blue - along * printBlue;
    return Math.sqrt(offRed * offRed + offGreen * offGreen + offBlue * offBlue);
  };
  // The print's own pixels show some residual too (JPEG colour noise, fringes): random, so it adds in quadrature.
  const printResidual: number[] = [];
  for (let index = 0; index < count; index += 17) if (printCore.bits[index]) printResidual.push(residualAt(index));
  const noise = median(printResidual);

  return (index) => {
    const colouredDensity = (Math.sqrt(Math.max(0, residualAt(index) ** 2 - noise ** 2)) / across) * strongest;
    return 1 - Math.exp(-colouredDensity);
  };
}

/**
 * Coloured core pixels, without the specks that colour fringes leave on the print's strokes (lens
 * aberration and JPEG's half-resolution colour tint the edges of black letters): a coloured speck
 * counts only near a coloured stroke of at least a glyph's size.
 */
function keepColouredStrokes(core: Mask, printCore: Mask, glyphHeight: number): Mask {
  const { width, height } = core;
  const coloured: Mask = { width, height, bits: new Uint8Array(core.bits.length) };
  for (let index = 0; index < core.bits.length; index += 1) coloured.bits[index] = core.bits[index] && !printCore.bits[index] ? 1 : 0;
  const { labels, components } = labelComponents(coloured);
  const isStroke = (component: Component) => Math.max(boxHeight(component), boxWidth(component)) >= 1.5 * glyphHeight || component.area >= glyphHeight * glyphHeight;
  const strokes = keepComponents(labels, components, isStroke, width, height);
  const nearStrokes = growMask(strokes, glyphHeight);
  return keepComponents(labels, components, (component, label) => isStroke(component) || hasPixelIn(labels, label, nearStrokes, component), width, height);
}

function hasPixelIn(labels: Int32Array, label: number, mask: Mask, box: Component): boolean {
  for (let y = box.top; y <= box.bottom; y += 1) {
    for (let x = box.left; x <= box.right; x += 1) {
      const index = y * mask.width + x;
      if (labels[index] === label && mask.bits[index]) return true;
    }
  }
  return false;
}

/**
 * Hue averaged over a small window, weighted by darkness (`weighHueAround`), at the core's pixels: only
 * they are judged by hue (a tenth of the picture or less, where blurring three whole planes took a
 * seventh of the pipeline's time). Elsewhere the planes hold 0.
 */
function smoothHue(core: Mask, ink: InkMeasure): { redGreen: Float32Array; yellowBlue: Float32Array } {
  const { width, height } = core;
  const redGreen = new Float32Array(core.bits.length);
  const yellowBlue = new Float32Array(core.bits.length);
  const window = new Float64Array(4);
  for (let index = 0; index < core.bits.length; index += 1) {
    if (!core.bits[index]) continue;
    weighHueAround(ink, ink.darkness, width, height, index, hueWindowRadius, window);
    // As a mean over the window, the weight is floored at 1e-4 (flat, paper-coloured windows).
    const total = Math.max(1e-4 * window[3]!, window[0]!);
    redGreen[index] = window[1]! / total;
    yellowBlue[index] = window[2]! / total;
  }
  return { redGreen, yellowBlue };
}

/** The peak of the core pixels' hue histogram near neutral, if enough ink sits there. */
function findPrintHue(ink: InkMeasure, core: Mask, hueLimit: number, spread: number): { redGreen: number; yellowBlue: number } | undefined {
  // The peak is summed over a window as wide as the print's expected spread of hue.
  const reach = Math.max(1, Math.round(spread / hueBinSize));
  const printHueSearch = hueLimit + (reach + 1) * hueBinSize;
  const binsPerSide = Math.round((2 * printHueSearch) / hueBinSize);
  const binSize = hueBinSize;
  const histogram = new Float32Array(binsPerSide * binsPerSide);
  let coreCount = 0;
  for (let index = 0; index < core.bits.length; index += 1) {
    if (!core.bits[index]) continue;
    coreCount += 1;
    const column = Math.floor((ink.redGreen[index]! + printHueSearch) / binSize);
    const row = Math.floor((ink.yellowBlue[index]! + printHueSearch) / binSize);
    if (column >= 0 && column < binsPerSide && row >= 0 && row < binsPerSide) histogram[row * binsPerSide + column]! += 1;
  }
  let best = -1;
  let bestCount = 0;
  for (let row = reach; row < binsPerSide - reach; row += 1) {
    for (let column = reach; column < binsPerSide - reach; column += 1) {
      let count = 0;
      for (let dy = -reach; dy <= reach; dy += 1) for (let dx = -reach; dx <= reach; dx += 1) count += histogram[(row + dy) * binsPerSide + column + dx]!;
      const isNearNeutral = Math.hypot(column + 0.5 - binsPerSide / 2, row + 0.5 - binsPerSide / 2) * binSize <= hueLimit;
      if (isNearNeutral && count > bestCount) {
        bestCount = count;
        best = row * binsPerSide + column;
      }
    }
  }
  if (best < 0 || bestCount < minimumPrintShare * coreCount) return undefined;
  const column = best % binsPerSide;
  const row = (best - column) / binsPerSide;
  return { redGreen: (column + 0.5) * binSize - printHueSearch, yellowBlue: (row + 0.5) * binSize - printHueSearch };
}

const boxHeight = (component: Component) => component.bottom - component.top + 1;
const boxWidth = (component: Component) => component.right - component.left + 1;

/** Letter-sized, not much wider than a short word, and mostly empty box (strokes, not blobs). */
function isGlyphShaped(component: Component, longSide: number): boolean {
  const glyphHeight = boxHeight(component);
  const glyphWidth = boxWidth(component);
  return glyphHeight >= 4 && glyphHeight <= 0.05 * longSide && glyphWidth <= 6 * glyphHeight && component.area <= 0.7 * glyphHeight * glyphWidth;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function intersect(a: Mask, b: Mask): Mask {
  const bits = new Uint8Array(a.bits.length);
  for (let index = 0; index < bits.length; index += 1) bits[index] = a.bits[index]! & b.bits[index]!;
  return { width: a.width, height: a.height, bits };
}

function union(a: Mask, b: Mask): Mask {
  const bits = new Uint8Array(a.bits.length);
  for (let index = 0; index < bits.length; index += 1) bits[index] = a.bits[index]! | b.bits[index]!;
  return { width: a.width, height: a.height, bits };
}

/** Whether half or more of the pixels of the pieces' glyphs of one height lie on the edges of `letters` (within letterFringe). */
const mostlyBeside = 0.5;
function isMostlyBeside(pieces: ReturnType<typeof glyphsIn>, letters: Mask): boolean {
  const near = growMask(letters, letterFringe);
  const ofOneHeight = new Set(pieces.glyphs.filter(pieces.isOfOneHeight));
  let beside = 0;
  let all = 0;
  for (let index = 0; index < pieces.labels.length; index += 1) {
    const label = pieces.labels[index]!;
    if (!label || !ofOneHeight.has(pieces.components[label - 1]!)) continue;
    all += 1;
    if (near.bits[index]) beside += 1;
  }
  return beside >= mostlyBeside * all;
}

/** Pixels in glyphs of the one height. */
function inkOfOneHeight(found: ReturnType<typeof glyphsIn>): number {
  return found.glyphs.filter(found.isOfOneHeight).reduce((sum, glyph) => sum + glyph.area, 0);
}

function heightWeightedMedian(glyphs: Component[]): number {
  if (glyphs.length === 0) return 0;
  const byHeight = glyphs.map(boxHeight).sort((a, b) => a - b);
  const half = byHeight.reduce((sum, height) => sum + height, 0) / 2;
  let seen = 0;
  return byHeight.find((height) => (seen += height) >= half)!;
}
