/**
 * Makes the language switch's own font: Noto Sans Devanagari 400 cut down to the glyphs of the
 * switch's Hindi label ('app.language.hi', "हिन्दी"), read from the catalogues so it cannot drift.
 * English pages show that one Devanagari word, and Debian's Chromium (among others) has no
 * Devanagari font of its own: with the whole font they downloaded 50 KB for it, with this about 2 KB.
 * Hindi pages keep the whole font (web/src/styles/devanagari.css, console.css).
 *
 *   npm run subset-switch-font      (after changing the label; scripts/subset-switch-font.test.ts fails until then)
 *
 * HarfBuzz's hb-subset (the `subset-font` package, in WebAssembly) keeps every layout feature, so the
 * GSUB and GPOS lookups that draw the word (the half form of न in the conjunct न्द, the reordered
 * ि, the vowel signs) come along for the glyphs kept; the output is deterministic for a given
 * font and subset-font version.
 *
 * Licence: the source font is © 2022 The Noto Project Authors under the SIL Open Font License 1.1,
 * and so is this subset, a Modified Version under the OFL. Noto declares no Reserved Font Name, so
 * the subset keeps its name. The licence text goes beside the subset (LICENSE-noto-sans-devanagari.txt,
 * copied from @fontsource/noto-sans-devanagari), and the subset keeps the font's copyright and
 * licence URL name records.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import subsetFont from 'subset-font';
import { en } from '../shared/src/i18n/en.ts';
import { hi } from '../shared/src/i18n/hi.ts';

const root = path.resolve(import.meta.dirname, '..');
const fromWeb = createRequire(path.join(root, 'web/package.json'));

/** The catalogue key of the switch's Hindi label (web/src/app/shell/language-switch.tsx). */
export const switchLabelKey = 'app.language.hi';

/** The label as each catalogue words it (the same word today): the subset draws every one. */
export function switchLabelTexts(): string[] {
  return [...new Set([en[switchLabelKey], hi[switchLabelKey]])];
}

/** The whole 400 font the Hindi pages use (the Devanagari part of it that @fontsource ships). */
export const fullFontFile = fromWeb.resolve('@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2');
const licenceFile = fromWeb.resolve('@fontsource/noto-sans-devanagari/LICENSE');

const fontsDir = path.join(root, 'web/src/assets/fonts');
/** The committed subset, named by devanagari.css. */
export const switchFontFile = path.join(fontsDir, 'noto-sans-devanagari-switch-400.woff2');
export const switchFontLicenceFile = path.join(fontsDir, 'LICENSE-noto-sans-devanagari.txt');

/** name records kept besides 0-6 (copyright … PostScript name, hb-subset's default): 13 and 14, the licence and its URL. */
const licenceNameIds = [13, 14];

export async function makeSwitchFont(): Promise<Buffer> {
  return subsetFont(await fs.readFile(fullFontFile), switchLabelTexts().join(''), { targetFormat: 'woff2', preserveNameIds: licenceNameIds });
}

async function main(): Promise<void> {
  const font = await makeSwitchFont();
  await fs.mkdir(fontsDir, { recursive: true });
  await fs.writeFile(switchFontFile, font);
  await fs.copyFile(licenceFile, switchFontLicenceFile);
  console.log(`${path.relative(root, switchFontFile)}: ${font.length} bytes for ${JSON.stringify(switchLabelTexts())}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
