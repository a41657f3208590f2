import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { seededDraw } from '../../../bench/scenes/seeded-random.ts';
import { measureInk } from './ink-measure.ts';
import { measureInkSolids, measureScaleOfEachInk } from './ink-solids.ts';
import { measureInkScale, minimumFloor, strengthFromDarkness } from './ink-strength.ts';
import { measureRegionFloors } from './region-floors.ts';
import { paintScene, papers, pixelsOf, ring, shareOf, truePaper, type Scene } from './testing/synthetic.ts';

const width = 240;
const height = 180;
// 240 px: tiles of max(16, 240 / 24) = 16 px.
const tile = 16;

/** Darkness with Gaussian noise of `left` on the picture's left half and `right` on its right half (a fixed sequence). */
function twoNoises(left: number, right: number): Float32Array {
  const draw = seededDraw(12345);
  return Float32Array.from({ length: width * height }, (_, index) => draw.gaussian() * (index % width < width / 2 ? left : right));
}

describe('measureRegionFloors', () => {
  const darkness = twoNoises(0.06, 0.005);
  const floor = measureInkScale(darkness).floor;
  const floors = measureRegionFloors(darkness, { width, height }, floor);
  const at = (x: number, y: number) => floors[y * width + x]!;

  it('on the quiet half, two tiles from the noisy one, comes down to the minimum floor (3 × 0.005 is below it)', () => {
    expect(floor).toBeGreaterThan(0.1);
    for (const x of [width / 2 + 2 * tile, width - 1]) for (const y of [0, 90, height - 1]) expect(at(x, y)).toBeCloseTo(minimumFloor, 6);
  });

  it('on the noisy half, keeps the picture’s floor (its own, 3 × 0.06, is capped there)', () => {
    for (const x of [0, width / 2 - 1]) for (const y of [0, 90, height - 1]) expect(at(x, y)).toBeCloseTo(floor, 6);
  });

  it('in the quiet tiles beside the noisy half, takes the neighbour’s higher floor', () => {
    expect(at(width / 2, 90)).toBeCloseTo(floor, 6);
    expect(at(width / 2 + tile - 1, 90)).toBeCloseTo(floor, 6);
  });

  // Tile (row 5, column 11) and its neighbours lie on the quiet half (columns 9 and on).
  const inkedFrom = (rows: [number, number], columns: [number, number]) => {
    const inked = twoNoises(0.06, 0.005);
    for (let y = rows[0] * tile; y < (rows[1] + 1) * tile; y += 1) for (let x = columns[0] * tile; x < (columns[1] + 1) * tile; x += 1) inked[y * width + x] = 0.5;
    return measureRegionFloors(inked, { width, height }, floor);
  };
  const inTile = (floors: Float32Array, row: number, column: number) => floors[(row * tile + 3) * width + column * tile + 3]!;

  it('in a tile covered with ink (no pixel brighter than paper), counts nothing: the tile takes its quiet neighbours’ floor, and they keep theirs', () => {
    const floors = inkedFrom([5, 5], [11, 11]);

    expect(inTile(floors, 5, 11)).toBeCloseTo(minimumFloor, 6);
    expect(inTile(floors, 5, 12)).toBeCloseTo(minimumFloor, 6);
  });

  it('in a tile whose neighbours are all covered with ink too, falls back to the picture’s floor', () => {
    const floors = inkedFrom([4, 6], [10, 12]);

    expect(inTile(floors, 5, 11)).toBeCloseTo(floor, 6);
    expect(inTile(floors, 5, 12)).toBeCloseTo(minimumFloor, 6);
  });
});

describe('a floor per region in the ink scale', () => {
  // A paper estimate 9 % too dark over the picture's top third, as rows of dense print leave it: the
  // paper there reads brighter than paper and sets the picture's floor, as in a phone photo of a page.
  const scene: Scene = { width, height, paper: papers.office, noise: 4, inks: [{ shape: ring(150, 125, 40, 5), ink: inks.red, load: 0.35 }] };
  const picture = paintScene(scene);
  const paper = truePaper(scene);
  for (const plane of paper.channels) for (let index = 0; index < width * (height / 3); index += 1) plane.values[index]! *= 0.91;
  const ink = measureInk(picture, paper);
  const ringCore = pixelsOf(ring(150, 125, 40, 3), width, height);

  it('keeps a pale red stamp on the clean paper below at full strength (≥ 90 % of it at ≥ 128), where the picture’s floor alone loses it (under 10 %)', () => {
    const scale = measureScaleOfEachInk(picture, ink, ink.darkness);
    const pictureScale = measureInkScale(ink.darkness);
    const withPictureFloor = strengthFromDarkness(ink.darkness, { ...pictureScale, solidPerPixel: measureInkSolids(picture, ink, ink.darkness, pictureScale).solid });

    expect(pictureScale.floor).toBeGreaterThan(0.15);
    expect(shareOf(strengthFromDarkness(ink.darkness, scale), ringCore, (value) => value >= 128)).toBeGreaterThan(0.9);
    expect(shareOf(withPictureFloor, ringCore, (value) => value >= 128)).toBeLessThan(0.1);
  });

  it('leaves the clean paper around the stamp at strength 0: its region’s low floor is for the ink, the paper keeps the picture’s', () => {
    const strength = strengthFromDarkness(ink.darkness, measureScaleOfEachInk(picture, ink, ink.darkness));
    const regionFloors = measureRegionFloors(ink.darkness, picture, measureInkScale(ink.darkness).floor);
    // Below the biased third and its neighbouring tiles, and clear of the ring's soft edge.
    const cleanPaper = pixelsOf((x, y) => (y >= height / 3 + 2 * tile && Math.abs(Math.hypot(x + 0.5 - 150, y + 0.5 - 125) - 40) > 8 ? 1 : 0), width, height);

    expect(shareOf(regionFloors, cleanPaper, (value) => value < 0.05)).toBe(1);
    expect(shareOf(strength, cleanPaper, (value) => value > 0)).toBe(0);
  });
});
