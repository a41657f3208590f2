import fs from 'node:fs';
import path from 'node:path';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { fullFontFile, switchFontFile, switchFontLicenceFile, switchLabelKey, switchLabelTexts } from './subset-switch-font.ts';

// English pages draw the switch's word "हिन्दी" with a subset of Noto Sans Devanagari made by
// scripts/subset-switch-font.ts. A label reworded without making the subset again would show
// boxes (or fall back to the whole font) on systems with no Devanagari font: these tests shape the
// label's current text with HarfBuzz in the committed subset and in the whole font, and want the
// same glyphs, outlines and positions. Fix a failure with `npm run subset-switch-font`.

const regenerate = 'run `npm run subset-switch-font` and commit web/src/assets/fonts/';

async function open(file: string): Promise<{ face: hb.Face; font: hb.Font }> {
  const sfnt = await fontverter.convert(fs.readFileSync(file), 'sfnt');
  const face = new hb.Face(new hb.Blob(sfnt));
  return { face, font: new hb.Font(face) };
}

/** What a browser draws for the text: each glyph's outline and where it goes (glyph ids differ between the fonts). */
function drawn(font: hb.Font, text: string) {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.setLanguage('hi');
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphInfosAndPositions().map(({ codepoint: glyph, cluster, xAdvance, yAdvance, xOffset, yOffset }) => ({
    missing: glyph === 0,
    outline: font.glyphToPath(glyph),
    cluster,
    position: [xAdvance, yAdvance, xOffset, yOffset],
  }));
}

describe('the language switch’s font subset', () => {
  it(`draws the label (${switchLabelKey}) exactly as the whole font does`, async () => {
    // One after the other: wawoff2's decoder shares its WebAssembly memory between calls.
    const subset = await open(switchFontFile);
    const full = await open(fullFontFile);
    const subsetCharacters = new Set(subset.face.collectUnicodes());
    const fullCharacters = new Set(full.face.collectUnicodes());
    for (const text of switchLabelTexts()) {
      const wanted = [...text].map((character) => character.codePointAt(0)!).filter((codePoint) => fullCharacters.has(codePoint));
      expect(wanted.length, `"${text}" has no character of the Devanagari font: does the switch still need it?`).toBeGreaterThan(0);
      const lacking = wanted.filter((codePoint) => !subsetCharacters.has(codePoint)).map((codePoint) => String.fromCodePoint(codePoint));
      expect(lacking, `the subset lacks characters of "${text}": ${regenerate}`).toEqual([]);

      const expected = drawn(full.font, text);
      expect(expected.some((glyph) => glyph.missing)).toBe(false);
      expect(drawn(subset.font, text), `the subset draws "${text}" otherwise than the whole font: ${regenerate}`).toEqual(expected);
    }
  });

  it('stays a few kilobytes, with its licence beside it', () => {
    // The whole 400 font is 50 KB; a subset near that size would undo its point.
    expect(fs.statSync(switchFontFile).size).toBeLessThan(8 * 1024);
    expect(fs.readFileSync(switchFontLicenceFile, 'utf8')).toMatch(/SIL Open Font License, Version 1\.1/);
  });

  it('is the font devanagari.css declares for the switch, as a file of its own', () => {
    const css = fs.readFileSync(path.resolve(import.meta.dirname, '../web/src/styles/devanagari.css'), 'utf8');
    const face = css.split('@font-face').find((block) => block.includes("'Noto Sans Devanagari Switch'"));
    // Not inlined as a data: URL, which the CSP's font-src 'self' refuses.
    expect(face).toContain(`url('../assets/fonts/${path.basename(switchFontFile)}?no-inline')`);
  });
});
