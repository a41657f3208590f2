import type { JobStep } from '@ecoo/shared/images/schemas';
import type { DecodedImage } from '../intake/decode-image.ts';
import { decontaminateInk } from './ink-colour.ts';
import { measureInk, type InkMeasure } from './ink-measure.ts';
import { measureScaleOfEachInk } from './ink-solids.ts';
import { measureInkScale, strengthFromDarkness } from './ink-strength.ts';
import { countSet, growMask, maskAtLeast, type Mask } from './masks.ts';
import { estimatePaper, measurePaperTint, type PaperEstimate } from './paper-estimate.ts';
import { findPaperPattern, removePaperPattern, type PaperPattern } from './paper-pattern.ts';
import { removePrintedText, type PrintedTextFinding } from './printed-text.ts';
import { findRulings, hueOfRules, removeRuledLines } from './ruled-lines.ts';
import { findSheet } from './sheet-region.ts';

export { renderCandidate, type RenderedInk } from './render-candidate.ts';

export type BackgroundMethod = 'ink' | 'ink-on-sheet' | 'subject-model';

export interface SubjectModel {
  /** alpha 0..255 of the subject for an RGB picture; loads the model once per process */
  segment(image: { width: number; height: number; rgb: Buffer }): Promise<Uint8Array>;
  /** Whether this process has the model in memory: its first segment() also loads it (10-15 s more). */
  readonly isLoaded: boolean;
}

export interface RemovalCandidate {
  method: BackgroundMethod;
  /** Same as the input: no trim at this stage. */
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel: the decontaminated ink colour (anything where strength is 0). */
  colour: Buffer;
  /** Ink strength, 1 byte per pixel; alpha at sensitivity 50. */
  strength: Uint8Array;
}

export interface RemovalResult {
  candidates: RemovalCandidate[];
  chosen: BackgroundMethod;
  /** why, in a short phrase for logs and the bench */
  reason: string;
}

export interface RemovalOptions {
  model?: SubjectModel;
  /** 'auto': run the model only when the picture needs it; 'always': add model-based candidates too; 'never' */
  useModel: 'auto' | 'always' | 'never';
  onProgress?: (step: JobStep) => void;
}

// Below this contrast between the sheet and what surrounds it, our own sheet outline is a guess
// (a grey desk, a shadow reaching the border): the subject model gets a say in where the sheet is.
const clearSurroundings = 0.35;
/** The model's subject must cover this much of our sheet to be taken as the sheet (not just the stamp). */
const modelSheetCover = 0.6;
const subjectReach = 0.015;
/** A signature's surroundings cover far less of the picture than this; a model subject this big is the page. */
const largestSignatureShare = 0.2;
/**
 * A form's boxes carry labels ("Consignee", "Invoice No."): a few dozen glyphs of one height, far
 * fewer than the hundreds of a printed page, so they count as print only where boxes were found, and
 * only in black or grey: a stamp's own lettering is as few glyphs of one height, in the stamp's colour.
 */
const fewestFormLabels = 16;

/**
 * Cuts the ink (stamp, signature) out of a picture of paper. Cheap, per-pixel work on every picture;
 * the subject model only when the paper does not fill the picture and the sheet's outline is unclear,
 * or when asked for.
 */
export async function removeBackground(image: DecodedImage, options: RemovalOptions): Promise<RemovalResult> {
  options.onProgress?.('analysing');
  const paper = estimatePaper(image);
  const sheet = findSheet(paper, image);
  const canRunModel = options.model !== undefined && options.useModel !== 'never';
  let modelAlpha: Uint8Array | undefined;
  const runModel = async () => {
    // The people waiting are told which of the two it is: loading the model first takes 15-30 s, a run alone 5-10 s.
    options.onProgress?.(options.model!.isLoaded ? 'running-model' : 'loading-model');
    modelAlpha ??= await options.model!.segment(image);
    return modelAlpha;
  };
  // A sheet outlined by its edge (on a desk as light as the paper) is bounded by a sharp step all round:
  // its outline is no guess, though the colours are alike.
  const isOutlineUnsure = sheet.hasSurroundings && sheet.contrast < clearSurroundings && sheet.outlinedBy !== 'edge';
  if (canRunModel && (options.useModel === 'always' || isOutlineUnsure)) await runModel();

  options.onProgress?.('extracting-ink');
  const measured = measureInk(image, paper);
  const found = findPaperPattern(measured.darkness, image.width, image.height, sheet.sheet);
  const withoutPattern = found && removePaperPattern(measured, found, image.width, image.height, measureInkScale(measured.darkness).floor, sheet.sheet);
  const pattern = withoutPattern ? found : undefined;
  const ink = withoutPattern ?? measured;
  const candidates: RemovalCandidate[] = [];
  let chosen: BackgroundMethod = 'ink';
  let reason = withPattern('paper fills the picture', pattern);
  let whole = extractInk(image, paper, ink);
  if (whole.text.isPresent && !whole.text.hasKeptInk && canRunModel) {
    // Only print, not even a print-coloured stroke running across the text lines (those are kept
    // without the model): a fine black pen in short strokes over text, which shape cannot tell from the
    // print. The subject model may say where the signature is, unless it took the page for its subject.
    const zone = subjectZone(await runModel(), image);
    if (shareOf(zone) <= largestSignatureShare) {
      whole = extractInk(image, paper, ink, zone, true);
      reason = 'signature as thin as the print, located with the subject model';
    } else reason = 'only print found; the subject model took the page for its subject';
  }
  candidates.push(whole.candidate);
  reason = describe(whole.text, reason);
  if (sheet.sheet) {
    const zone = modelAlpha ? sheetOrSubject(sheet.sheet, modelAlpha, image) : { mask: sheet.sheet, how: sheet.outlinedBy === 'edge' ? 'sheet outlined by its edge' : 'sheet outlined by its paper colour' };
    const onSheet = extractInk(image, paper, ink, zone.mask);
    candidates.unshift({ ...onSheet.candidate, method: 'ink-on-sheet' });
    chosen = 'ink-on-sheet';
    reason = describe(onSheet.text, withPattern(`${zone.how} (${Math.round(sheet.sheetShare * 100)} % of the picture is sheet)`, pattern));
  }
  if (modelAlpha) candidates.push({ method: 'subject-model', width: image.width, height: image.height, colour: Buffer.from(image.rgb), strength: modelAlpha });
  return { candidates, chosen, reason };
}

function extractInk(image: DecodedImage, paper: PaperEstimate, ink: InkMeasure, zone?: Mask, isPrintKept = false): { candidate: RemovalCandidate; text: PrintedTextFinding } {
  const darkness = zone ? onlyIn(zone, ink.darkness) : ink.darkness;
  const scale = measureScaleOfEachInk(image, ink, darkness);
  const rawStrength = strengthFromDarkness(darkness, scale);
  const paperTint = measurePaperTint(paper, zone);
  const inkInZone = { ...ink, darkness };
  let { strength: withoutPrint, finding } = isPrintKept
    ? { strength: rawStrength, finding: removePrintedText(image, inkInZone, rawStrength, scale, paperTint).finding }
    : removePrintedText(image, inkInZone, rawStrength, scale, paperTint);
  let strength = withoutPrint;
  if (!finding.isPresent || !isPrintKept) {
    // Small print blurs into lines as long and regular as ruling, so where print was found it goes
    // first and the rules are looked for in what it left: ruled paper's own lines, blue or red under
    // black print, are not print and are still there. Elsewhere, in the whole darkness.
    // The sheet, or the whole picture: not where darkness is exactly 0, which a clean scan's white paper is too.
    const sheet = zone ? zone.bits : new Uint8Array(darkness.length).fill(1);
    const rulings = findRulings(finding.isPresent ? onlyWhere(withoutPrint, darkness) : darkness, scale, image.width, image.height, sheet);
    if (!finding.isPresent && !isPrintKept) {
      // A form's labels: where boxes were found, in the colour of its rules (a blue or green form's are
      // not black); where none were (rules too faint, broken by noise or converging on a sheet seen at
      // an angle), by their layout, a column of evenly spaced lines.
      const labelOptions = rulings?.isForm
        ? { fewestGlyphs: fewestFormLabels, triesColouredPrint: false, labelHue: hueOfRules(rulings.across!, inkInZone, 2 * scale.floor, image.width, image.height) }
        : { fewestGlyphs: fewestFormLabels, triesColouredPrint: false, inLabelColumns: true };
      const labels = removePrintedText(image, inkInZone, rawStrength, scale, paperTint, labelOptions);
      if (labels.finding.isPresent) ({ strength: withoutPrint, finding } = labels);
    }
    strength = removeRuledLines(withoutPrint, darkness, scale, image.width, image.height, rulings);
  }
  const colour = decontaminateInk(image, paper, strength);
  return { candidate: { method: 'ink', width: image.width, height: image.height, colour, strength }, text: finding };
}

/**
 * The model's subject is either the whole sheet (then: where it and our outline agree) or, more often
 * on a desk, the ink itself (then: near its subject, our own alpha decides).
 */
function sheetOrSubject(sheet: Mask, modelAlpha: Uint8Array, size: { width: number; height: number }): { mask: Mask; how: string } {
  let ours = 0;
  let both = 0;
  const bits = new Uint8Array(sheet.bits.length);
  for (let index = 0; index < bits.length; index += 1) {
    if (!sheet.bits[index]) continue;
    ours += 1;
    if (modelAlpha[index]! >= 128) {
      both += 1;
      bits[index] = 1;
    }
  }
  if (both >= modelSheetCover * ours) return { mask: { width: sheet.width, height: sheet.height, bits }, how: 'sheet outlined with the subject model' };
  const near = subjectZone(modelAlpha, size);
  for (let index = 0; index < bits.length; index += 1) bits[index] = sheet.bits[index]! & near.bits[index]!;
  return { mask: { width: sheet.width, height: sheet.height, bits }, how: 'ink located with the subject model on the sheet' };
}

/** Everything within a short reach of the model's subject: its mask is coarse (1024 px) and soft at the edges. */
function subjectZone(modelAlpha: Uint8Array, size: { width: number; height: number }): Mask {
  return growMask(maskAtLeast(modelAlpha, 64, size), subjectReach * Math.max(size.width, size.height));
}

/** `values` inside the zone, 0 outside (a loop: a typed array's map with a callback costs ten times as much). */
function onlyIn(zone: Mask, values: Float32Array): Float32Array {
  return onlyWhere(zone.bits, values);
}

/** `values` where `kept` is not 0, 0 elsewhere. */
function onlyWhere(kept: Uint8Array, values: Float32Array): Float32Array {
  const inside = new Float32Array(values.length);
  for (let index = 0; index < values.length; index += 1) if (kept[index]) inside[index] = values[index]!;
  return inside;
}

function shareOf(mask: Mask): number {
  return countSet(mask) / mask.bits.length;
}

function withPattern(setting: string, pattern: PaperPattern | undefined): string {
  return pattern ? `${setting}; ${pattern.kind === 'dots' ? 'dot screen' : 'stripes'} on the paper divided out (period ${Math.hypot(...pattern.period).toFixed(1)} px)` : setting;
}

function describe(text: PrintedTextFinding, setting: string): string {
  return text.isPresent ? `${setting}; printed text removed (${text.glyphCount} glyphs, ${text.glyphHeight} px high)` : setting;
}
