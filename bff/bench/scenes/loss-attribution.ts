import { maxFilter } from '../../src/images/index.ts';

/**
 * Where a picture's lost IoU lies, by what is under each wrong pixel: the bench's random scenes know
 * (their NAME.under.png), so the set's loss can be split by cause rather than guessed from the weakest
 * few pictures. Each cause's share is its wrong pixels over the union of predicted and true ink, so
 * the shares and the IoU add up to 1.
 */

/** What lies under a pixel besides the ink, as NAME.under.png stores it. */
export const underValues = { paper: 0, marks: 1, desk: 2 } as const;

export const lossCauses = ['wide', 'missed', 'marks', 'missed-on-marks', 'desk', 'paper'] as const;
export type LossCause = (typeof lossCauses)[number];

/**
 * Kept pixels this near true ink (in pixels, along rows and columns, diagonals included) are a stroke
 * drawn wide: the camera's blur spreads every stroke by a pixel or two, and a one-pixel slip of the
 * threshold widens it as much. Whatever lies under them: print or ruling kept where it touches the
 * ink counts here too, as the blurred stroke and the mark beside it cannot be told apart. And the
 * under file is drawn before the blur, so a blurred mark's kept halo further out counts as paper.
 */
const strokeReach = 3;

/** What each cause means, for the bench's report. */
export const lossCauseMeanings: Record<LossCause, string> = {
  wide: `kept within ${strokeReach} px of true ink, whatever is under it (strokes drawn wide; print or ruling touching the ink too)`,
  missed: 'true ink lost on plain paper',
  marks: 'print, ruling or a paper pattern kept',
  'missed-on-marks': 'true ink lost where it crosses print, ruling or a pattern',
  desk: 'desk kept',
  paper: 'plain paper kept, away from the ink',
};

/** Each cause's share of the union of predicted and true ink (alpha ≥ 128 for both). */
export function attributeLoss(predicted: Uint8Array, truth: Uint8Array, under: Uint8Array, width: number, height: number): Record<LossCause, number> {
  if (predicted.length !== width * height || truth.length !== predicted.length || under.length !== predicted.length) {
    throw new Error(`attributeLoss: sizes differ (${predicted.length} predicted, ${truth.length} true, ${under.length} under, ${width} × ${height})`);
  }
  // Within the reach along rows, columns and diagonals: a square window's dilation of the true ink.
  const nearTruth = maxFilter({ width, height, values: Float32Array.from(truth, (value) => (value >= 128 ? 1 : 0)) }, strokeReach).values;
  const counts: Record<LossCause, number> = { wide: 0, missed: 0, marks: 0, 'missed-on-marks': 0, desk: 0, paper: 0 };
  let union = 0;
  for (let index = 0; index < truth.length; index += 1) {
    const isKept = predicted[index]! >= 128;
    const isInk = truth[index]! >= 128;
    if (!isKept && !isInk) continue;
    union += 1;
    if (isKept && isInk) continue;
    const onMarks = under[index] === underValues.marks;
    if (isInk) counts[onMarks ? 'missed-on-marks' : 'missed'] += 1;
    else if (nearTruth[index]) counts.wide += 1;
    else counts[under[index] === underValues.desk ? 'desk' : onMarks ? 'marks' : 'paper'] += 1;
  }
  for (const cause of lossCauses) counts[cause] = union === 0 ? 0 : counts[cause] / union;
  return counts;
}
