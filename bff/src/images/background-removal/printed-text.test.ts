import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { growMask } from './masks.ts';
import { estimatePaper, measurePaperTint, type PaperEstimate } from './paper-estimate.ts';
import { removePrintedText } from './printed-text.ts';
import { evenlySpaced, maskOf, measureStrength, paintScene, papers, penStroke, pixelsOf, printedText, rectangle, ring, ruledRows, shareOf, union, without, truePaper, wave, type InkLayer, type Rgb, type Scene, type Shape } from './testing/synthetic.ts';

const width = 200;
const height = 200;
/** Letters 7 px high and 1 px thin, 17 lines of 25: a page of small print. */
const glyph = { height: 7, width: 5, stroke: 1, pitch: 11 };
const page = printedText({ left: 8, top: 8, right: 192, bottom: 192 }, glyph);
const print: InkLayer = { shape: page, ink: inks.print };

/**
 * The scene's strength before and after removing print. The paper is the scene's real paper unless
 * `paperFrom` says estimated, so that only this stage is judged.
 */
function removePrintFrom(inks: InkLayer[], options: { paper?: Rgb; paperFrom?: 'scene' | 'estimate'; size?: { width: number; height: number }; noise?: number } = {}) {
  const scene: Scene = { ...(options.size ?? { width, height }), paper: options.paper ?? papers.office, noise: options.noise ?? 2, inks };
  const picture = paintScene(scene);
  const paper: PaperEstimate = options.paperFrom === 'estimate' ? estimatePaper(picture) : truePaper(scene);
  const { ink, scale, strength } = measureStrength(picture, paper);
  return { before: strength, ...removePrintedText(picture, ink, strength, scale, measurePaperTint(paper)) };
}

/** Print pixels more than 3 px from `kept`: the print that must go whatever happens near the kept ink. */
function printAwayFrom(kept: Shape): number[] {
  const near = growMask(maskOf(kept, width, height), 3).bits;
  return pixelsOf(page, width, height).filter((pixel) => !near[pixel]);
}

const isGone = (value: number) => value === 0;
const isInk = (value: number) => value >= 128;

describe('removePrintedText', () => {
  const stamp = ring(100, 100, 50, 6);
  const stampPixels = pixelsOf(stamp, width, height);
  const crossings = stampPixels.filter((pixel) => page(pixel % width, Math.floor(pixel / width)) > 0);

  for (const [colour, ink] of [
    ['blue', inks.blue],
    ['red', inks.red],
  ] as const) {
    it(`on a page of thin black print under a ${colour} stamp ring, finds the print (≥ 300 glyphs, 7 px high), removes it and keeps the whole ring, crossings included; ≥ 99 % of the print away from the ring goes`, () => {
      const { before, strength, finding } = removePrintFrom([print, { shape: stamp, ink }]);

      expect(finding).toMatchObject({ isPresent: true, glyphHeight: glyph.height, hasKeptInk: true });
      expect(finding.glyphCount).toBeGreaterThanOrEqual(300);
      expect(shareOf(before, printAwayFrom(stamp), isInk)).toBe(1);
      expect(shareOf(strength, printAwayFrom(stamp), isGone)).toBeGreaterThan(0.99);
      expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.99);
      expect(crossings.length).toBeGreaterThan(300);
      expect(shareOf(strength, crossings, isInk)).toBeGreaterThan(0.99);
    });
  }

  // A dot screen divided out, JPEG or dust leave specks and pieces of strokes of every small height, here
  // more of them than letters. Judged by the plain median height, no height held half of all the glyphs.
  it('on a page of 20 px print outnumbered by specks from 4 to 16 px high, finds the print and removes it', () => {
    const size = { width: 600, height: 600 };
    const letters = printedText({ left: 8, top: 8, right: 592, bottom: 260 }, { height: 20, width: 12, stroke: 2, pitch: 28 });
    // Thin slanted specks, 12 rows of 58, their heights running through 4 to 16 px.
    const [speckTop, speckAcross, speckDown] = [270, 10, 18];
    const specks: Shape = (x, y) => {
      if (y < speckTop || y >= speckTop + 12 * speckDown || x < 8 || x >= 8 + 58 * speckAcross) return 0;
      const [row, column] = [Math.floor((y - speckTop) / speckDown), Math.floor((x - 8) / speckAcross)];
      const speckHeight = 4 + ((row * 58 + column) % 13);
      const down = (y - speckTop) % speckDown;
      return down < speckHeight && (x - 8) % speckAcross === Math.round(down / 3) ? 1 : 0;
    };
    const letterPixels = pixelsOf(letters, size.width, size.height);
    const { before, strength, finding } = removePrintFrom([{ shape: letters, ink: inks.print }, { shape: specks, ink: inks.print }], { size });

    expect(shareOf(before, letterPixels, isInk)).toBe(1);
    expect(finding.isPresent).toBe(true);
    expect(finding.glyphCount).toBeGreaterThan(600);
    expect(shareOf(strength, letterPixels, isGone)).toBeGreaterThan(0.99);
  });

  // A real face at 6 px: lowercase letters below 0.6 of the capitals' and ascenders' height, and
  // pieces (dots, commas, broken strokes) lower still. No height holds half of the glyph-shaped pieces
  // (pages of the random scenes measured 0.43-0.46), and the whole page was kept as ink.
  it('on a page of small print in two heights (5 px lowercase, 9 px capitals and ascenders, 4 px pieces), with 44 % of one height, finds the print and removes it, keeping a blue ring', () => {
    const size = { width: 300, height: 300 };
    // Per 20 letters: 9 lowercase, 9 tall, 2 pieces; each an arch (two stems and a top bar) on the line's base.
    const heightOf = (letter: number) => [5, 9, 5, 9, 5, 9, 5, 9, 4, 5, 9, 5, 9, 5, 9, 5, 9, 4, 5, 9][letter % 20]!;
    const [pitch, advance, letterWidth] = [14, 7, 5];
    const mixedPrint: Shape = (x, y) => {
      if (x < 8 || x >= 292 || y < 8 || y >= 292) return 0;
      const [line, lineY] = [Math.floor((y - 8) / pitch), (y - 8) % pitch];
      const wordX = (x - 8) % (5 * advance + letterWidth);
      if (wordX >= 5 * advance) return 0;
      const letterX = wordX % advance;
      if (letterX >= letterWidth) return 0;
      const letter = line * 41 + Math.floor((x - 8) / (5 * advance + letterWidth)) * 5 + Math.floor(wordX / advance);
      const top = 9 - heightOf(letter);
      if (lineY < top || lineY >= 9) return 0;
      return letterX === 0 || letterX === letterWidth - 1 || lineY === top ? 1 : 0;
    };
    const blueRing = ring(150, 150, 70, 6);
    const printPixels = pixelsOf(mixedPrint, size.width, size.height);
    const near = growMask(maskOf(blueRing, size.width, size.height), 3).bits;
    const { before, strength, finding } = removePrintFrom([{ shape: mixedPrint, ink: inks.print }, { shape: blueRing, ink: inks.blue }], { size });

    expect(shareOf(before, printPixels, isInk)).toBe(1);
    expect(finding.isPresent).toBe(true);
    expect(finding.glyphCount).toBeGreaterThan(400);
    expect(shareOf(strength, printPixels.filter((pixel) => !near[pixel]), isGone)).toBeGreaterThan(0.99);
    expect(shareOf(strength, pixelsOf(blueRing, size.width, size.height), isInk)).toBeGreaterThan(0.99);
  });

  // A violet stamp alone: its hue is the only one, so it is tried as a coloured print's. Its lettering,
  // broken into pieces by a dry pad or noise, gave 80–160 glyphs of one height, and was removed as print.
  it("on a violet stamp's lettering in 120 glyph-sized pieces inside its ring, finds no print and keeps the lettering", () => {
    const lettering = printedText({ left: 40, top: 45, right: 160, bottom: 133 }, glyph);
    const letteringPixels = pixelsOf(lettering, width, height);
    const { before, strength, finding } = removePrintFrom([{ shape: ring(100, 100, 85, 6), ink: inks.violet }, { shape: lettering, ink: inks.violet }]);

    expect(finding.glyphCount).toBeGreaterThanOrEqual(100);
    expect(finding.isPresent).toBe(false);
    expect(shareOf(before, letteringPixels, isInk)).toBeGreaterThan(0.9);
    expect(strength).toBe(before);
  });

  // A coloured form's text: blue as the bench's scenes print it, or green.
  for (const [printColour, printInk, stampColour, stampInk] of [
    ['blue', [0.7, 0.55, 0.25], 'red', inks.red],
    ['green', inks.green, 'blue', inks.blue],
  ] as const) {
    it(`on a page of ${printColour} print under a ${stampColour} stamp ring, finds the print by its glyphs though it is not grey, removes ≥ 99 % of it away from the ring and keeps the ring`, () => {
      const { strength, finding } = removePrintFrom([{ shape: page, ink: [...printInk] }, { shape: stamp, ink: stampInk }]);

      expect(finding).toMatchObject({ isPresent: true, glyphHeight: glyph.height, hasKeptInk: true });
      expect(shareOf(strength, printAwayFrom(stamp), isGone)).toBeGreaterThan(0.99);
      expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.99);
    });
  }

  it('on strongly tinted paper (a tungsten lamp), with the paper estimated, still removes the print and keeps a blue stamp', () => {
    const { strength, finding } = removePrintFrom([print, { shape: stamp, ink: inks.blue }], { paper: papers.tungsten, paperFrom: 'estimate' });

    expect(finding.isPresent).toBe(true);
    expect(shareOf(strength, printAwayFrom(stamp), isGone)).toBeGreaterThan(0.99);
    expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.99);
  });

  // On tinted paper, under uneven light or through JPEG's half-resolution colour, one page's print
  // measures as more than one hue; the second was taken for coloured ink, whole words kept as strokes.
  it('on a page whose print shows two hues (every third line browner, about 0.17 from grey), removes both (≥ 98 % away from a red ring; 94 % before) and keeps the ring', () => {
    const browner: Rgb = [0.78, 0.85, 0.9];
    const isBrownerLine = (y: number) => Math.floor((y - 8) / glyph.pitch) % 3 === 1;
    const greyLines: Shape = (x, y) => (isBrownerLine(y) ? 0 : page(x, y));
    const brownerLines: Shape = (x, y) => (isBrownerLine(y) ? page(x, y) : 0);
    const { strength, finding } = removePrintFrom([{ shape: greyLines, ink: inks.print }, { shape: brownerLines, ink: browner }, { shape: stamp, ink: inks.red }]);

    expect(finding.isPresent).toBe(true);
    expect(shareOf(strength, printAwayFrom(stamp), isGone)).toBeGreaterThan(0.98);
    expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.99);
  });

  // A second hue over 1.5 times the print's height, with more ink, joins it only when the print's glyphs
  // lie on its edges (a grey-blue print's rims found first: seed 7 r0024, remove-background.test.ts).
  // Blue-grey writing twice the grey print's height between its lines (handwriting on a printed form,
  // found in review: all of it erased) is no part of the print, and stays.
  it('keeps blue-grey writing (10 px, more ink) between lines of grey print (6 px) that it does not touch (≥ 95 %)', () => {
    const size = { width: 300, height: 300 };
    const writing = printedText({ left: 8, top: 8, right: 292, bottom: 292 }, { height: 10, width: 8, stroke: 2, pitch: 20 });
    const print = printedText({ left: 8, top: 20, right: 292, bottom: 292 }, { height: 6, width: 4, stroke: 1, pitch: 20 });
    const writingPixels = pixelsOf(writing, size.width, size.height);
    const { strength, finding } = removePrintFrom([{ shape: print, ink: inks.print }, { shape: writing, ink: [0.78, 0.7, 0.55] }], { size });

    expect(finding).toMatchObject({ isPresent: true });
    expect(shareOf(strength, writingPixels, isInk)).toBeGreaterThan(0.95);
  });

  // Noise scatters black print's hue: on a noisy photo of a lined page whose red rules are most of the
  // ink, the neutral peak's narrow window held under 12 % of it, and the print was found only among the
  // hue peaks, where it needed the 200 glyphs of a coloured print (seed 211 r0016: 158, blurred into
  // words), and stayed whole. A peak within the neutral limit now needs a black print's 80.
  it('on a lined page (red rules, 3 lines of black print, 192 glyphs) with noise of 6 levels, finds the print and removes it (≥ 97 %), leaving the rules to the ruling stage', () => {
    const size = { width: 600, height: 400 };
    const rules = ruledRows(evenlySpaced(6, 24, 16), 3);
    const lines = printedText({ left: 10, top: 136, right: 590, bottom: 206 }, { height: 9, width: 6, stroke: 1, pitch: 24 });
    const { before, strength, finding } = removePrintFrom([{ shape: rules, ink: inks.red }, { shape: lines, ink: inks.print }], { size, noise: 6 });
    const linePixels = pixelsOf(without(lines, rules), size.width, size.height);

    expect(finding).toMatchObject({ isPresent: true });
    expect(shareOf(before, linePixels, isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, linePixels, isGone)).toBeGreaterThan(0.97);
  });

  // Known weak: a stamp of the print's own colour set clear of the text (a blue stamp under a blue
  // letter), its thin ring broken by gaps into arcs no longer than a word and its letters in no line with
  // the text: the arcs and letters are glyphs of the print, and go with it (none of it kept here; a ring
  // whole in the strong ink but split by hue, as seed 7 r0120's, is kept by shapesAcrossHues). Keeping
  // what lies over 3 glyph heights clear of the text's full lines kept it, but on the tuning seeds lost far
  // more (seed 7 −0.009, seed 211 −0.017: text blocks whose lines were too broken to count stayed).
  it.fails('keeps a blue stamp set below a page of blue print, its ring broken into short arcs (≥ 90 % of the ring and its letters), and removes ≥ 99 % of the print', () => {
    const size = { width: 400, height: 400 };
    const text = printedText({ left: 10, top: 10, right: 390, bottom: 200 }, { height: 9, width: 6, stroke: 1, pitch: 14 });
    const arcs: Shape = (x, y) => {
      const degrees = (Math.atan2(y + 0.5 - 300, x + 0.5 - 200) * 180) / Math.PI + 180;
      return degrees % 24 < 16 ? ring(200, 300, 60, 2)(x, y) : 0;
    };
    const letters = printedText({ left: 165, top: 285, right: 240, bottom: 320 }, { height: 7, width: 5, stroke: 1, pitch: 12 });
    const stampPixels = pixelsOf(arcs, size.width, size.height).concat(pixelsOf(letters, size.width, size.height));
    const { before, strength, finding } = removePrintFrom([{ shape: text, ink: inks.blue }, { shape: arcs, ink: inks.blue }, { shape: letters, ink: inks.blue }], { size });

    expect(finding).toMatchObject({ isPresent: true });
    expect(shareOf(before, stampPixels, isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, pixelsOf(text, size.width, size.height), isGone)).toBeGreaterThan(0.99);
  });

  // A line of print standing apart from the text is print all the same: a guard for any rule that keeps
  // ink lying clear of the text (one was tried in session 33).
  it('removes a short line of print standing apart below the text (an "Authorised Signatory" line, 4 glyph heights clear) with the rest (≥ 99 %)', () => {
    const size = { width: 400, height: 400 };
    const text = printedText({ left: 10, top: 10, right: 390, bottom: 200 }, { height: 9, width: 6, stroke: 1, pitch: 14 });
    const apart = printedText({ left: 200, top: 240, right: 330, bottom: 249 }, { height: 9, width: 6, stroke: 1, pitch: 14 });
    const { strength, finding } = removePrintFrom([{ shape: text, ink: inks.print }, { shape: apart, ink: inks.print }], { size });

    expect(finding).toMatchObject({ isPresent: true });
    expect(pixelsOf(apart, size.width, size.height).length).toBeGreaterThan(300);
    expect(shareOf(strength, pixelsOf(apart, size.width, size.height), isGone)).toBeGreaterThan(0.99);
  });

  // Known weak: the whole second hue joins the print, so a thin pen in that hue across the page (a
  // brownish-black pen on a page whose print measures partly brownish) goes with it; it was kept whole
  // before the second hue counted as print. Taking only the hue's glyphs kept 31 % of it (beside the print
  // its ink is unmixed against a print direction that includes the hue) and lost 0.10-0.35 on tuning scenes.
  it.fails('on a page whose print shows two hues, keeps a signature in the second hue (≥ 90 % of its ink)', () => {
    const size = { width: 400, height: 300 };
    const lines = (top: number) => printedText({ left: 10, top, right: 390, bottom: 290 }, { ...glyph, pitch: 28 });
    const tinted: Rgb = [0.88, 0.84, 0.7];
    const signature = penStroke(wave(60, 340, 150, 30, 70), 2);
    const { before, strength } = removePrintFrom(
      [{ shape: lines(10), ink: inks.print }, { shape: lines(24), ink: tinted }, { shape: signature, ink: tinted }, { shape: ring(320, 230, 40, 4), ink: inks.red }],
      { size },
    );
    const signaturePixels = pixelsOf(without(without(signature, lines(10)), lines(24)), size.width, size.height);

    expect(shareOf(before, signaturePixels, isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, signaturePixels, isInk)).toBeGreaterThan(0.9);
  });

  // A stamp's letters blended with the print under them make a hue next to the print's, by the hundred
  // on a large stamp, but in one place: the stamp's. A 600 × 400 page, a stamp of boxed rows on it.
  it("keeps a boxed-row stamp's 126 letters in a hue next to the print's, found in one place of the page (not throughout it)", () => {
    const size = { width: 600, height: 400 };
    const box = { left: 60, top: 60, right: 230, bottom: 140 };
    // Rows 13 px apart: 7 px of letters, 2 px of blue rule, 2 px of paper either side.
    const rowPitch = 13;
    const rows: Shape = (x, y) => (x >= box.left && x < box.right && y >= box.top && y < box.bottom && [9, 10].includes((y - box.top) % rowPitch) ? 1 : 0);
    const lettering = printedText({ left: box.left + 4, top: box.top, right: box.right - 4, bottom: box.bottom }, { ...glyph, pitch: rowPitch });
    const bigPage = printedText({ left: 8, top: 8, right: 592, bottom: 392 }, glyph);
    const pageAround: Shape = (x, y) => (x >= box.left - 6 && x < box.right + 6 && y >= box.top - 6 && y < box.bottom + 6 ? 0 : bigPage(x, y));
    const letteringPixels = pixelsOf(lettering, size.width, size.height);
    const { before, strength, finding } = removePrintFrom(
      [{ shape: pageAround, ink: inks.print }, { shape: rows, ink: inks.blue }, { shape: lettering, ink: [0.78, 0.85, 0.9] }],
      { size },
    );

    expect(finding.isPresent).toBe(true);
    expect(shareOf(before, letteringPixels, isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, letteringPixels, isInk)).toBeGreaterThan(0.8);
  });

  it('on a stamp without print, finds none and hands the strength back untouched', () => {
    const { before, strength, finding } = removePrintFrom([{ shape: stamp, ink: inks.blue }]);

    expect(finding.isPresent).toBe(false);
    expect(strength).toBe(before);
  });

  it("on a black stamp's own lettering (a dozen glyphs), finds no print and keeps the stamp untouched", () => {
    const lettering = printedText({ left: 78, top: 90, right: 125, bottom: 110 }, glyph);
    const { before, strength, finding } = removePrintFrom([{ shape: stamp, ink: inks.black }, { shape: lettering, ink: inks.black }]);

    expect(finding.isPresent).toBe(false);
    expect(finding.glyphCount).toBeLessThan(80);
    expect(strength).toBe(before);
  });

  it('on print alone, removes all of it and says no other ink was kept', () => {
    const { strength, finding } = removePrintFrom([print]);

    expect(finding).toMatchObject({ isPresent: true, hasKeptInk: false });
    expect(shareOf(strength, pixelsOf(page, width, height), isGone)).toBe(1);
  });

  it('on a black signature 8 px thick across the print, keeps the signature (≥ 95 %) and removes ≥ 99 % of the print away from it', () => {
    const signature = penStroke(wave(25, 175, 100, 25, 85), 8);
    const { strength } = removePrintFrom([print, { shape: signature, ink: inks.black }]);

    expect(shareOf(strength, pixelsOf(signature, width, height), isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, printAwayFrom(signature), isGone)).toBeGreaterThan(0.99);
  });

  // A black stamp on black print: its ring is kept as a stroke thicker than the print's, but its bold
  // letters, as thick and only a letter long each, went with the print (cores were kept only from 2.5
  // glyph heights long, a signature's).
  it("keeps a black stamp's bold letters (14 px high, strokes 5 px) inside its ring on thin black print, and removes ≥ 99 % of the print away from the stamp", () => {
    const boldLetters = printedText({ left: 62, top: 93, right: 140, bottom: 107 }, { height: 14, width: 12, stroke: 5, pitch: 20 });
    const blackStamp = union(stamp, boldLetters);
    const letterPixels = pixelsOf(boldLetters, width, height);
    const { before, strength, finding } = removePrintFrom([print, { shape: blackStamp, ink: inks.black }]);

    expect(finding.isPresent).toBe(true);
    expect(shareOf(before, letterPixels, isInk)).toBe(1);
    expect(shareOf(strength, letterPixels, isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, printAwayFrom(blackStamp), isGone)).toBeGreaterThan(0.99);
  });

  // A black double ring on black print: the outer ring is thicker than the print and kept; the inner
  // one is as thin as the print, so it and the letters it touches made one component of the print's
  // colour, and went with the print.
  it('keeps the thin inner ring of a black double ring on thin black print (≥ 95 %), with no more than the letters it touches', () => {
    const innerRing = ring(100, 100, 36, 1.2);
    const doubleRing = union(stamp, innerRing);
    const { strength } = removePrintFrom([print, { shape: doubleRing, ink: inks.black }]);

    expect(shareOf(strength, pixelsOf(innerRing, width, height), isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, pixelsOf(stamp, width, height), isInk)).toBeGreaterThan(0.99);
    expect(shareOf(strength, printAwayFrom(doubleRing), isGone)).toBeGreaterThan(0.9);
  });

  // A pale stamp on a page of print: its ink's solid, read from every pixel of its hue, is pulled up by
  // the letters it tints where it crosses them, so the ring came out under half opacity.
  for (const [colour, paleInk] of [
    ['blue', inks.paleBlue],
    ['red', [0.07, 0.3, 0.26]],
  ] as const) {
    it(`keeps a pale ${colour} ring on a page of black print at full opacity (≥ 90 % of it ink) and removes ≥ 99 % of the print away from it`, () => {
      const wideRing = ring(100, 100, 60, 5);
      const { strength } = removePrintFrom([print, { shape: wideRing, ink: paleInk as Rgb }]);

      expect(shareOf(strength, pixelsOf(wideRing, width, height), isInk)).toBeGreaterThan(0.9);
      expect(shareOf(strength, printAwayFrom(wideRing), isGone)).toBeGreaterThan(0.99);
    });
  }

  // Measured hue by hue: with every coloured pixel away from the print in one pool, the paper's blue
  // rules (running through the whole print) made the stamp seem spread throughout it, and a full-strength
  // pen across the stamp set the pool's body at the pen's darkness; either way the stamp stayed pale.
  const paleRed: Rgb = [0.07, 0.3, 0.26];
  const smallRing = ring(100, 100, 40, 5);
  it('keeps a pale red ring on black print on ruled paper (blue rules between the text lines) at full opacity (≥ 90 % of it ink), and does not raise the rules (≤ 10 % ink)', () => {
    const spacedPage = printedText({ left: 8, top: 8, right: 192, bottom: 192 }, { ...glyph, pitch: 22 });
    const rules = ruledRows(evenlySpaced(23, 22, 8), 1);
    const { strength, finding } = removePrintFrom([{ shape: rules, ink: inks.ruling }, { shape: spacedPage, ink: inks.print }, { shape: smallRing, ink: paleRed }]);

    expect(finding.isPresent).toBe(true);
    expect(shareOf(strength, pixelsOf(without(smallRing, spacedPage), width, height), isInk)).toBeGreaterThan(0.9);
    const rulesAwayFromRing = without(rules, ring(100, 100, 40, 16));
    expect(shareOf(strength, pixelsOf(rulesAwayFromRing, width, height), isInk)).toBeLessThan(0.1);
  });

  it('keeps a pale red ring on black print at full opacity (≥ 90 % of it ink) with a blue pen across it, and keeps the pen', () => {
    const pen = union(penStroke(wave(20, 180, 90, 12, 80), 3), penStroke(wave(20, 180, 120, 12, 80), 3));
    const { strength } = removePrintFrom([print, { shape: smallRing, ink: paleRed }, { shape: pen, ink: inks.blue }]);

    expect(shareOf(strength, pixelsOf(without(smallRing, pen), width, height), isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, pixelsOf(pen, width, height), isInk)).toBeGreaterThan(0.9);
  });

  // Not a pale stamp: pale ink spread all over the printed page (a security tint's wavy lines) is the
  // paper's, as ink-solids.ts has it for spread inks, and is not raised to full opacity.
  it('does not raise pale blue wavy lines spread over the whole printed page to full opacity (≤ 10 % of them ink)', () => {
    // Lines of print 22 px apart, a wavy line in each gap: the waves never touch the print.
    const spacedPage = printedText({ left: 8, top: 8, right: 192, bottom: 192 }, { ...glyph, pitch: 22 });
    const waves = evenlySpaced(26, 22, 8).map((middle) => penStroke(wave(8, 192, middle, 2, 30), 2)).reduce((all, line) => union(all, line));
    const { strength, finding } = removePrintFrom([{ shape: spacedPage, ink: inks.print }, { shape: waves, ink: inks.paleBlue }]);

    expect(finding.isPresent).toBe(true);
    expect(shareOf(strength, pixelsOf(waves, width, height), isInk)).toBeLessThan(0.1);
  });

  // Known weak: a stamp's lettering as thin as the print and in its colour is glyphs of about the print's
  // height, by the dozen, lying among the print's; nothing here tells them from the print's own, so they
  // go with it (the ring stays). Telling them apart needs the print's text lines (the stamp's lettering
  // follows an arc, or another slant), which nothing measures yet.
  it.fails("keeps a black stamp's thin lettering (10 px high, 1 px strokes) inside its ring on thin black print (≥ 80 %)", () => {
    const thinLetters = printedText({ left: 62, top: 93, right: 140, bottom: 103 }, { height: 10, width: 7, stroke: 1, pitch: 20 });
    const letterPixels = pixelsOf(thinLetters, width, height);
    const { strength } = removePrintFrom([print, { shape: union(stamp, thinLetters), ink: inks.black }]);

    expect(shareOf(strength, letterPixels, isInk)).toBeGreaterThan(0.8);
  });

  // A stamp of the print's colour below the text: its thin ring stays as a shape, but its letters, as
  // thin as the print and about its height, went with it. They lie on no printed line: the glyphs along
  // each letter's line are a dozen on the page and one or none round the ring.
  it("keeps a black stamp's thin lettering round its ring, below the text on thin black print (≥ 80 %), and removes ≥ 99 % of the print away from it", () => {
    const size = { width: 300, height: 300 };
    const text = printedText({ left: 8, top: 8, right: 292, bottom: 150 }, glyph);
    const letterAt = (angle: number): Shape => {
      const [x, y] = [Math.round(150 + 38 * Math.cos(angle)), Math.round(228 + 38 * Math.sin(angle))];
      return without(rectangle(x - 3, y - 4, x + 3, y + 4), rectangle(x - 2, y - 3, x + 2, y + 3));
    };
    const letters = evenlySpaced(0, Math.PI / 8, 16).map(letterAt).reduce((all, letter) => union(all, letter));
    const thinRing = ring(150, 228, 52, 1.5);
    const { before, strength, finding } = removePrintFrom([{ shape: text, ink: inks.print }, { shape: union(thinRing, letters), ink: inks.black }], { size });
    const letterPixels = pixelsOf(letters, size.width, size.height);
    const near = growMask(maskOf(union(thinRing, letters), size.width, size.height), 3).bits;

    expect(finding.isPresent).toBe(true);
    expect(shareOf(before, letterPixels, isInk)).toBeGreaterThan(0.95);
    expect(shareOf(strength, letterPixels, isInk)).toBeGreaterThan(0.8);
    expect(shareOf(strength, pixelsOf(thinRing, size.width, size.height), isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, pixelsOf(text, size.width, size.height).filter((pixel) => !near[pixel]), isGone)).toBeGreaterThan(0.99);
  });

  // The other side of it: a small ring laid on the text holds few enough glyphs to be a stamp's, and
  // the print inside it must still go, since its lines run on outside the ring. (The letters the ring
  // touches stay with it, as before: 98.5 % goes. Keeping all the box holds would leave 87 %.)
  it('on a small thin black ring laid over thin black print, removes the print inside the ring too (≥ 98 % of the print away from the ring)', () => {
    const smallRing = ring(100, 100, 25, 1.5);
    const { strength } = removePrintFrom([print, { shape: smallRing, ink: inks.black }]);

    expect(shareOf(strength, pixelsOf(smallRing, width, height), isInk)).toBeGreaterThan(0.9);
    expect(shareOf(strength, printAwayFrom(smallRing), isGone)).toBeGreaterThan(0.98);
  });

  // Words or lines run together (by blur, JPEG, or an underline) are components as long as a stamp's
  // ring; on a tilted page their boxes are several lines high too. They are still bands of text.
  it('on a page tilted 8° with every third line underlined (one component per line), still removes ≥ 99 % of the print away from a black ring', () => {
    const underlined: Shape = (x, y) => {
      const lineY = (y - 8) % glyph.pitch;
      const isUnderlined = Math.floor((y - 8) / glyph.pitch) % 3 === 0 && lineY === glyph.height - 1 && x >= 8 && x < 192 && y >= 8 && y < 192;
      return isUnderlined ? 1 : page(x, y);
    };
    const turn = (8 * Math.PI) / 180;
    const tilted: Shape = (x, y) => underlined(Math.round(100 + (x - 100) * Math.cos(turn) + (y - 100) * Math.sin(turn)), Math.round(100 - (x - 100) * Math.sin(turn) + (y - 100) * Math.cos(turn)));
    const tiltedPixels = pixelsOf(tilted, width, height);
    const near = growMask(maskOf(stamp, width, height), 3).bits;
    const { strength, finding } = removePrintFrom([{ shape: tilted, ink: inks.print }, { shape: stamp, ink: inks.black }]);

    expect(finding.isPresent).toBe(true);
    expect(shareOf(strength, tiltedPixels.filter((pixel) => !near[pixel]), isGone)).toBeGreaterThan(0.99);
    expect(shareOf(strength, stampPixels, isInk)).toBeGreaterThan(0.99);
  });

  it('on a black pen as fine as the print, running across many text lines, keeps the whole pen stroke and removes ≥ 93 % of the print away from it', () => {
    const signature = penStroke(wave(25, 175, 100, 50, 85), 1.5);
    const { strength, finding } = removePrintFrom([print, { shape: signature, ink: inks.black }]);

    expect(finding.hasKeptInk).toBe(true);
    expect(shareOf(strength, pixelsOf(signature, width, height), isInk)).toBeGreaterThan(0.99);
    // The letters the pen touches join its stroke and stay: about 4 % of the page here.
    expect(shareOf(strength, printAwayFrom(signature), isGone)).toBeGreaterThan(0.93);
  });

  // A pen about five times as thick as the print falls between the two ways of keeping it: some of
  // its core is deep enough to count as a thick stroke (thickFrom), so enough ink is kept that the
  // fallback for pens as fine as the print (keep every long stroke) does not run; the stretches
  // whose depth falls just short are removed with the print. 17 % of this stroke is kept, against
  // 100 % for the same wave drawn 4.5 or 5.5 px thick, or the same pen on a steeper or flatter wave.
  it.fails('on a black signature 5 px thick across print 1 px thin, keeps at least 95 % of the signature', () => {
    const signature = penStroke(wave(25, 175, 100, 25, 85), 5);
    const { strength } = removePrintFrom([print, { shape: signature, ink: inks.black }]);

    expect(shareOf(strength, pixelsOf(signature, width, height), isInk)).toBeGreaterThan(0.95);
  });
});
