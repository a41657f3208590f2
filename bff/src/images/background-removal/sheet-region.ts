import { countSet, distanceToMask, growMask, invertMask, keepComponents, labelComponents, maskAtLeast, shrinkMask, type Component, type Mask } from './masks.ts';
import { createPlane, enlargePlane, maxFilter, minFilter, type Plane } from './planes.ts';
import type { PaperEstimate } from './paper-estimate.ts';
import { valueAtShare } from './value-at-share.ts';

/** Where the sheet of paper is, when something else (a desk, a table cloth) shows around it. */
export interface SheetFinding {
  /** The picture's border is mostly not the sheet's paper. */
  hasSurroundings: boolean;
  /** Share of the picture that is sheet. */
  sheetShare: number;
  /** How clearly the surroundings differ from the paper: 0 = alike, 1 = very different. */
  contrast: number;
  /** Full-size mask of the sheet, shrunk away from its edge; undefined when the paper fills the picture. */
  sheet?: Mask;
  /** What told the sheet from the desk: their colours, or (a desk as light as the paper) the sheet's edge. */
  outlinedBy?: 'colour' | 'edge';
}

// A shadow across the paper darkens it but keeps its colour; a wooden desk is browner, a dark desk or
// cloth much darker. These limits are on the shrunk paper estimate, where ink is already gone.
const shadowDarkness = 0.6;
/** A second look, for a grey desk: anything this much darker than the paper may be desk, if its edge says so. */
const greyDeskDarkness = 0.15;
/** The sheet's edge crosses this share of the brightness step within edgeReach cells either side. */
const steppedShare = 0.6;
const edgeReach = 2;
const deskSideShare = 0.8;
/** Below removeBackground's clearSurroundings (0.35): a grey desk's outline is worth a second opinion. */
const greyDeskContrast = 0.2;
/** A cell is a stroke where it is this much darker than the closing around it, and the desk holds at most this share of them. */
const strokeDarkening = 0.85;
const strokeCellShare = 0.002;
const colourShift = 0.035;
/** Share of the border that must be other than paper before the picture counts as a sheet on a desk. */
const surroundedBorder = 0.25;
/** A sheet found from the middle's colour smaller than this share of the picture is a speck: the middle was desk. */
const speckShare = 0.02;
/** Then the paper's colour is that of the picture's brightest tenth. */
const brightestShare = 0.1;
/** The sheet's own edge (and its shadow) is dark and must not read as ink: stay this far inside. */
const edgeMarginShare = 0.012;

/**
 * A white or light desk: a cell is on an edge where some channel changes by this much across it (two
 * cells apart, on the closed planes: strokes gone), and by this many times the picture's typical
 * (median) change. On seed 211's white-desk scenes the typical change is 0.003-0.005 (paper noise,
 * lighting) and the sheet's edge is among the largest 1 % (0.04-0.05 and more).
 */
const edgeStep = 0.015;
const edgeStepOverTypical = 6;
/** A sheet is a quadrilateral seen in perspective: it fills nearly all of its convex hull. */
const convexFill = 0.85;
/** The region's paper: its cells this far in from its edge (past the edge's own blur). */
const paperBand = { from: 2, to: 5 };
/** The desk beyond an edge-outlined region: its cells this near the picture's border. */
const borderBand = 2;
/**
 * Walls left standing on trimmed-off desk (its grain, a shadow's edge) join the sheet in strips: those
 * narrower than twice this, in cells, near the desk are desk too (one on a phone photo was 10 cells wide).
 */
const deskStripReach = 6;
/**
 * A trim must make the outline this much more convex (share of its hull), or what it took off differ
 * from the paper's tint by this much: desks on the tuning seeds 0.008-0.033, the generator's shadows 0.002.
 */
const trimConvexGain = 0.05;
const deskTintShift = 0.006;

/** A region found between sharp steps, and the step that counted as an edge there. */
interface EdgeOutline {
  sheetCells: Mask;
  sheetShare: number;
  step: number;
}

/**
 * Strokes are at most a few cells wide on the shrunk picture. The paper estimate's own, much wider
 * closing would also fill a strip of desk between the sheet and the picture's edge.
 */
const strokeReach = 3;

export function findSheet(paper: PaperEstimate, size: { width: number; height: number }): SheetFinding {
  const { factor, observed } = paper.shrunk;
  const planes = observed.map((plane) => minFilter(maxFilter(plane, strokeReach), strokeReach));
  const [red, green, blue] = planes.map((plane) => plane.values) as [Float32Array, Float32Array, Float32Array];
  const { width, height } = planes[0]!;
  const count = width * height;
  const brightness = (cell: number) => red[cell]! + green[cell]! + blue[cell]!;

  // The sheet's own colour: what the brighter half of the picture's middle looks like. When that
  // finds only a speck of sheet inside surroundings, the middle was desk (a sheet lying off to one
  // side): then the brightest cells of the whole picture, as paper is brighter than a desk. Only then:
  // a picture's brightest cells may be a white desk around tinted paper, which the middle gets right.
  const middle: number[] = [];
  for (let y = Math.floor(height * 0.25); y < Math.ceil(height * 0.75); y += 1) {
    for (let x = Math.floor(width * 0.25); x < Math.ceil(width * 0.75); x += 1) middle.push(y * width + x);
  }
  const brightestFirst = (cells: number[]) => cells.sort((a, b) => brightness(b) - brightness(a));
  const outline = (reference: number[]) => outlineSheet(planes, reference);
  const middlePaper = brightestFirst(middle).slice(0, Math.max(1, Math.floor(middle.length / 2)));
  let found: ReturnType<typeof outline> & { outlinedBy?: 'edge' } = outline(middlePaper);
  let reference = middlePaper;
  if (found.hasSurroundings && found.sheetShare < speckShare) {
    const brightest = brightestFirst(Array.from({ length: count }, (_, cell) => cell)).slice(0, Math.max(1, Math.floor(count * brightestShare)));
    const again = outline(brightest);
    if (again.sheetShare > found.sheetShare) [found, reference] = [again, brightest];
  }
  if (!found.hasSurroundings) {
    // The proofs that a light region lies on a desk, whichever way it was outlined: it is more than a
    // speck, the desk shows on three sides or four, its outline passes the way's own test, and nothing
    // is written outside it, where ink and print run on into a shadow.
    const liesOnDesk = ({ sheetCells, sheetShare }: { sheetCells: Mask; sheetShare: number }, isSheetOutline: (cells: Mask) => boolean) =>
      sheetShare >= speckShare && surroundedSides(sheetCells) >= 3 && isSheetOutline(sheetCells) && !hasStrokesOutside(observed, planes, sheetCells);
    // A grey desk is no darker than paper in a shadow. It is told apart by its edge: the sheet's is
    // a step, a shadow's or a vignette's a slope. Its contrast is reported low, so that
    // removeBackground asks the subject model where it can.
    const onGreyDesk = outlineSheet(planes, middlePaper, greyDeskDarkness);
    if (onGreyDesk.hasSurroundings && liesOnDesk(onGreyDesk, (cells) => isSteppedEdge(planes, cells))) {
      [found, reference] = [{ ...onGreyDesk, contrast: Math.min(found.contrast, greyDeskContrast) }, middlePaper];
    } else {
      // A white desk, or one as light as the paper: their colours are alike, but the sheet's edge is a
      // sharp step all round it, which the closing (strokes gone) leaves standing.
      const byEdge = outlineByEdge(planes);
      const isOnLightDesk = byEdge !== undefined && liesOnDesk(byEdge, (cells) => convexShare(cells) >= convexFill && isDeskBeyond(paperAndBeyond(planes, cells, nearBorder(cells, borderBand)), byEdge.step));
      if (isOnLightDesk) found = { ...byEdge, hasSurroundings: true, contrast: Math.min(found.contrast, greyDeskContrast), outlinedBy: 'edge' };
    }
  }
  if (found.hasSurroundings && !found.outlinedBy) {
    // Paper-coloured desk runs on from the sheet (a lit band, a light grey patch) and is taken in by
    // the colour outline, whose edge with the sheet then reads as ink. The desk's pieces past the
    // sheet's edge are trimmed off, when what is left is a sheet.
    // The contrast stays the colour outline's, measured on the desk that it did not take in.
    const trimmed = trimDeskOff(planes, found.sheetCells, reference);
    if (trimmed && trimLeavesSheet(observed, planes, trimmed, found.sheetCells)) found = { ...found, sheetCells: trimmed.sheetCells, sheetShare: trimmed.sheetShare };
  }
  const { sheetCells, hasSurroundings, sheetShare, contrast } = found;
  const finding: SheetFinding = { hasSurroundings, sheetShare, contrast };
  if (!hasSurroundings) return finding;
  finding.outlinedBy = found.outlinedBy ?? 'colour';

  const shrunkSheet = createPlane(width, height);
  for (let cell = 0; cell < count; cell += 1) shrunkSheet.values[cell] = sheetCells.bits[cell]!;
  const enlarged = enlargePlane(shrunkSheet, factor, size.width, size.height);
  return { ...finding, sheet: shrinkMask(maskAtLeast(enlarged.values, 0.5, size), Math.max(factor, edgeMarginShare * Math.max(size.width, size.height))) };
}

/** The cells of the picture's middle fifth each way: where a sheet on a light desk lies. */
function middleBox(width: number, height: number): number[] {
  const cells: number[] = [];
  for (let y = Math.floor(height * 0.4); y < Math.ceil(height * 0.6); y += 1) {
    for (let x = Math.floor(width * 0.4); x < Math.ceil(width * 0.6); x += 1) cells.push(y * width + x);
  }
  return cells;
}

/**
 * Whether strokes (ink, print, ruling) show outside the region (and inside `within`, when given),
 * away from its edge: cells that the closing (which fills strokes) makes clearly brighter. A desk
 * carries none; a shadow on the sheet has the writing run on under it.
 */
function hasStrokesOutside(observed: Plane[], closed: Plane[], region: Mask, within?: Mask): boolean {
  const nearRegion = growMask(region, edgeReach + 1);
  // The closing's window is cut at the picture's border: a concave corner of desk there is filled in.
  const isNearBorder = nearBorder(region, strokeReach);
  let outside = 0;
  let stroked = 0;
  for (let cell = 0; cell < region.bits.length; cell += 1) {
    if (nearRegion.bits[cell] || (within && !within.bits[cell]) || isNearBorder(cell)) continue;
    outside += 1;
    const seen = observed[0]!.values[cell]! + observed[1]!.values[cell]! + observed[2]!.values[cell]!;
    const filled = closed[0]!.values[cell]! + closed[1]!.values[cell]! + closed[2]!.values[cell]!;
    if (seen < strokeDarkening * filled) stroked += 1;
  }
  return stroked > strokeCellShare * outside;
}

/**
 * The picture's sides (top, bottom, left, right) along which the desk shows for most of their length:
 * three or four around a sheet lying on a desk; one, and part of two, beside a shadow's edge.
 */
function surroundedSides(sheetCells: Mask): number {
  const { width, height, bits } = sheetCells;
  const outsideShare = (cells: number[]) => cells.filter((cell) => !bits[cell]).length / cells.length;
  const row = (y: number) => Array.from({ length: width }, (_, x) => y * width + x);
  const column = (x: number) => Array.from({ length: height }, (_, y) => y * width + x);
  return [row(0), row(height - 1), column(0), column(width - 1)].filter((side) => outsideShare(side) >= deskSideShare).length;
}

/**
 * Whether the region's outline is a step: across its edge cells, most of the brightness difference
 * between the region and its surroundings is crossed within `edgeReach` cells either side. A sheet's
 * edge is sharp on the shrunk copy; a shadow's or a vignette's spreads over tens of cells.
 */
function isSteppedEdge(planes: Plane[], region: Mask): boolean {
  const [red, green, blue] = planes.map((plane) => plane.values) as [Float32Array, Float32Array, Float32Array];
  const { width, height, bits } = region;
  const brightness = (cell: number) => red[cell]! + green[cell]! + blue[cell]!;
  let inside = 0;
  let insideCount = 0;
  let outside = 0;
  let outsideCount = 0;
  for (let cell = 0; cell < bits.length; cell += 1) {
    if (bits[cell]) {
      inside += brightness(cell);
      insideCount += 1;
    } else {
      outside += brightness(cell);
      outsideCount += 1;
    }
  }
  if (!insideCount || !outsideCount) return false;
  const step = inside / insideCount - outside / outsideCount;
  if (step <= 0) return false;
  const crossings: number[] = [];
  for (let y = edgeReach; y < height - edgeReach; y += 1) {
    for (let x = edgeReach; x < width - edgeReach; x += 1) {
      const cell = y * width + x;
      if (!bits[cell]) continue;
      // An edge cell: a neighbour is outside. The difference across it, along whichever axis it runs.
      const across = [
        [cell - edgeReach, cell + edgeReach],
        [cell - edgeReach * width, cell + edgeReach * width],
      ].filter(([a, b]) => bits[a!] !== bits[b!]);
      if (!across.length || (bits[cell - 1] && bits[cell + 1] && bits[cell - width] && bits[cell + width])) continue;
      crossings.push(Math.max(...across.map(([a, b]) => Math.abs(brightness(a!) - brightness(b!)))));
    }
  }
  if (crossings.length === 0) return false;
  crossings.sort((a, b) => a - b);
  return crossings[Math.floor(crossings.length / 2)]! >= steppedShare * step;
}

/** The paper-like region around the given reference cells' colour, and how its surroundings differ. */
function outlineSheet(planes: Plane[], reference: number[], darkerThanPaper = shadowDarkness): { sheetCells: Mask; hasSurroundings: boolean; sheetShare: number; contrast: number } {
  const [red, green, blue] = planes.map((plane) => plane.values) as [Float32Array, Float32Array, Float32Array];
  const { width, height } = planes[0]!;
  const count = width * height;
  const brightness = (cell: number) => red[cell]! + green[cell]! + blue[cell]!;
  const redShare = (cell: number) => red[cell]! / Math.max(1e-3, brightness(cell));
  const blueShare = (cell: number) => blue[cell]! / Math.max(1e-3, brightness(cell));
  const mean = (pick: (cell: number) => number) => reference.reduce((sum, cell) => sum + pick(cell), 0) / reference.length;
  const paperBrightness = mean(brightness);
  const paperRed = mean(redShare);
  const paperBlue = mean(blueShare);

  const difference = createPlane(width, height);
  const paperLike: Mask = { width, height, bits: new Uint8Array(count) };
  for (let cell = 0; cell < count; cell += 1) {
    const darkness = 1 - brightness(cell) / paperBrightness;
    const shift = Math.hypot(redShare(cell) - paperRed, blueShare(cell) - paperBlue);
    difference.values[cell] = Math.max(darkness / darkerThanPaper, shift / colourShift);
    paperLike.bits[cell] = difference.values[cell]! < 1 ? 1 : 0;
  }

  // The sheet is the paper-like region holding the middle (else the largest); holes in it (a large dark emblem) are sheet too.
  const { labels, components } = labelComponents(paperLike);
  const centreLabel = labels[Math.floor(height / 2) * width + Math.floor(width / 2)]!;
  const sheetLabel = centreLabel || 1 + components.reduce((best, component, index) => (component.area > components[best]!.area ? index : best), 0);
  const sheetCells: Mask = { width, height, bits: new Uint8Array(count) };
  for (let cell = 0; cell < count; cell += 1) sheetCells.bits[cell] = labels[cell] === sheetLabel ? 1 : 0;
  fillHoles(sheetCells);

  let border = 0;
  let borderOutside = 0;
  let outsideDifference = 0;
  for (let cell = 0; cell < count; cell += 1) {
    const x = cell % width;
    const y = (cell - x) / width;
    if (x !== 0 && y !== 0 && x !== width - 1 && y !== height - 1) continue;
    border += 1;
    if (!sheetCells.bits[cell]) {
      borderOutside += 1;
      outsideDifference += difference.values[cell]!;
    }
  }
  return {
    sheetCells,
    hasSurroundings: borderOutside >= surroundedBorder * border,
    sheetShare: shareOfSet(sheetCells),
    contrast: borderOutside ? Math.min(1, Math.max(0, (outsideDifference / borderOutside - 1) / 2)) : 0,
  };
}

/** Sets every region of the mask's outside that does not reach the picture's border. */
function fillHoles(mask: Mask): void {
  const outside: Mask = { width: mask.width, height: mask.height, bits: mask.bits.map((bit) => 1 - bit) };
  const { labels, components } = labelComponents(outside);
  const reachesBorder = components.map((component) => touchesBorder(component, mask));
  for (let cell = 0; cell < labels.length; cell += 1) {
    const label = labels[cell]!;
    if (label && !reachesBorder[label - 1]) mask.bits[cell] = 1;
  }
}

function touchesBorder(component: Component, size: { width: number; height: number }): boolean {
  return component.left === 0 || component.top === 0 || component.right === size.width - 1 || component.bottom === size.height - 1;
}

/** A cell's step: the largest change across it, in any channel, along either axis (between the cells either side). */
function stepsAcross(planes: Plane[]): Float32Array {
  const { width, height } = planes[0]!;
  const steps = new Float32Array(width * height);
  for (const { values } of planes) {
    for (let y = 1; y < height - 1; y += 1) {
      for (let x = 1; x < width - 1; x += 1) {
        const cell = y * width + x;
        const step = Math.max(Math.abs(values[cell + 1]! - values[cell - 1]!), Math.abs(values[cell + width]! - values[cell - width]!));
        if (step > steps[cell]!) steps[cell] = step;
      }
    }
  }
  return steps;
}

/**
 * The pieces of the picture (or of `within`) that no sharp step crosses: cells whose step is at least
 * `step` are edges, grown by one so that a diagonal edge is a wall to 8-connected filling.
 */
function piecesBetweenEdges(planes: Plane[], within?: Mask): { labels: Int32Array; components: Component[]; step: number } {
  const { width, height } = planes[0]!;
  const count = width * height;
  const steps = stepsAcross(planes);
  const step = Math.max(edgeStep, edgeStepOverTypical * valueAtShare(steps.slice(), 0.5));
  const edges: Mask = { width, height, bits: new Uint8Array(count) };
  for (let cell = 0; cell < count; cell += 1) edges.bits[cell] = steps[cell]! >= step ? 1 : 0;
  const walls = growMask(edges, 1);
  if (within) for (let cell = 0; cell < count; cell += 1) walls.bits[cell] = walls.bits[cell]! | (1 - within.bits[cell]!);
  return { ...labelComponents(invertMask(walls)), step };
}

/** The label most of the seed cells carry (0 when none is labelled). */
function mostSeededLabel(labels: Int32Array, seeds: number[]): number {
  const votes = new Map<number, number>();
  for (const cell of seeds) {
    const label = labels[cell]!;
    if (label) votes.set(label, (votes.get(label) ?? 0) + 1);
  }
  return [...votes.entries()].reduce((most, entry) => (entry[1] > most[1] ? entry : most), [0, 0])[0];
}

/**
 * The region round the picture's middle that no sharp step crosses: on a light desk, the sheet inside
 * its edge. It is grown back over its edge, and its holes (a large emblem walled in by its own edge) filled.
 */
function outlineByEdge(planes: Plane[]): EdgeOutline | undefined {
  const { width, height } = planes[0]!;
  const { labels, components, step } = piecesBetweenEdges(planes);
  const middleLabel = mostSeededLabel(labels, middleBox(width, height));
  if (!middleLabel) return undefined;
  const sheetCells = growMask(keepComponents(labels, components, (_piece, label) => label === middleLabel, width, height), 1);
  fillHoles(sheetCells);
  return { sheetCells, sheetShare: shareOfSet(sheetCells), step };
}

/**
 * A colour outline less the desk that runs on from it (a lit band, a light grey patch): the pieces
 * that the sheet's edge walls off from the paper's own piece and that reach the picture's border.
 * Pieces inside the sheet (a shadowed corner, an emblem) do not reach it and stay.
 */
function trimDeskOff(planes: Plane[], colourOutline: Mask, reference: number[]): EdgeOutline | undefined {
  const { width, height } = colourOutline;
  const { labels, components, step } = piecesBetweenEdges(planes, colourOutline);
  const paperLabel = mostSeededLabel(labels, reference);
  if (!paperLabel) return undefined;
  const isDesk = (piece: Component, label: number) => label !== paperLabel && touchesBorder(piece, colourOutline);
  if (!components.some((piece, index) => isDesk(piece, index + 1))) return undefined;
  const deskPieces = keepComponents(labels, components, isDesk, width, height);
  const paperPiece = keepComponents(labels, components, (_piece, label) => label === paperLabel, width, height);
  // Over the walls between them: the desk's side of the sheet's edge goes with the desk.
  const desk = growMask(deskPieces, 2);
  const nearPaper = growMask(paperPiece, 1);
  const kept: Mask = { width, height, bits: new Uint8Array(labels.length) };
  for (let cell = 0; cell < labels.length; cell += 1) kept.bits[cell] = colourOutline.bits[cell]! & (nearPaper.bits[cell]! | (1 - desk.bits[cell]!));
  // Opened near the desk: a strip of walls left standing on it where it meets the sheet is no sheet.
  // Elsewhere the sheet's corners and narrow parts stay as they are.
  const opened = growMask(shrinkMask(kept, deskStripReach), deskStripReach);
  const nearDesk = growMask(deskPieces, 2 * deskStripReach);
  for (let cell = 0; cell < labels.length; cell += 1) kept.bits[cell] = kept.bits[cell]! & (opened.bits[cell]! | (1 - nearDesk.bits[cell]!));
  const keptPieces = labelComponents(kept);
  const keptLabel = mostSeededLabel(keptPieces.labels, reference);
  const sheetCells = keepComponents(keptPieces.labels, keptPieces.components, (_piece, label) => label === keptLabel, width, height);
  fillHoles(sheetCells);
  return { sheetCells, sheetShare: shareOfSet(sheetCells), step };
}

/**
 * Whether trimming left a sheet: more than a speck and convex, with nothing written in what was
 * trimmed off (no part of the page in a shadow) and that part not the paper's colour. A hard shadow's
 * edge across a sheet running off the picture cuts off a piece of the sheet that reaches the border as
 * a desk's does; what tells a desk is that its piece bent the outline, or that it is of another tint
 * (a shadow darkens the paper and keeps its tint).
 */
function trimLeavesSheet(observed: Plane[], planes: Plane[], trimmed: EdgeOutline, colourOutline: Mask): boolean {
  // Past the edge's own blur, as the paper band inside it.
  const pastEdge = growMask(trimmed.sheetCells, paperBand.from);
  const colours = paperAndBeyond(planes, trimmed.sheetCells, (cell) => colourOutline.bits[cell] === 1 && !pastEdge.bits[cell]);
  const convex = convexShare(trimmed.sheetCells);
  return (
    trimmed.sheetShare >= speckShare &&
    convex >= convexFill &&
    !hasStrokesOutside(observed, planes, trimmed.sheetCells, colourOutline) &&
    isDeskBeyond(colours, trimmed.step) &&
    (convex - convexShare(colourOutline) >= trimConvexGain || tintShift(colours!) >= deskTintShift)
  );
}

/** Share of the mask's cells that are set. */
function shareOfSet(mask: Mask): number {
  return countSet(mask) / mask.bits.length;
}

/**
 * The mean colour of a band just inside the region's edge (its paper) and of the `beyond` cells (the
 * border's, past an edge-outlined sheet; a colour outline's trimmed-off part).
 */
function paperAndBeyond(planes: Plane[], region: Mask, isBeyond: (cell: number) => boolean): { paper: number[]; beyond: number[] } | undefined {
  const inward = distanceToMask(invertMask(region));
  const paper = [0, 0, 0];
  const beyond = [0, 0, 0];
  let paperCount = 0;
  let beyondCount = 0;
  for (let cell = 0; cell < region.bits.length; cell += 1) {
    const isPaper = region.bits[cell] === 1 && inward[cell]! >= paperBand.from && inward[cell]! <= paperBand.to;
    const isBeyondCell = region.bits[cell] === 0 && isBeyond(cell);
    if (!isPaper && !isBeyondCell) continue;
    const sums = isPaper ? paper : beyond;
    planes.forEach((plane, channel) => (sums[channel]! += plane.values[cell]!));
    if (isPaper) paperCount += 1;
    else beyondCount += 1;
  }
  if (!paperCount || !beyondCount) return undefined;
  return { paper: paper.map((sum) => sum / paperCount), beyond: beyond.map((sum) => sum / beyondCount) };
}

/**
 * Whether what lies beyond differs from the paper, in any channel, by half an edge step. A desk does;
 * the paper past a pale bold ring (whose two edges wall in the disc within) does not.
 */
function isDeskBeyond(colours: { paper: number[]; beyond: number[] } | undefined, step: number): boolean {
  return colours !== undefined && colours.paper.some((value, channel) => Math.abs(value - colours.beyond[channel]!) >= step / 2);
}

/** How far apart the two colours' tints are (their red and blue shares of the brightness): a shadow keeps the paper's. */
function tintShift({ paper, beyond }: { paper: number[]; beyond: number[] }): number {
  const share = (colour: number[], channel: number) => colour[channel]! / Math.max(1e-3, colour[0]! + colour[1]! + colour[2]!);
  return Math.hypot(share(paper, 0) - share(beyond, 0), share(paper, 2) - share(beyond, 2));
}

/** Cells within `band` of the picture's border. */
function nearBorder(size: { width: number; height: number }, band: number): (cell: number) => boolean {
  return (cell) => {
    const x = cell % size.width;
    const y = (cell - x) / size.width;
    return x < band || y < band || x >= size.width - band || y >= size.height - band;
  };
}

/** Share of its convex hull that the region fills: near 1 for a sheet, a quadrilateral in perspective. */
function convexShare(region: Mask): number {
  const { width, height, bits } = region;
  // Each row's run of the region, by the corners of its first and last cell.
  const corners: [number, number][] = [];
  let area = 0;
  for (let y = 0; y < height; y += 1) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x += 1) {
      if (!bits[y * width + x]) continue;
      area += 1;
      if (first < 0) first = x;
      last = x;
    }
    if (first >= 0) corners.push([first, y], [last + 1, y], [first, y + 1], [last + 1, y + 1]);
  }
  const hull = convexHull(corners);
  let twiceHullArea = 0;
  for (let index = 0; index < hull.length; index += 1) {
    const [a, b] = [hull[index]!, hull[(index + 1) % hull.length]!];
    twiceHullArea += a[0] * b[1] - b[0] * a[1];
  }
  return twiceHullArea ? area / (Math.abs(twiceHullArea) / 2) : 0;
}

/** Andrew's monotone chain: the hull's corners in order. */
function convexHull(points: [number, number][]): [number, number][] {
  if (points.length < 3) return points;
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const turn = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const hull: [number, number][] = [];
  for (const pass of [sorted, [...sorted].reverse()]) {
    const start = hull.length;
    for (const point of pass) {
      while (hull.length >= start + 2 && turn(hull[hull.length - 2]!, hull[hull.length - 1]!, point) <= 0) hull.pop();
      hull.push(point);
    }
    hull.pop();
  }
  return hull;
}
