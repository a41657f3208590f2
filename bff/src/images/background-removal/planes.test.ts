import { describe, expect, it } from 'vitest';
import { boxBlur, createPlane, enlargePlane, maxFilter, minFilter, shrinkChannels, type Plane } from './planes.ts';

/** A plane of scattered values, the same each run. */
function scatteredPlane(width: number, height: number): Plane {
  const plane = createPlane(width, height);
  for (let index = 0; index < plane.values.length; index += 1) plane.values[index] = ((index * 7919) % 101) / 100;
  return plane;
}

/** The window's values, clipped at the plane's borders, reduced by `pick`: the slow, obvious filter. */
function windowed(plane: Plane, radius: number, pick: (values: number[]) => number): Float32Array {
  const { width, height, values } = plane;
  const result = new Float32Array(values.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const window: number[] = [];
      for (let wy = Math.max(0, y - radius); wy <= Math.min(height - 1, y + radius); wy += 1) {
        for (let wx = Math.max(0, x - radius); wx <= Math.min(width - 1, x + radius); wx += 1) window.push(values[wy * width + wx]!);
      }
      result[y * width + x] = pick(window);
    }
  }
  return result;
}

describe('maxFilter, minFilter and boxBlur', () => {
  const plane = scatteredPlane(23, 17);

  // The van Herk passes split each line into blocks of 2r + 1; radii up to a third of the plane.
  for (const radius of [0, 1, 2, 3, 5]) {
    it(`at radius ${radius}, away from the borders, equal the brightest and darkest value of each window`, () => {
      const isInside = (index: number) => {
        const [x, y] = [index % plane.width, Math.floor(index / plane.width)];
        return x >= radius && x < plane.width - radius && y >= radius && y < plane.height - radius;
      };
      const inside = (values: Float32Array) => [...values].filter((_, index) => isInside(index));

      expect(inside(maxFilter(plane, radius).values)).toEqual(inside(windowed(plane, radius, (values) => Math.max(...values))));
      expect(inside(minFilter(plane, radius).values)).toEqual(inside(windowed(plane, radius, (values) => Math.min(...values))));
    });
  }

  for (const radius of [0, 1, 5, 30]) {
    it(`at radius ${radius}, blurs to the mean of each window, clipped at the borders`, () => {
      const mean = windowed(plane, radius, (values) => values.reduce((sum, value) => sum + value, 0) / values.length);

      boxBlur(plane, radius).values.forEach((value, index) => expect(value).toBeCloseTo(mean[index]!, 5));
    });
  }

  // rankAlong once clamped the block index (suffix[0], prefix[length − 1]) instead of the window, so
  // the window grew to the whole first or last block, up to 2r + 1 long: the pixel at x = 0 saw the
  // bright pixel at x = 2 ([1, 1, 1, 1, 0, 0, 0]). estimatePaper inherited it (its border-shadow test).
  it('at the border, takes only the window clipped at the border: one bright pixel at x = 2 of 7, radius 1, dilates to x = 1..3', () => {
    const line = createPlane(7, 1);
    line.values.set([0, 0, 1, 0, 0, 0, 0]);

    expect([...maxFilter(line, 1).values]).toEqual([0, 1, 1, 1, 0, 0, 0]);
  });
});

describe('shrinkChannels', () => {
  it('averages each factor × factor block per channel on 0..1, the blocks at the right and bottom edges being smaller', () => {
    const width = 5;
    const height = 3;
    const rgb = Buffer.alloc(width * height * 3);
    for (let index = 0; index < width * height; index += 1) {
      rgb[index * 3] = index * 10;
      rgb[index * 3 + 1] = 255;
      rgb[index * 3 + 2] = 0;
    }

    const [red, green, blue] = shrinkChannels({ width, height, rgb }, 2);

    expect([red!.width, red!.height]).toEqual([3, 2]);
    // Pixel values 10 × index: block (0, 0) holds 0, 10, 50, 60; block (2, 0) holds 40, 90; block (2, 1) holds 140.
    expect(red!.values[0]).toBeCloseTo(30 / 255, 6);
    expect(red!.values[2]).toBeCloseTo(65 / 255, 6);
    expect(red!.values[5]).toBeCloseTo(140 / 255, 6);
    expect([...green!.values]).toEqual(new Array(6).fill(1));
    expect([...blue!.values]).toEqual(new Array(6).fill(0));
  });
});

describe('enlargePlane', () => {
  it('brings a ramp shrunk 4 times back without shifting it by half a block (within 0.001 away from the borders)', () => {
    const width = 64;
    const rgb = Buffer.alloc(width * 4 * 3);
    for (let index = 0; index < width * 4; index += 1) rgb.fill(index % width, index * 3, index * 3 + 3);
    const [shrunk] = shrinkChannels({ width, height: 4, rgb }, 4);

    const enlarged = enlargePlane(shrunk!, 4, width, 4);

    for (let x = 2; x < width - 2; x += 1) expect(enlarged.values[width + x]! * 255).toBeCloseTo(x, 2);
  });
});
