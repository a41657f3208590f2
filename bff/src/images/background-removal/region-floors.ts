import { floorInNoiseUnits, minimumFloor } from './ink-strength.ts';

/** Tiles are this share of the long side (about 40 px on a 1,000 px photo), never under smallestTile. */
const tilesAlongLongSide = 24;
const smallestTile = 16;
/**
 * Darkness is the strongest channel's absorption, so paper reads brighter than its estimate only where
 * all three channels are: about half the pixels under a camera's noise (common to the channels), an
 * eighth under independent noise in each. Under a twentieth, the tile is not measured.
 */
const fewestBrighter = 0.05;

/**
 * The noise floor region by region. The picture's one floor is three RMS of all its brighter-than-paper
 * deviations, and where the paper estimate is off in one part of the picture (rows of dense print pull
 * it down, so the paper between the glyphs reads brighter than paper), those deviations set the floor
 * everywhere: 0.18 on a phone photo of a page of print, where a pale red stamp on the clean paper below
 * it was 0.3 dark and was lost. Here each tile has its own floor from its own deviations, the highest
 * of a tile and its eight neighbours (print and shading reach across tile edges), never above the
 * picture's floor nor below the minimum. A tile with too few such pixels to measure (covered with
 * ink, off the sheet, a sliver at the picture's edge) counts for nothing; where a tile and all its
 * neighbours are such, the picture's floor.
 */
export function measureRegionFloors(darkness: Float32Array, size: { width: number; height: number }, floor: number): Float32Array {
  const { width, height } = size;
  const tile = Math.max(smallestTile, Math.round(Math.max(width, height) / tilesAlongLongSide));
  const columns = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  const squares = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  for (let y = 0; y < height; y += 1) {
    const rowCell = Math.floor(y / tile) * columns;
    for (let x = 0; x < width; x += 1) {
      const value = darkness[y * width + x]!;
      if (value >= 0) continue;
      const cell = rowCell + Math.floor(x / tile);
      squares[cell]! += value * value;
      counts[cell]! += 1;
    }
  }
  // NaN: too few brighter pixels to measure (mostly ink, off the sheet, a sliver at the picture's edge).
  const own = new Float32Array(columns * rows).fill(Number.NaN);
  for (let cell = 0; cell < own.length; cell += 1) {
    const column = cell % columns;
    const row = (cell - column) / columns;
    const area = (Math.min(width, (column + 1) * tile) - column * tile) * (Math.min(height, (row + 1) * tile) - row * tile);
    if (counts[cell]! >= fewestBrighter * area) own[cell] = Math.min(floor, Math.max(minimumFloor, floorInNoiseUnits * Math.sqrt(squares[cell]! / counts[cell]!)));
  }
  const highest = new Float32Array(columns * rows);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      let value = Number.NaN;
      for (let neighbourRow = Math.max(0, row - 1); neighbourRow <= Math.min(rows - 1, row + 1); neighbourRow += 1) {
        for (let neighbourColumn = Math.max(0, column - 1); neighbourColumn <= Math.min(columns - 1, column + 1); neighbourColumn += 1) {
          const neighbour = own[neighbourRow * columns + neighbourColumn]!;
          // Comparisons with NaN are false: the first measured neighbour replaces the NaN.
          if (!Number.isNaN(neighbour) && !(neighbour <= value)) value = neighbour;
        }
      }
      highest[row * columns + column] = Number.isNaN(value) ? floor : value;
    }
  }
  const perPixel = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const rowCell = Math.floor(y / tile) * columns;
    for (let x = 0; x < width; x += 1) perPixel[y * width + x] = highest[rowCell + Math.floor(x / tile)]!;
  }
  return perPixel;
}
