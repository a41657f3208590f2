import type { DecodedImage } from '../intake/decode-image.ts';
import { decontaminateInk } from './ink-colour.ts';
import { measureInk, type InkMeasure } from './ink-measure.ts';
import { measureInkScale, strengthFromDarkness } from './ink-strength.ts';
import type { Mask } from './masks.ts';
import { estimatePaper, type PaperEstimate } from './paper-estimate.ts';
import { removePrintedText, type PrintedTextFinding } from './printed-text.ts';
import { findSheet } from './sheet-region.ts';

export { renderCandidate, type RenderedInk } from './render-candidate.ts';

export type BackgroundMethod = 'ink' | 'ink-on-sheet' | 'subject-model';

export interface SubjectModel {
  /** alpha 0..255 of the subject for an RGB picture; loads the model once per process */
  segment(image: { width: number; height: number; rgb: Buffer }): Promise<Uint8Array>;
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
  onProgress?: (step: 'analysing' | 'running-model' | 'extracting-ink') => void;
}

// Below this contrast between the sheet and what surrounds it, our own sheet outline is a guess
// (a grey desk, a shadow reaching the border): the subject model gets a say in where the sheet is.
const clearSurroundings = 0.35;
/** The model's subject must cover this much of our sheet to be taken as the sheet (not just the stamp). */
const modelSheetCover = 0.6;

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
  const needsModel = sheet.hasSurroundings && sheet.contrast < clearSurroundings;
  let modelAlpha: Uint8Array | undefined;
  if (canRunModel && (options.useModel === 'always' || needsModel)) {
    options.onProgress?.('running-model');
    modelAlpha = await options.model!.segment(image);
  }

  options.onProgress?.('extracting-ink');
  const ink = measureInk(image, paper);
  const candidates: RemovalCandidate[] = [];
  const whole = extractInk(image, paper, ink);
  candidates.push(whole.candidate);
  let chosen: BackgroundMethod = 'ink';
  let reason = describe(whole.text, 'paper fills the picture');
  if (sheet.sheet) {
    const sheetMask = modelAlpha ? refineSheet(sheet.sheet, modelAlpha) : { mask: sheet.sheet, isFromModel: false };
    const onSheet = extractInk(image, paper, ink, sheetMask.mask);
    candidates.unshift({ ...onSheet.candidate, method: 'ink-on-sheet' });
    chosen = 'ink-on-sheet';
    reason = describe(onSheet.text, `${sheetMask.isFromModel ? 'sheet outlined with the subject model' : 'sheet outlined by its paper colour'} (${Math.round(sheet.sheetShare * 100)} % of the picture)`);
  }
  if (modelAlpha) candidates.push({ method: 'subject-model', width: image.width, height: image.height, colour: Buffer.from(image.rgb), strength: modelAlpha });
  return { candidates, chosen, reason };
}

function extractInk(image: DecodedImage, paper: PaperEstimate, ink: InkMeasure, sheet?: Mask): { candidate: RemovalCandidate; text: PrintedTextFinding } {
  const darkness = sheet ? ink.darkness.map((value, index) => (sheet.bits[index] ? value : 0)) : ink.darkness;
  const scale = measureInkScale(darkness);
  const { strength, finding } = removePrintedText(image, { ...ink, darkness }, strengthFromDarkness(darkness, scale), scale);
  const colour = decontaminateInk(image, paper, strength);
  return { candidate: { method: 'ink', width: image.width, height: image.height, colour, strength }, text: finding };
}

/** The sheet where our outline and the model's subject agree, if the model's subject is the sheet at all. */
function refineSheet(sheet: Mask, modelAlpha: Uint8Array): { mask: Mask; isFromModel: boolean } {
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
  if (both < modelSheetCover * ours) return { mask: sheet, isFromModel: false };
  return { mask: { width: sheet.width, height: sheet.height, bits }, isFromModel: true };
}

function describe(text: PrintedTextFinding, setting: string): string {
  return text.isPresent ? `${setting}; printed text removed (${text.glyphCount} glyphs, ${text.glyphHeight} px high)` : setting;
}

