import { describe, expect, it } from 'vitest';
import { distanceToMask, growMask, invertMask, keepComponents, labelComponents, shrinkMask, type Mask } from './masks.ts';
import { maskOf, rectangle, type Shape } from './testing/synthetic.ts';

const countSet = (mask: Mask) => mask.bits.reduce((sum, bit) => sum + bit, 0);

describe('distanceToMask', () => {
  const size = 41;
  const centre = 20;
  const distance = distanceToMask(maskOf(rectangle(centre, centre, centre + 1, centre + 1), size, size));

  it('from a single pixel, is 0 there and exact along rows and columns', () => {
    expect(distance[centre * size + centre]).toBe(0);
    for (const step of [1, 5, 20]) {
      expect(distance[centre * size + centre + step]).toBeCloseTo(step, 5);
      expect(distance[(centre - step) * size + centre]).toBeCloseTo(step, 5);
    }
  });

  it('in every direction, stays within 8 % of the straight-line distance', () => {
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        const straight = Math.hypot(x - centre, y - centre);
        expect(Math.abs(distance[y * size + x]! - straight)).toBeLessThanOrEqual(0.08 * straight + 1e-6);
      }
    }
  });
});

describe('growMask and shrinkMask', () => {
  it('grows a pixel into a disc of the radius (area within 10 % of π r²)', () => {
    const grown = growMask(maskOf(rectangle(30, 30, 31, 31), 61, 61), 10);

    expect(Math.abs(countSet(grown) - Math.PI * 100) / (Math.PI * 100)).toBeLessThan(0.1);
    expect(grown.bits[30 * 61 + 40]).toBe(1);
    expect(grown.bits[30 * 61 + 41]).toBe(0);
  });

  it('shrinks a 20 × 20 square by 3 into the 14 × 14 square inside it', () => {
    const shrunk = shrinkMask(maskOf(rectangle(10, 10, 30, 30), 40, 40), 3);

    expect(shrunk.bits).toEqual(maskOf(rectangle(13, 13, 27, 27), 40, 40).bits);
  });

  // Both measure only inside the set pixels' bounding box (with a margin): the same as measuring the whole picture.
  it('on scattered masks touching the borders, grow and shrink agree with distances over the whole picture', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 40; trial += 1) {
      const width = 20 + Math.floor(next() * 60);
      const height = 20 + Math.floor(next() * 60);
      const density = trial % 2 ? 0.002 + 0.01 * next() : 0.5 + 0.5 * next();
      const mask: Mask = { width, height, bits: Uint8Array.from({ length: width * height }, () => (next() < density ? 1 : 0)) };
      const radius = 0.5 + 6 * next();
      const toMask = distanceToMask(mask);
      const toOutside = distanceToMask(invertMask(mask));

      expect(growMask(mask, radius).bits).toEqual(Uint8Array.from(toMask, (distance) => (distance <= radius ? 1 : 0)));
      expect(shrinkMask(mask, radius).bits).toEqual(Uint8Array.from(toOutside, (distance) => (distance <= radius ? 0 : 1)));
    }
  });

  // Radii up to 3 are stamped round the mask's edge pixels: the same pixels, on strokes, blobs and specks.
  it('grows by radii from 0.3 to 3 exactly as the distances say, on masks of strokes, solid blobs and specks', () => {
    let seed = 777;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 60; trial += 1) {
      const [width, height] = [10 + Math.floor(next() * 50), 10 + Math.floor(next() * 50)];
      const kind = trial % 3;
      const bits = new Uint8Array(width * height);
      for (let blob = 0; blob < 1 + Math.floor(next() * 6); blob += 1) {
        // A solid blob (inner pixels to skip), a one-pixel stroke, or a scatter of specks.
        const [cx, cy, size] = [Math.floor(next() * width), Math.floor(next() * height), 1 + Math.floor(next() * 8)];
        for (let y = Math.max(0, cy - size); y < Math.min(height, cy + size); y += 1) {
          for (let x = Math.max(0, cx - size); x < Math.min(width, cx + size); x += 1) {
            if (kind === 0 || (kind === 1 && x - cx === y - cy) || (kind === 2 && next() < 0.2)) bits[y * width + x] = 1;
          }
        }
      }
      const mask: Mask = { width, height, bits };
      const radius = [0.3, 1, 1.2, 1.34, 1.5, 2, 2.4, 2.5, 3][trial % 9]!;
      const toMask = distanceToMask(mask);

      expect(growMask(mask, radius).bits).toEqual(Uint8Array.from(toMask, (distance) => (distance <= radius ? 1 : 0)));
    }
  });

  it('inverts a mask bit by bit', () => {
    const mask = maskOf(rectangle(2, 2, 5, 5), 8, 8);

    expect(invertMask(mask).bits).toEqual(mask.bits.map((bit) => 1 - bit));
  });
});

describe('labelComponents and keepComponents', () => {
  // Two squares touching only at a corner (one component, 8-connected), and a bar apart from them.
  const shape: Shape = (x, y) => Math.max(rectangle(0, 0, 3, 3)(x, y), rectangle(3, 3, 5, 5)(x, y), rectangle(8, 0, 9, 6)(x, y));
  const mask = maskOf(shape, 10, 6);
  const { labels, components } = labelComponents(mask);

  it('joins pixels touching at a corner, and gives each component its area and box', () => {
    expect(components).toEqual([
      { area: 13, left: 0, top: 0, right: 4, bottom: 4 },
      { area: 6, left: 8, top: 0, right: 8, bottom: 5 },
    ]);
    expect(labels[0]).toBe(1);
    expect(labels[4 * 10 + 4]).toBe(1);
    expect(labels[5 * 10 + 8]).toBe(2);
    expect(labels[9]).toBe(0);
  });

  it('labels a component far larger than its first work list (a whole 300 × 200 sheet) in one piece', () => {
    const sheet = labelComponents(maskOf(rectangle(0, 0, 300, 200), 301, 201));

    expect(sheet.components).toEqual([{ area: 60_000, left: 0, top: 0, right: 299, bottom: 199 }]);
    expect(sheet.labels[199 * 301 + 299]).toBe(1);
  });

  it('keeps the pixels of the components that pass the test, and only those', () => {
    const tall = keepComponents(labels, components, (component) => component.bottom - component.top >= 5, 10, 6);

    expect(tall.bits).toEqual(maskOf(rectangle(8, 0, 9, 6), 10, 6).bits);
  });
});
