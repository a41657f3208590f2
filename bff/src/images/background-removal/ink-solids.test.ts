import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { measureInk } from './ink-measure.ts';
import { measureInkSolids } from './ink-solids.ts';
import { measureInkScale } from './ink-strength.ts';
import { estimatePaper } from './paper-estimate.ts';
import { dotScreen, evenlySpaced, measureStrength, meanOf, paintScene, papers, penStroke, pixelsOf, ring, ruledColumns, ruledRows, shareOf, union, wave, type InkLayer, type Shape } from './testing/synthetic.ts';

const width = 240;
const height = 180;
const stampRing = ring(120, 90, 60, 6);
/** The ring's middle, away from the anti-aliased edge pixels whose strength is partial by design. */
const ringCore = ring(120, 90, 60, 4);
const signature = penStroke(wave(30, 210, 90, 20, 70), 3);
/** A 2 px wide strip either side of the signature: where the pen's hue decides, not the stamp's. */
const besidePen = penStroke(wave(30, 210, 90, 20, 70), 9);
const strengthOn = (layers: InkLayer[], noise = 2) => {
  const picture = paintScene({ width, height, paper: papers.office, noise, inks: layers });
  return { picture, ...measureStrength(picture, estimatePaper(picture)) };
};

describe('each ink scaled by its own solid', () => {
  it('a pale blue stamp signed across in black: the ring reads as solid ink (≥ 90 % of it at ≥ 128) while the pen stays at full strength', () => {
    const { strength } = strengthOn([
      { shape: stampRing, ink: inks.paleBlue, load: 0.6 },
      { shape: signature, ink: inks.black },
    ]);
    const ringAwayFromPen = pixelsOf((x, y) => (besidePen(x, y) ? 0 : ringCore(x, y)), width, height);

    expect(shareOf(strength, ringAwayFromPen, (value) => value >= 128)).toBeGreaterThan(0.9);
    expect(meanOf(strength, pixelsOf(penStroke(wave(30, 210, 90, 20, 70), 1), width, height))).toBeGreaterThan(245);
  });

  it('a pale red stamp beside a black pen: both found as inks, the red one with its own solid under half the pen’s', () => {
    const picture = paintScene({ width, height, paper: papers.office, noise: 2, inks: [{ shape: stampRing, ink: inks.red, load: 0.3 }, { shape: signature, ink: inks.black }] });
    const ink = measureInk(picture, estimatePaper(picture));
    const scale = measureInkScale(ink.darkness);
    const found = measureInkSolids(picture, ink, ink.darkness, scale).inks.filter((each) => each.share > 0.1);

    expect(found).toHaveLength(2);
    const [weaker, stronger] = [...found].sort((a, b) => a.solid - b.solid);
    expect(weaker!.solid).toBeLessThan(stronger!.solid / 2);
    expect(stronger!.solid).toBe(scale.solid);
    expect(found.every((each) => !each.isSpread)).toBe(true);
  });

  it('strong ink alone keeps the picture’s solid: its proportional edges are not raised', () => {
    const picture = paintScene({ width, height, paper: papers.office, noise: 2, inks: [{ shape: stampRing, ink: inks.blue }] });
    const ink = measureInk(picture, estimatePaper(picture));
    const scale = measureInkScale(ink.darkness);
    const { solid } = measureInkSolids(picture, ink, ink.darkness, scale);

    for (const pixel of pixelsOf(ringCore, width, height)) expect(solid[pixel]).toBe(scale.solid);
  });

  it('pale ruling across the whole sheet under a black signature is paper, not a faint ink: it is not raised (no rule pixel at ≥ 128)', () => {
    const rules = union(ruledRows(evenlySpaced(8, 14, 12), 1), ruledColumns(evenlySpaced(10, 20, 12), 1));
    const { strength, picture } = strengthOn([
      { shape: rules, ink: inks.ruling, load: 0.8 },
      { shape: signature, ink: inks.black },
    ]);
    const ink = measureInk(picture, estimatePaper(picture));
    const { inks: found } = measureInkSolids(picture, ink, ink.darkness, measureInkScale(ink.darkness));
    const rulePixels = pixelsOf((x, y) => (besidePen(x, y) ? 0 : rules(x, y)), width, height);

    expect(found.some((each) => each.isSpread)).toBe(true);
    expect(shareOf(strength, rulePixels, (value) => value >= 128)).toBe(0);
  });

  it('pale halftone dots over half the sheet beside a black signature are specks, not a faint ink: none raised to ≥ 128', () => {
    // Half the sheet is not "spread" (60 % of the cells); uneven light splits a real screen into
    // several hues, each in a part of it. The dots are under 24 connected pixels each.
    const dots: Shape = (x, y) => (x < width / 2 ? dotScreen(6, 15, 1.2)(x, y) : 0);
    const rightSignature = penStroke(wave(140, 230, 90, 20, 60), 3);
    const { strength } = strengthOn([
      { shape: dots, ink: inks.ruling, load: 0.9 },
      { shape: rightSignature, ink: inks.black },
    ]);

    expect(shareOf(strength, pixelsOf(dots, width, height), (value) => value >= 128)).toBe(0);
    expect(meanOf(strength, pixelsOf(penStroke(wave(140, 230, 90, 20, 60), 1), width, height))).toBeGreaterThan(245);
  });

  it('on paper with noise alone, finds no ink and leaves every pixel at the picture’s solid', () => {
    const picture = paintScene({ width, height, paper: papers.office, noise: 4 });
    const ink = measureInk(picture, estimatePaper(picture));
    const scale = measureInkScale(ink.darkness);
    const { solid, inks: found } = measureInkSolids(picture, ink, ink.darkness, scale);

    expect(found).toEqual([]);
    expect(solid.every((value) => value === Math.fround(scale.solid))).toBe(true);
  });
});
