import { describe, expect, it } from 'vitest';
import { inks, type Absorption } from '../../../bench/scenes/ink-on-paper.ts';
import { measureInkScale, strengthFromDarkness } from './ink-strength.ts';
import { measureInk, type InkMeasure } from './ink-measure.ts';
import { measureScaleOfEachInk } from './ink-solids.ts';
import { findPaperPattern, removePaperPattern, type PaperPattern } from './paper-pattern.ts';
import {
  dotScreen,
  evenlySpaced,
  maskOf,
  meanOf,
  paintScene,
  papers,
  penStroke,
  pixelsOf,
  printedText,
  rectangle,
  ring,
  union,
  ruledRows,
  shareOf,
  stripes,
  truePaper,
  turnedRectangle,
  woodDesk,
  type InkLayer,
  type Picture,
  type Scene,
  type Shape,
} from './testing/synthetic.ts';

const width = 320;
const height = 320;
/** A form's grey tint: printed ink at a third of a solid black's strength. */
const tint: Absorption = [0.3, 0.3, 0.3];

function measured(scene: Scene): { picture: Picture; ink: InkMeasure } {
  const picture = paintScene(scene);
  return { picture, ink: measureInk(picture, truePaper(scene)) };
}

function onPaper(pattern: Shape, others: InkLayer[] = []): Scene {
  return { width, height, paper: papers.office, noise: 3, inks: [{ shape: pattern, ink: tint }, ...others] };
}

/** Degrees of a vector, folded onto 0..180 (a period and its negative are one). */
const degreesOf = ([x, y]: [number, number]) => (((Math.atan2(y, x) * 180) / Math.PI) % 180 + 180) % 180;

/** Difference of two directions taken modulo `fold` degrees (90 for a square screen's two periods). */
const angleBetween = (a: number, b: number, fold: number) => {
  const difference = Math.abs(a - b) % fold;
  return Math.min(difference, fold - difference);
};

/** Strength as the pipeline reads it from an ink measure. */
function strengthOf(picture: Picture, ink: InkMeasure): Uint8Array {
  return strengthFromDarkness(ink.darkness, measureScaleOfEachInk(picture, ink, ink.darkness));
}

/** Pixels more than `margin` px from every shape: only paper (and its pattern) there. */
function awayFrom(shapes: Shape[], margin: number): number[] {
  const near: Shape = (x, y) => {
    for (let dy = -margin; dy <= margin; dy += 1) for (let dx = -margin; dx <= margin; dx += 1) for (const shape of shapes) if (shape(x + dx, y + dy) > 0) return 1;
    return 0;
  };
  return pixelsOf((x, y) => 1 - near(x, y), width, height);
}

describe('findPaperPattern', () => {
  for (const { period, degrees, radius } of [
    { period: 7, degrees: 15, radius: 1.6 },
    { period: 4.5, degrees: 45, radius: 1.1 },
    { period: 11, degrees: 0, radius: 3 },
  ]) {
    it(`finds a dot screen of ${period} px turned ${degrees}°, both its periods`, () => {
      const { ink } = measured(onPaper(dotScreen(period, degrees, radius)));

      const pattern = findPaperPattern(ink.darkness, width, height);

      expect(pattern?.kind).toBe('dots');
      for (const vector of [pattern!.period, pattern!.otherPeriod!]) {
        expect(Math.hypot(...vector)).toBeCloseTo(period, 0);
        expect(angleBetween(degreesOf(vector), degrees, 90)).toBeLessThan(3);
      }
    });
  }

  for (const { period, degrees, thickness } of [
    { period: 5, degrees: 30, thickness: 1.5 },
    { period: 9, degrees: 0, thickness: 2 },
  ]) {
    it(`finds stripes ${period} px apart at ${degrees}°, and gives the period across them`, () => {
      const { ink } = measured(onPaper(stripes(period, degrees, thickness)));

      const pattern = findPaperPattern(ink.darkness, width, height);

      expect(pattern?.kind).toBe('stripes');
      expect(Math.hypot(...pattern!.period)).toBeCloseTo(period, 0);
      expect(angleBetween(degreesOf(pattern!.period), degrees + 90, 180)).toBeLessThan(3);
    });
  }

  it('finds nothing on plain paper with a stamp and a signature', () => {
    const others: InkLayer[] = [
      { shape: ring(160, 160, 90, 4), ink: inks.blue },
      { shape: ring(160, 160, 70, 2), ink: inks.blue },
      { shape: penStroke([[40, 250], [120, 230], [200, 270], [290, 240]], 2), ink: inks.black },
    ];
    const { ink } = measured({ width, height, paper: papers.office, noise: 3, inks: others });

    expect(findPaperPattern(ink.darkness, width, height)).toBeUndefined();
  });

  it('leaves ruled writing paper (rules 18 px apart) to the ruled-lines stage', () => {
    const { ink } = measured(onPaper(ruledRows(evenlySpaced(9, 18, 18), 1.5)));

    expect(findPaperPattern(ink.darkness, width, height)).toBeUndefined();
  });

  it('does not take the hatched fill of a stamp for paper when the stamp does not fill the picture', () => {
    for (const radius of [90, 120]) {
      const disc: Shape = (x, y) => (Math.hypot(x + 0.5 - 160, y + 0.5 - 160) <= radius ? 1 : 0);
      const hatched: Shape = (x, y) => disc(x, y) * stripes(6, 45, 2)(x, y);
      const { ink } = measured({ width, height, paper: papers.office, noise: 3, inks: [{ shape: union(hatched, ring(160, 160, radius, 4)), ink: inks.blue, load: 0.8 }] });

      expect(findPaperPattern(ink.darkness, width, height)).toBeUndefined();
    }
  });

  // Tiles were spread over the whole picture: on a sheet lying on a desk most fell on the desk, where
  // a wooden desk's grain is stripes of its own, and the sheet's dot screen was never found.
  it('on a screened sheet lying turned on a wooden desk, finds the sheet’s dots when told where the sheet is, not the desk’s grain', () => {
    const [deskWidth, deskHeight] = [720, 540];
    const sheet = turnedRectangle(360, 270, 400, 330, 12);
    const scene: Scene = {
      width: deskWidth,
      height: deskHeight,
      paper: papers.office,
      noise: 3,
      inks: [{ shape: dotScreen(7, 15, 1.6), ink: tint }],
      desk: { sheet, colour: woodDesk([176, 124, 80], [140, 94, 58], 5) },
    };
    const { ink } = measured(scene);

    const overPicture = findPaperPattern(ink.darkness, deskWidth, deskHeight);
    const overSheet = findPaperPattern(ink.darkness, deskWidth, deskHeight, maskOf(sheet, deskWidth, deskHeight));

    expect(overPicture?.kind).not.toBe('dots');
    expect(overSheet?.kind).toBe('dots');
    expect(Math.hypot(...overSheet!.period)).toBeCloseTo(7, 0);
  });

  it('finds nothing when dots cover one corner only (a screened logo, not the paper)', () => {
    const corner = rectangle(0, 0, 110, 110);
    const { ink } = measured(onPaper((x, y) => corner(x, y) * dotScreen(6, 15, 1.5)(x, y)));

    expect(findPaperPattern(ink.darkness, width, height)).toBeUndefined();
  });
});

describe('removePaperPattern', () => {
  function beforeAndAfter(scene: Scene): { before: Uint8Array; after: Uint8Array; pattern: PaperPattern | undefined } {
    const { picture, ink } = measured(scene);
    const pattern = findPaperPattern(ink.darkness, width, height);
    return { before: strengthOf(picture, ink), after: strengthOf(picture, (pattern && removePaperPattern(ink, pattern, width, height, measureInkScale(ink.darkness).floor)) ?? ink), pattern };
  }

  it('on a dot screen, clears the dots and keeps a thin ring and the inside of a bold bar', () => {
    const thinRing = ring(150, 150, 80, 3);
    const boldBar = rectangle(60, 250, 260, 266);
    const { before, after, pattern } = beforeAndAfter(onPaper(dotScreen(7, 15, 1.6), [
      { shape: thinRing, ink: inks.blue },
      { shape: boldBar, ink: inks.violet },
    ]));
    const paper = awayFrom([thinRing, boldBar], 2);
    // A quarter opacity is where a kept pixel starts to count as leak (shared/bg-dev/README.md). What
    // stays is a faint rim where a dot's sharp edge meets its neighbour's, read between pixels.
    const isClear = (value: number) => value < 64;

    expect(pattern?.kind).toBe('dots');
    expect(shareOf(before, paper, isClear)).toBeLessThan(0.9);
    expect(shareOf(after, paper, isClear)).toBeGreaterThan(0.995);
    expect(meanOf(after, paper)).toBeLessThan(0.25 * meanOf(before, paper));
    for (const shape of [thinRing, rectangle(60, 252, 260, 264)]) {
      const pixels = pixelsOf(shape, width, height);
      expect(meanOf(after, pixels)).toBeGreaterThan(0.9 * meanOf(before, pixels));
    }
  });

  it('on a dot screen, keeps pale and bold fills whose every neighbour lies on the fill (their gaps are dark too)', () => {
    const fills: { shape: Shape; ink: Absorption; load: number }[] = [
      { shape: rectangle(20, 20, 150, 52), ink: [0.42, 0.33, 0.12], load: 1 },
      { shape: rectangle(180, 20, 300, 80), ink: inks.red, load: 0.6 },
      { shape: (x, y) => (Math.hypot(x + 0.5 - 250, y + 0.5 - 250) <= 35 ? 1 : 0), ink: inks.violet, load: 0.7 },
    ];
    const { ink } = measured(onPaper(dotScreen(7, 15, 1.6), fills));
    const pattern = findPaperPattern(ink.darkness, width, height);
    const after = pattern && removePaperPattern(ink, pattern, width, height, measureInkScale(ink.darkness).floor);

    expect(after).toBeDefined();
    for (const fill of fills) {
      const inside = pixelsOf((x, y) => Math.min(fill.shape(x - 3, y), fill.shape(x + 3, y), fill.shape(x, y - 3), fill.shape(x, y + 3)), width, height);
      expect(meanOf(after!.darkness, inside)).toBeGreaterThan(0.9 * meanOf(ink.darkness, inside));
    }
    // And a solid block of dark ink does not make the pattern look as dark as ink: the dots still go.
    const block = rectangle(140, 40, 164, 120);
    const withBlock = beforeAndAfter(onPaper(dotScreen(7, 15, 1.6), [{ shape: block, ink: inks.blue }]));
    expect(shareOf(withBlock.after, awayFrom([block], 2), (value) => value >= 64)).toBeLessThan(0.005);
  });

  it('on stripes, keeps strokes both along and across them', () => {
    const across = penStroke([[60, 40], [60, 280]], 2.5);
    const along = penStroke([[90, 160], [290, 160]], 2.5);
    const { before, after, pattern } = beforeAndAfter(onPaper(stripes(6, 0, 1.5), [
      { shape: across, ink: inks.blue },
      { shape: along, ink: inks.blue },
    ]));
    const paper = awayFrom([across, along], 2);

    expect(pattern?.kind).toBe('stripes');
    expect(shareOf(after, paper, (value) => value <= 8)).toBeGreaterThan(0.98);
    for (const stroke of [across, along]) {
      const pixels = pixelsOf(stroke, width, height);
      expect(meanOf(after, pixels)).toBeGreaterThan(0.9 * meanOf(before, pixels));
    }
  });

  // Seed 211 r0000: the dots on a sheet lying on a grey desk were found, but 290,000 pixels of desk
  // (its noise and a shadow, darker than the paper estimate by a few per cent) were predicted a faint
  // pattern too, and over the whole picture the dots did not show: the sheet kept them all (IoU 0.09).
  it('on a screened sheet on a noisy desk a shade darker than the paper, divides the dots out when told where the sheet is', () => {
    const [deskWidth, deskHeight] = [720, 540];
    const sheet = turnedRectangle(360, 270, 300, 240, 12);
    const screen = dotScreen(9, 15, 2);
    const scene: Scene = {
      width: deskWidth,
      height: deskHeight,
      paper: papers.office,
      noise: 6,
      inks: [{ shape: screen, ink: tint }],
      desk: { sheet, colour: () => papers.office.map((value) => 0.96 * value) as [number, number, number] },
    };
    const { picture, ink } = measured(scene);
    const sheetMask = maskOf(sheet, deskWidth, deskHeight);
    const pattern = findPaperPattern(ink.darkness, deskWidth, deskHeight, sheetMask);
    const floor = measureInkScale(ink.darkness).floor;

    expect(pattern?.kind).toBe('dots');
    expect(removePaperPattern(ink, pattern!, deskWidth, deskHeight, floor)).toBeUndefined();
    const cleaned = removePaperPattern(ink, pattern!, deskWidth, deskHeight, floor, sheetMask);
    expect(cleaned).toBeDefined();
    const dots = pixelsOf((x, y) => sheetMask.bits[y * deskWidth + x]! * screen(x, y), deskWidth, deskHeight);
    // Read at the picture's own scale, the dots keep under 40 % of their strength (a third, with noise 6).
    const scale = measureScaleOfEachInk(picture, ink, ink.darkness);
    expect(meanOf(strengthFromDarkness(cleaned!.darkness, scale), dots)).toBeLessThan(0.4 * meanOf(strengthFromDarkness(ink.darkness, scale), dots));
  });

  // A zone with nothing in it the lattice predicts (a sheet of clean paper) showed a pattern: the 90th
  // percentile of no predictions read 1, above any floor.
  it('says no pattern shows where nothing is predicted (clean paper, darkness 0)', () => {
    const { ink } = measured({ width, height, paper: papers.office, noise: 0, inks: [] });
    const screen: PaperPattern = { kind: 'dots', period: [7, 0], otherPeriod: [0, 7], darkest: 0.3 };

    expect(removePaperPattern(ink, screen, width, height, 0.04)).toBeUndefined();
    expect(removePaperPattern(ink, screen, width, height, 0.04, maskOf(rectangle(40, 40, 280, 280), width, height))).toBeUndefined();
  });

  it('leaves black type alone though its letters are regular enough to make a lattice: a tint is never as dark as ink', () => {
    const text = printedText({ left: 10, top: 10, right: 310, bottom: 310 }, { height: 9, width: 7, stroke: 1.5, pitch: 15 });
    const { ink } = measured({ width, height, paper: papers.office, noise: 3, inks: [{ shape: text, ink: inks.black }] });

    expect(findPaperPattern(ink.darkness, width, height)).toBeUndefined();
  });

  it('keeps printed text on a dot screen whole enough to be read as print', () => {
    const text = printedText({ left: 10, top: 10, right: 310, bottom: 110 }, { height: 7, width: 5, stroke: 1.2, pitch: 11 });
    const { before, after, pattern } = beforeAndAfter(onPaper(dotScreen(6, 15, 1.4), [{ shape: text, ink: inks.black }]));
    const pixels = pixelsOf(text, width, height);

    expect(pattern?.kind).toBe('dots');
    expect(meanOf(after, pixels)).toBeGreaterThan(0.85 * meanOf(before, pixels));
  });
});

