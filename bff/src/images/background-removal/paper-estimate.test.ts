import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { estimatePaper, measurePaperTint } from './paper-estimate.ts';
import { maskOf, paintScene, papers, pixelsOf, rectangle, ring, shadowFrom, sideLight, truePaper, type Scene, type Shape } from './testing/synthetic.ts';

/** The largest difference, in 8-bit levels over R, G and B, between the estimate and the scene's real paper (within `area`, when given). */
function worstPaperError(scene: Scene, area?: Shape): number {
  const estimate = estimatePaper(paintScene(scene));
  const truth = truePaper(scene);
  const pixels = pixelsOf(area ?? (() => 1), scene.width, scene.height);
  let worst = 0;
  for (let channel = 0; channel < 3; channel += 1) {
    const estimated = estimate.channels[channel]!.values;
    const real = truth.channels[channel]!.values;
    for (const pixel of pixels) worst = Math.max(worst, 255 * Math.abs(estimated[pixel]! - real[pixel]!));
  }
  return worst;
}

const width = 200;
const height = 150;
const paper = papers.office;

describe('estimatePaper', () => {
  it('on flat paper with sensor noise, gives the paper within 3 levels at every pixel', () => {
    expect(worstPaperError({ width, height, paper, noise: 2 })).toBeLessThan(3);
  });

  it('on paper lit from one side (60 % to 100 % of the light), follows the light within 4 levels at every pixel', () => {
    expect(worstPaperError({ width, height, paper, noise: 2, light: sideLight(0.6, 1, width) })).toBeLessThan(4);
  });

  it('across the hard edge of a shadow taking 45 % of the light, keeps the step sharp: within 3 levels on both sides, up to the edge', () => {
    expect(worstPaperError({ width, height, paper, noise: 2, light: shadowFrom(100, 0.45) })).toBeLessThan(3);
  });

  it('under a ring of blue stamp ink 6 px thick, is not pulled down by the ink: within 3 levels under the ring', () => {
    const stamp = ring(100, 75, 40, 6);

    expect(worstPaperError({ width, height, paper, noise: 2, inks: [{ shape: stamp, ink: inks.blue }] }, stamp)).toBeLessThan(3);
  });

  it('under a black ring crossing a shadow edge, gives each side its own paper within 3 levels', () => {
    const stamp = ring(100, 75, 40, 6);

    expect(worstPaperError({ width, height, paper, noise: 2, light: shadowFrom(100, 0.45), inks: [{ shape: stamp, ink: inks.black }] }, stamp)).toBeLessThan(3);
  });

  // inkReach in paper-estimate.ts: strokes narrower than 2 × 4 % of the long side vanish, whatever the picture's size.
  for (const side of [200, 400]) {
    it(`in a ${side} px picture, under a solid black bar 7 % of the long side wide, still finds the paper within 4 levels`, () => {
      const barWidth = Math.round(0.07 * side);
      const bar = rectangle(side / 2 - barWidth / 2, side * 0.1, side / 2 + barWidth / 2, side * 0.65);

      expect(worstPaperError({ width: side, height: side * 0.75, paper, noise: 2, inks: [{ shape: bar, ink: inks.black }] }, bar)).toBeLessThan(4);
    });
  }

  it('in a 400 px photo (estimated on a copy shrunk 2 times), follows side light and ignores a stamp ring within 3 levels', () => {
    const stamp = ring(200, 150, 80, 8);

    expect(worstPaperError({ width: 400, height: 300, paper, noise: 2, light: sideLight(0.6, 1, 400), inks: [{ shape: stamp, ink: inks.black }] })).toBeLessThan(3);
  });

  it('on a scan whose every fourth row is 5 % darker, follows each row within 2 levels', () => {
    // Without the per-row gains the shrunk estimate averages the bands away: 12 levels off on the dark rows.
    expect(worstPaperError({ width, height, paper, noise: 1, light: (_x, y) => (y % 4 === 0 ? 0.95 : 1) })).toBeLessThan(2);
  });

  it('on a scan whose every fifth column is 6 % darker, follows each column within 2 levels', () => {
    expect(worstPaperError({ width, height, paper, noise: 1, light: (x) => (x % 5 === 0 ? 0.94 : 1) })).toBeLessThan(2);
  });

  // The closing's windows once grew to 2r + 1 at the picture's border (planes.ts, rankAlong), so this
  // strip 12 px wide (r = 8) was estimated 109 levels too bright, its paper read as ink of darkness
  // 0.45. Strips up to r wide are still closed as strokes, as anywhere else in the picture.
  it('on a shadow strip 12 px wide along the picture\'s left edge, follows it within 3 levels', () => {
    expect(worstPaperError({ width, height, paper, noise: 2, light: (x) => (x < 12 ? 0.55 : 1) })).toBeLessThan(3);
  });

  // Pale ink falls inside the per-line gains' plausible range (0.6..1.6 of the estimate), so rows a
  // third covered by it are taken for darker rows of paper: up to 24 levels too dark here (14 on
  // average), and the pale ink then reads 30 % fainter than it is (darkness 0.18 for 0.26). Solid
  // ink, outside the range, does not do this.
  it.fails('under pale stamp ink (blue at 30 % load) covering 30 % of each of its rows, stays within 3 levels of the paper', () => {
    const paleStrokes: Shape = (x, y) => (y >= 60 && y < 100 && x % 13 < 4 ? 1 : 0);
    const rowsWithInk = rectangle(0, 60, width, 100);

    expect(worstPaperError({ width, height, paper, noise: 2, inks: [{ shape: paleStrokes, ink: inks.blue, load: 0.3 }] }, rowsWithInk)).toBeLessThan(3);
  });

  // Known weak, the same way: lines of print, blurred by the camera, cover much of a text row at or a
  // little below the paper's brightness, and each row's mean ratio reads it darker than its paper. The
  // paper between the glyphs then reads brighter than paper, and those pixels set the noise floor:
  // 0.22 over a photographed page of seed 211 (r0142), where a pale stamp lay at 0.19. Glyph rows 9 px
  // high, 13 px apart, each row's pixels half glyph, a quarter blurred edge (30 % and 10 % coverage), a
  // quarter paper, the glyphs of each line shifted 3 px from the last (aligned, their pale edges would
  // make columns of pale ink, the case above). 8.7 levels off under the rows. Gains from each stretch's
  // brightest tenth pass this (branch wip/robust-line-gains), but the stages after the estimate were
  // tuned on the old one and lose more than they gain on the tuning seeds (README, session 29).
  it.fails('on a page of print blurred into its rows, gives the paper under the text rows within 3 levels', () => {
    const edgeCoverage = [1, 1, 1, 1, 0.3, 0.1, 0, 0];
    const textLine = (y: number) => Math.floor((y - 20) / 13);
    const blurredText: Shape = (x, y) => (y >= 20 && y < 140 && (y - 20) % 13 < 9 && x >= 10 && x < 190 ? edgeCoverage[(x + 3 * textLine(y)) % 8]! : 0);
    const textRows = rectangle(0, 20, width, 140);

    expect(worstPaperError({ width, height, paper, noise: 2, inks: [{ shape: blurredText, ink: inks.print }] }, textRows)).toBeLessThan(3);
  });
});

describe('measurePaperTint', () => {
  const tintOf = (scene: Scene, zone?: { bits: Uint8Array }) => measurePaperTint(estimatePaper(paintScene(scene)), zone);

  it('on white or grey paper, measures no tint (under 0.02)', () => {
    expect(tintOf({ width, height, paper: [245, 245, 245], noise: 2 })).toBeLessThan(0.02);
    expect(tintOf({ width, height, paper: [150, 150, 150], noise: 2 })).toBeLessThan(0.02);
  });

  it('on paper under a tungsten lamp (250, 190, 110), measures 1 − 110 / 250 = 0.56 within 0.02', () => {
    expect(Math.abs(tintOf({ width, height, paper: papers.tungsten, noise: 2 }) - 0.56)).toBeLessThan(0.02);
  });

  it('given the sheet as its zone, measures the white sheet, not the orange desk around it', () => {
    const sheet = rectangle(60, 40, 140, 110);
    const scene: Scene = { width, height, paper: [245, 245, 245], noise: 2, desk: { sheet, colour: () => [250, 190, 110] } };
    const zone = maskOf(sheet, width, height);

    expect(tintOf(scene)).toBeGreaterThan(0.4);
    expect(tintOf(scene, zone)).toBeLessThan(0.02);
  });
});
