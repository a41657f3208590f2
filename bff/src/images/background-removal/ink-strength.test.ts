import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { measureInkScale, strengthOf } from './ink-strength.ts';
import { estimatePaper } from './paper-estimate.ts';
import { measureStrength, meanOf, paintScene, papers, pixelsOf, rectangle, ring, shareOf, truePaper, union, outside, type InkLayer } from './testing/synthetic.ts';

describe('strengthOf', () => {
  const scale = { floor: 0.05, solid: 0.8 };

  it('below and at the noise floor, gives 0', () => {
    for (const darkness of [-0.2, 0, 0.03, 0.05]) expect(strengthOf(darkness, scale)).toBe(0);
  });

  it('from two floors up, is proportional to darkness, and 255 from the solid ink on', () => {
    for (const darkness of [0.1, 0.2, 0.4, 0.6]) expect(strengthOf(darkness, scale)).toBe(Math.round((255 * darkness) / scale.solid));
    for (const darkness of [0.8, 0.9, 1]) expect(strengthOf(darkness, scale)).toBe(255);
  });

  it('between one and two floors, fades in from 0 instead of jumping to the proportional strength: none at 1.1 floors, half of it at 1.5', () => {
    expect(strengthOf(0.055, scale)).toBe(0);
    expect(strengthOf(0.075, scale)).toBe(Math.round((255 * 0.075) / scale.solid / 2));
  });

  // A pale ink three floors dark: half of it (1.5 floors) is a stroke's edge, and counts as half, not
  // as the quarter that a fade over two floors left it (64: under half, the edge lost).
  const paleInk = { floor: 0.1, solid: 0.3 };
  it("for a pale ink whose half lies within two floors, has faded in by the ink's half, which counts as half", () => {
    expect(strengthOf(0.15, paleInk)).toBe(128);
    expect(strengthOf(0.12, paleInk)).toBeLessThan(Math.round((255 * 0.12) / paleInk.solid));
    expect(strengthOf(0.12, paleInk)).toBeGreaterThan(0);
  });

  // However near the floor an ink's solid is (here two floors: half of it is the floor itself), the fade still takes a quarter floor.
  it('never fades in over less than a quarter floor: no step at the floor', () => {
    const faintest = { floor: 0.1, solid: 0.2 };
    expect(strengthOf(0.11, faintest)).toBeLessThan(Math.round((255 * 0.11) / faintest.solid / 2));
    expect(strengthOf(0.12, faintest)).toBeLessThan(Math.round((255 * 0.12) / faintest.solid));
    expect(strengthOf(0.125, faintest)).toBe(Math.round((255 * 0.125) / faintest.solid));
  });

  it.each([scale, paleInk, { floor: 0.1, solid: 0.2 }])('over darkness 0..1 in steps of 0.001, never decreases (floor $floor, solid $solid)', (eachScale) => {
    let previous = 0;
    for (let step = 0; step <= 1000; step += 1) {
      const strength = strengthOf(step / 1000, eachScale);
      expect(strength).toBeGreaterThanOrEqual(previous);
      previous = strength;
    }
  });
});

describe('measureInkScale', () => {
  it('when pixels scatter ±0.03 about the paper, puts the floor at 3 × 0.03', () => {
    const darkness = Float32Array.from({ length: 1000 }, (_, index) => (index % 2 ? 0.03 : -0.03));

    expect(measureInkScale(darkness).floor).toBeCloseTo(0.09, 5);
  });

  it('on noise-free paper, keeps the floor at 0.04', () => {
    expect(measureInkScale(new Float32Array(1000)).floor).toBe(0.04);
  });

  it('with ink spread evenly over darkness 0.2..0.8, takes the 98th percentile again among the pixels at least half as dark as the first 98th percentile (0.394..0.8: 0.792) as solid', () => {
    const darkness = Float32Array.from({ length: 6001 }, (_, index) => 0.2 + index * 1e-4);

    expect(Math.abs(measureInkScale(darkness).solid - 0.792)).toBeLessThan(0.003);
  });

  it('keeps the same solid with twenty times as many faint pixels as ink (blurred print, strokes\' edges) between two floors and half the ink\'s darkness', () => {
    const ink = Array.from({ length: 1000 }, (_, index) => 0.7 + index * 1e-4);
    const paper = Array.from({ length: 20_000 }, (_, index) => (index % 2 ? 0.01 : -0.01));
    const faintEdges = Array.from({ length: 20_000 }, (_, index) => 0.1 + (index % 300) * 1e-3);
    const alone = measureInkScale(Float32Array.from([...ink, ...paper])).solid;
    const withEdges = measureInkScale(Float32Array.from([...ink, ...paper, ...faintEdges])).solid;

    expect(Math.abs(alone - 0.798)).toBeLessThan(0.003);
    expect(Math.abs(withEdges - alone)).toBeLessThan(0.003);
  });

  it('keeps a pale ink\'s own solid beside a black speck of 1 % of the inked pixels (a staple, a punched hole)', () => {
    const paleInk = Array.from({ length: 5000 }, (_, index) => 0.3 + (index % 1000) * 1e-4);
    const speck = new Array<number>(50).fill(0.9);
    const paper = Array.from({ length: 20_000 }, (_, index) => (index % 2 ? 0.01 : -0.01));

    expect(Math.abs(measureInkScale(Float32Array.from([...paleInk, ...speck, ...paper])).solid - 0.399)).toBeLessThan(0.005);
  });

  it('caps solid at 0.92 for the darkest ink; takes a faint ink\'s own (0.15); lifts it to no less than 0.1 and 2.5 noise floors', () => {
    expect(measureInkScale(new Float32Array(1000).fill(1)).solid).toBe(0.92);
    expect(Math.abs(measureInkScale(new Float32Array(1000).fill(0.15)).solid - 0.15)).toBeLessThan(0.002);
    expect(measureInkScale(new Float32Array(1000).fill(0.09)).solid).toBe(0.1);
    // Noise ±0.06 (floor 0.18) with ink at 0.4: the solid stays 2.5 floors (0.45) clear of the noise.
    const noisy = Float32Array.from({ length: 1000 }, (_, index) => (index < 100 ? 0.4 : index % 2 ? 0.06 : -0.06));
    expect(measureInkScale(noisy).solid).toBeCloseTo(0.45, 5);
  });
});

describe('ink strength from a picture (paper estimate, ink measure, scale, strength)', () => {
  const width = 200;
  const height = 160;
  const loads = [0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9, 1];
  /** Eight 12 × 12 patches of blue stamp ink, load rising left to right, in a row from `top`. */
  const patch = (index: number, top: number) => rectangle(8 + index * 24, top, 20 + index * 24, top + 12);
  const patchesFrom = (top: number): InkLayer[] => loads.map((load, index) => ({ shape: patch(index, top), ink: inks.blue, load }));
  const litTop = 20;
  const shadedTop = 110;
  const picture = paintScene({
    width,
    height,
    paper: papers.office,
    noise: 2,
    inks: [...patchesFrom(litTop), ...patchesFrom(shadedTop)],
    // The lower half lies in a shadow taking half the light.
    light: (_x, y) => (y >= 80 ? 0.5 : 1),
  });
  const { strength } = measureStrength(picture, estimatePaper(picture));
  const meanStrengths = (top: number) => loads.map((_, index) => meanOf(strength, pixelsOf(patch(index, top), width, height)));

  it('on full ink, is near 255; on paper, 0 (at least 99 % of paper pixels) and never above 32', () => {
    const paperPixels = pixelsOf(outside(union(...loads.flatMap((_, index) => [patch(index, litTop), patch(index, shadedTop)]))), width, height);

    expect(meanStrengths(litTop)[loads.length - 1]).toBeGreaterThan(245);
    expect(shareOf(strength, paperPixels, (value) => value === 0)).toBeGreaterThan(0.99);
    expect(shareOf(strength, paperPixels, (value) => value > 32)).toBe(0);
  });

  it('rises with the ink load, by at least 15 levels for each step of the patches', () => {
    const strengths = meanStrengths(litTop);

    for (let index = 1; index < strengths.length; index += 1) expect(strengths[index]! - strengths[index - 1]!).toBeGreaterThan(15);
  });

  it('is the same in a shadow taking half the light: each patch within 6 levels of its twin in full light', () => {
    const lit = meanStrengths(litTop);
    const shaded = meanStrengths(shadedTop);

    lit.forEach((value, index) => expect(Math.abs(shaded[index]! - value)).toBeLessThan(6));
  });

  // A pale stamp alone on a clean sheet absorbs 7-10 %: the picture's solid used to be lifted to 0.3,
  // which left the whole stamp at a third of full opacity (lost whole, as on six of the bench's weakest).
  it('on a lone pale stamp absorbing about 8 %, on its true paper, reads at least 90 % of the ring at strength ≥ 128', () => {
    const stamp = ring(100, 80, 50, 8);
    const scene = { width, height, paper: papers.office, noise: 2, inks: [{ shape: stamp, ink: inks.paleBlue, load: 0.2 }] };
    const pale = paintScene(scene);
    const { ink, strength: paleStrength } = measureStrength(pale, truePaper(scene));
    const core = pixelsOf(ring(100, 80, 50, 6), width, height);

    expect(meanOf(ink.darkness, core)).toBeLessThan(0.1);
    expect(shareOf(paleStrength, core, (value) => value >= 128)).toBeGreaterThan(0.9);
    expect(shareOf(paleStrength, pixelsOf(outside(ring(100, 80, 50, 12)), width, height), (value) => value > 32)).toBeLessThan(0.001);
  });

  // A lone faint ink: with the estimated paper the line gains (paper-estimate.ts) take the mean of each
  // row, which the pale ink pulls 2 % dark, so this ring reads a little paler than on its true paper. It
  // stayed under half opacity (69 % of it at ≥ 128) while the picture's solid was lifted to 0.3.
  it('on a lone stamp from a dry pad (pale blue at 30 % load), reads the ring as ink: at least 90 % of it at strength ≥ 128', () => {
    const stamp = ring(100, 80, 50, 8);
    const faint = paintScene({ width, height, paper: papers.office, noise: 2, inks: [{ shape: stamp, ink: inks.paleBlue, load: 0.3 }] });
    const faintStrength = measureStrength(faint, estimatePaper(faint)).strength;

    expect(shareOf(faintStrength, pixelsOf(ring(100, 80, 50, 6), width, height), (value) => value >= 128)).toBeGreaterThan(0.9);
  });
});
