import { describe, expect, it } from 'vitest';
import { inks } from '../../../bench/scenes/ink-on-paper.ts';
import { removeBackground } from './remove-background.ts';
import { meanOf, paintScene, papers, penStroke, pixelsOf, printedText, rectangle, ring, ruledRows, shareOf, union, wave, without, type InkLayer, type Shape } from './testing/synthetic.ts';

// A form's boxes on a 400 × 300 sheet: eleven row rules 24 px apart and column lines from the first
// rule to the last. Each box carries a one-word label in grey print, 5 glyphs 7 px high: 50 glyphs
// in all, too few to count as a printed page (80), enough for a form's labels (16).
const width = 400;
const height = 300;
const ruleRows = Array.from({ length: 11 }, (_, index) => 30 + 24 * index);
const formRules = ruledRows(ruleRows, 2);
const columnLine = (x0: number): Shape => rectangle(x0, ruleRows[0]!, x0 + 2, ruleRows.at(-1)! + 2);
const labels = printedText({ left: 26, top: ruleRows[0]! + 6, right: 26 + 5 * 7 + 5, bottom: ruleRows.at(-1)! }, { height: 7, width: 5, stroke: 1, pitch: 24 });
const stampRing = ring(290, 150, 60, 4);
/** A stamp's own lettering inside its ring: five close lines (1.6 glyph heights apart), 50 glyphs of the labels' height. */
const stampLettering = printedText({ left: 250, top: 125, right: 330, bottom: 175 }, { height: 7, width: 5, stroke: 1, pitch: 11 });

/** The chosen alpha of a scene holding `layers`, without the model. */
async function alphaOf(layers: InkLayer[]): Promise<{ strength: Uint8Array; reason: string }> {
  const picture = paintScene({ width, height, paper: papers.office, noise: 2, inks: layers });
  const result = await removeBackground({ type: 'image/png', ...picture }, { useModel: 'never' });
  return { strength: result.candidates.find((candidate) => candidate.method === result.chosen)!.strength, reason: result.reason };
}

const isClear = (value: number) => value <= 8;

describe("removeBackground on a form's labels", () => {
  it('on a form with two column lines, clears the labels, rules and columns and keeps a blue stamp over it', async () => {
    const form = union(formRules, columnLine(20), columnLine(378));
    const { strength, reason } = await alphaOf([
      { shape: form, ink: inks.ruling },
      { shape: labels, ink: inks.print, load: 0.7 },
      { shape: stampRing, ink: inks.blue },
    ]);
    const stampPixels = pixelsOf(stampRing, width, height);

    expect(reason).toMatch(/printed text removed \(50 glyphs/);
    expect(shareOf(strength, pixelsOf(without(labels, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(shareOf(strength, pixelsOf(without(form, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, stampPixels)).toBeGreaterThan(200);
  });

  // Labels in mixed case ("Invoice No."): the lowercase letters stand at about half the capitals'
  // height, below the one height that the capitals and ascenders set (0.6-1.5 of it). Here each label
  // is nine glyphs on one baseline, four 9 px high and five 5 px: 40 of 90 glyphs of one height (0.44).
  it('on a form with two column lines, clears labels in mixed case (lowercase under the one height)', async () => {
    const tall = [true, false, false, true, false, true, false, true, false];
    const mixedCase: Shape = (x, y) => {
      const left = 26;
      const advance = 7;
      const row = ruleRows.findIndex((rule) => y >= rule + 6 && y < rule + 15);
      if (row < 0 || row >= ruleRows.length - 1 || x < left || x >= left + tall.length * advance) return 0;
      const glyph = Math.floor((x - left) / advance);
      const glyphX = (x - left) % advance;
      const glyphTop = ruleRows[row]! + 6 + (tall[glyph] ? 0 : 4);
      if (glyphX >= 5 || y < glyphTop) return 0;
      return glyphX === 0 || glyphX === 4 || y === glyphTop ? 1 : 0;
    };
    const form = union(formRules, columnLine(20), columnLine(378));
    const { strength, reason } = await alphaOf([
      { shape: form, ink: inks.ruling },
      { shape: mixedCase, ink: inks.print, load: 0.7 },
      { shape: stampRing, ink: inks.blue },
    ]);

    expect(reason).toMatch(/printed text removed \(90 glyphs/);
    expect(shareOf(strength, pixelsOf(without(mixedCase, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // A notebook's margin is one line from the first rule to the last: ruled paper, not boxes. Its black
  // stamp's lettering (here the same 50 glyphs) is ink to keep.
  it("on ruled paper with a margin line, keeps a black stamp's lettering", async () => {
    const { strength, reason } = await alphaOf([
      { shape: union(formRules, columnLine(20)), ink: inks.ruling },
      { shape: stampLettering, ink: inks.black },
      { shape: stampRing, ink: inks.black },
    ]);

    expect(reason).not.toMatch(/printed text removed/);
    expect(meanOf(strength, pixelsOf(stampLettering, width, height))).toBeGreaterThan(150);
  });

  // A legal pad: its double margin is two lines a few millimetres apart, running the page's height.
  it("on a legal pad (a double margin), keeps a black stamp's lettering", async () => {
    const marginLine = (x0: number): Shape => rectangle(x0, 0, x0 + 2, height);
    const { strength, reason } = await alphaOf([
      { shape: union(formRules, marginLine(40), marginLine(48)), ink: inks.ruling },
      { shape: stampLettering, ink: inks.black },
      { shape: stampRing, ink: inks.black },
    ]);

    expect(reason).not.toMatch(/printed text removed/);
    expect(meanOf(strength, pixelsOf(stampLettering, width, height))).toBeGreaterThan(150);
  });

  // A form printed in blue (as the bench's scenes print one in three): its labels are in its rules'
  // colour, not black or grey, and are looked for in that colour.
  it('on a form printed in blue, clears its blue labels and rules and keeps a red stamp over it', async () => {
    const bluePrint: [number, number, number] = [0.7, 0.55, 0.25];
    const form = union(formRules, columnLine(20), columnLine(378));
    const { strength, reason } = await alphaOf([
      { shape: form, ink: bluePrint },
      { shape: labels, ink: bluePrint },
      { shape: stampRing, ink: inks.red },
    ]);

    expect(reason).toMatch(/printed text removed \(50 glyphs/);
    expect(shareOf(strength, pixelsOf(without(labels, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(shareOf(strength, pixelsOf(without(form, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // A blue stamp on a blue form, its ring and its larger lettering in the labels' colour: only glyphs
  // of the labels' height go with them.
  it("on a form printed in blue under a blue stamp, keeps the stamp's ring and its lettering taller than the labels", async () => {
    const bluePrint: [number, number, number] = [0.7, 0.55, 0.25];
    const lettering = printedText({ left: 250, top: 120, right: 335, bottom: 180 }, { height: 13, width: 8, stroke: 2, pitch: 19 });
    const { strength, reason } = await alphaOf([
      { shape: union(formRules, columnLine(20), columnLine(378)), ink: bluePrint },
      { shape: labels, ink: bluePrint },
      { shape: stampRing, ink: inks.blue },
      { shape: lettering, ink: inks.blue },
    ]);

    expect(reason).toMatch(/printed text removed/);
    expect(shareOf(strength, pixelsOf(without(labels, stampRing), width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(lettering, width, height))).toBeGreaterThan(200);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // A blue stamp on a blue form whose lettering has the labels' very height: in colour, size and
  // count it is labels, and it goes with them. Known and accepted: on the 300 tuning scenes, looking for
  // labels in the rules' colour raised seven form pictures by 0.06-0.63 IoU and lowered none by 0.03.
  it.fails("on a form printed in blue under a blue stamp lettered at the labels' height, keeps the stamp's lettering", async () => {
    const bluePrint: [number, number, number] = [0.7, 0.55, 0.25];
    const lettering = printedText({ left: 250, top: 125, right: 330, bottom: 175 }, { height: 7, width: 5, stroke: 1, pitch: 11 });
    const { strength } = await alphaOf([
      { shape: union(formRules, columnLine(20), columnLine(378)), ink: bluePrint },
      { shape: labels, ink: bluePrint },
      { shape: stampRing, ink: inks.blue },
      { shape: lettering, ink: inks.blue },
    ]);

    expect(meanOf(strength, pixelsOf(lettering, width, height))).toBeGreaterThan(200);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // Coloured lettering is a stamp's, never a form's labels, even in boxes.
  it("on a form, keeps a violet stamp's lettering inside the boxes", async () => {
    const { strength } = await alphaOf([
      { shape: union(formRules, columnLine(20), columnLine(378)), ink: inks.ruling },
      { shape: labels, ink: inks.violet },
    ]);

    expect(meanOf(strength, pixelsOf(labels, width, height))).toBeGreaterThan(150);
  });

  // A form whose boxes are not found (rules too faint or broken by noise to make a family, or
  // converging on a sheet seen at an angle; here none at all): its labels still stand one under
  // another, starting (or, right-aligned, ending) at one place and a box apart, which no stamp's
  // lines of lettering do. A blue form's labels are blue.
  const bluePrint: [number, number, number] = [0.7, 0.55, 0.25];
  const rightAligned = union(...[3, 5, 2, 4, 5, 3].map((count, row) => printedText({ left: 150 - count * 7 + 2, top: 40 + 30 * row, right: 150, bottom: 47 + 30 * row }, { height: 7, width: 5, stroke: 1, pitch: 30 })));
  it.each([
    { case: 'grey labels beside a blue stamp', labelLayer: { shape: labels, ink: inks.print, load: 0.7 }, stampInk: inks.blue, glyphs: 50 },
    { case: 'blue labels beside a red stamp', labelLayer: { shape: labels, ink: bluePrint }, stampInk: inks.red, glyphs: 50 },
    { case: 'right-aligned grey labels of several lengths beside a blue stamp', labelLayer: { shape: rightAligned, ink: inks.print, load: 0.7 }, stampInk: inks.blue, glyphs: 22 },
  ])('on a form whose boxes are not found, clears $case by their layout and keeps the stamp', async ({ labelLayer, stampInk, glyphs }) => {
    const { strength, reason } = await alphaOf([labelLayer, { shape: stampRing, ink: stampInk }]);

    expect(reason).toMatch(new RegExp(`printed text removed \\(${glyphs} glyphs`));
    expect(shareOf(strength, pixelsOf(labelLayer.shape, width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // Mixed-case labels in a phone photo: the lowercase letters of a word blur into one piece, half the
  // capital's height and several letters long, so the word's centre lies far from its neighbours' though
  // the gaps between them are a letter's width; and the pieces' centres sit lower than the capital's.
  // Each label here: a capital 7 px high, then three words, each one piece 5 px high (a zigzag: strokes,
  // not a blob), 14-20 px long, a word space (3 px, about half the lowercase's height) apart. Six labels
  // a box apart, no boxes found.
  // Known weak: the labels' lines are built from glyph centres within 2.5 glyph heights, of the one
  // height, two glyphs at least; these pieces line up with nothing. Chaining pieces edge to edge with
  // lowercase down to 0.4 of the height found such labels (seed 7 r0183 0.22 → 0.39) but also took
  // handwriting in even lines for labels (the tests below): a line must then hold a letter standing
  // alone, and with that the phone photos' labels were lost again.
  it.fails('on a form whose boxes are not found, clears mixed-case labels whose lowercase words run into one piece', async () => {
    const labelRows = [40, 70, 100, 130, 160, 190];
    const capital = (left: number, top: number): Shape => (x, y) => (x >= left && x < left + 6 && y >= top && y < top + 7 && (x === left || x === left + 5 || y === top) ? 1 : 0);
    // A lowercase word: a zigzag of vertical strokes joined alternately at top and bottom.
    const word = (left: number, top: number, length: number): Shape => (x, y) => {
      if (x < left || x >= left + length || y < top || y >= top + 5) return 0;
      const column = x - left;
      if (column % 3 === 0) return 1;
      const joinsAtTop = Math.floor(column / 3) % 2 === 0;
      return y === (joinsAtTop ? top : top + 4) ? 1 : 0;
    };
    const mixedCase = union(...labelRows.map((top) => union(capital(30, top), word(38, top + 2, 20), word(61, top + 2, 14), word(78, top + 2, 17))));
    const { strength, reason } = await alphaOf([
      { shape: mixedCase, ink: inks.print, load: 0.7 },
      { shape: stampRing, ink: inks.blue },
    ]);

    expect(reason).toMatch(/printed text removed \(24 glyphs/);
    expect(shareOf(strength, pixelsOf(mixedCase, width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(stampRing, width, height))).toBeGreaterThan(200);
  });

  // Handwriting in lines is laid out as labels are (lines starting at one margin, evenly spaced), but a
  // cursive word is one piece, with no letter standing alone as print has (a capital, a short word):
  // it is ink to keep, as a note or as entries filled in on a form beside its labels.
  const cursiveWord = (left: number, length: number, middle: number) => penStroke(wave(left, left + length, middle, 4, 8), 1.5);
  const noteLines = union(...[0, 1, 2, 3, 4].map((line) => union(...[[40, 30], [78, 24], [110, 38], [156, 26]].slice(0, 3 + (line % 2)).map(([left, length]) => cursiveWord(left! + (line % 3) - 1, length!, 60 + 30 * line)))));
  it.each([
    { case: 'in blue ballpoint', ink: inks.blue },
    { case: 'in black', ink: inks.black },
  ])('without boxes, keeps a handwritten note in even lines $case', async ({ ink }) => {
    const { strength, reason } = await alphaOf([{ shape: noteLines, ink }]);

    expect(reason).not.toMatch(/printed text removed/);
    expect(meanOf(strength, pixelsOf(noteLines, width, height))).toBeGreaterThan(200);
  });

  it("without boxes, clears a form's labels and keeps the entries handwritten beside them", async () => {
    const entries = union(...[0, 1, 2, 3, 4, 5].map((row) => union(cursiveWord(110, 30, 44 + 30 * row), cursiveWord(148, 24, 44 + 30 * row))));
    const { strength } = await alphaOf([
      { shape: labels, ink: inks.print, load: 0.7 },
      { shape: entries, ink: inks.black },
    ]);

    expect(shareOf(strength, pixelsOf(labels, width, height), isClear)).toBeGreaterThan(0.98);
    expect(meanOf(strength, pixelsOf(entries, width, height))).toBeGreaterThan(200);
  });

  const signature = penStroke(wave(150, 330, 200, 10, 24), 1.5);
  // Known weak: once a form's labels are found, every stroke of their colour that is neither thicker
  // than the print nor part of a shape beyond the text goes with them. A black pen as fine as the print
  // (1.5 px), signing across the boxes, comes out at a mean strength of 0 off the rules, and of 23 beside
  // a blue stamp (seed 7 r0085 likewise); a pen stroke a little wider than the print stays (seed 211 r0194).
  it.fails.each([{ case: 'alone', stamp: [] }, { case: 'beside a blue stamp', stamp: [{ shape: stampRing, ink: inks.blue }] }])('on a form with boxes, keeps a black pen as fine as the print signing across it, $case', async ({ stamp }) => {
    const { strength } = await alphaOf([
      { shape: union(formRules, columnLine(20), columnLine(378)), ink: inks.ruling },
      { shape: labels, ink: inks.print, load: 0.7 },
      ...stamp,
      { shape: signature, ink: inks.black },
    ]);

    expect(meanOf(strength, pixelsOf(without(signature, union(stampRing, formRules)), width, height))).toBeGreaterThan(150);
  });

  // A black stamp's lettering, as many glyphs as the labels and as neatly aligned, but its lines close
  // together as a stamp's are: lettering to keep.
  it("without boxes, keeps a black stamp's lettering in close lines", async () => {
    const { strength, reason } = await alphaOf([
      { shape: stampLettering, ink: inks.black },
      { shape: stampRing, ink: inks.black },
    ]);

    expect(reason).not.toMatch(/printed text removed/);
    expect(meanOf(strength, pixelsOf(stampLettering, width, height))).toBeGreaterThan(150);
  });
});
