import { growMask, labelComponents, maskAtLeast, shrinkMask, type Mask } from './masks.ts';
import { createPlane, enlargePlane, maxFilter, minFilter, type Plane } from './planes.ts';
import type { PaperEstimate } from './paper-estimate.ts';

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
  let found = outline(middlePaper);
  if (found.hasSurroundings && found.sheetShare < speckShare) {
    const brightest = brightestFirst(Array.from({ length: count }, (_, cell) => cell)).slice(0, Math.max(1, Math.floor(count * brightestShare)));
    const again = outline(brightest);
    if (again.sheetShare > found.sheetShare) found = again;
  }
  if (!found.hasSurroundings) {
    // A grey desk is no darker than paper in a shadow. It is told apart by its edge: the sheet's is
    // a step, a shadow's or a vignette's a slope; the desk shows on three sides or four; and nothing
    // is written on it, where ink and print run on into a shadow. Its contrast is reported low, so
    // that removeBackground asks the subject model where it can.
    const onGreyDesk = outlineSheet(planes, middlePaper, greyDeskDarkness);
    const isGreyDesk =
      onGreyDesk.hasSurroundings &&
      onGreyDesk.sheetShare >= speckShare &&
      surroundedSides(onGreyDesk.sheetCells) >= 3 &&
      isSteppedEdge(planes, onGreyDesk.sheetCells) &&
      !hasStrokesOutside(observed, planes, onGreyDesk.sheetCells);
    if (isGreyDesk) found = { ...onGreyDesk, contrast: Math.min(found.contrast, greyDeskContrast) };
  }
  const { sheetCells, hasSurroundings, sheetShare, contrast } = found;
  const finding: SheetFinding = { hasSurroundings, sheetShare, contrast };
  if (!hasSurroundings) return finding;

  const shrunkSheet = createPlane(width, height);
  for (let cell = 0; cell < count; cell += 1) shrunkSheet.values[cell] = sheetCells.bits[cell]!;
  const enlarged = enlargePlane(shrunkSheet, factor, size.width, size.height);
  return { ...finding, sheet: shrinkMask(maskAtLeast(enlarged.values, 0.5, size), Math.max(factor, edgeMarginShare * Math.max(size.width, size.height))) };
}

/**
 * Whether strokes (ink, print, ruling) show outside the region, away from its edge: cells that the
 * closing (which fills strokes) makes clearly brighter. A desk carries none; a shadow on the sheet
 * has the writing run on under it.
 */
function hasStrokesOutside(observed: Plane[], closed: Plane[], region: Mask): boolean {
  const nearRegion = growMask(region, edgeReach + 1);
  let outside = 0;
  let stroked = 0;
  for (let cell = 0; cell < region.bits.length; cell += 1) {
    if (nearRegion.bits[cell]) continue;
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
  let sheetCount = 0;
  for (const bit of sheetCells.bits) sheetCount += bit;
  return {
    sheetCells,
    hasSurroundings: borderOutside >= surroundedBorder * border,
    sheetShare: sheetCount / count,
    contrast: borderOutside ? Math.min(1, Math.max(0, (outsideDifference / borderOutside - 1) / 2)) : 0,
  };
}

/** Sets every region of the mask's outside that does not reach the picture's border. */
function fillHoles(mask: Mask): void {
  const outside: Mask = { width: mask.width, height: mask.height, bits: mask.bits.map((bit) => 1 - bit) };
  const { labels, components } = labelComponents(outside);
  const reachesBorder = components.map((component) => component.left === 0 || component.top === 0 || component.right === mask.width - 1 || component.bottom === mask.height - 1);
  for (let cell = 0; cell < labels.length; cell += 1) {
    const label = labels[cell]!;
    if (label && !reachesBorder[label - 1]) mask.bits[cell] = 1;
  }
}
