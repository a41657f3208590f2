/**
 * How close a predicted alpha is to the true one, as defined in shared/bg-dev/README.md. Both alphas
 * are 8-bit, one byte per pixel, same size; "ink" means alpha >= 0.5.
 */
export interface AlphaScores {
  /** Intersection over union of predicted ink and true ink; 1 when both are empty. */
  iou: number;
  /** Mean absolute difference of the alphas over all pixels, on 0..1. */
  mae: number;
  /** Share of true-ink pixels predicted below 0.5. */
  miss: number;
  /** Pixels predicted above 0.25 where the truth is below 0.05, per true-ink pixel. */
  leak: number;
}

/**
 * A picture of a scored folder (the development set's layout): not its true alpha (NAME.alpha.png) nor a
 * generated scene's under file (NAME.under.png, bench/scenes/random-scenes.ts).
 */
export function isScoredPicture(name: string): boolean {
  return /\.(jpe?g|png|webp)$/i.test(name) && !/\.(alpha|under)\.png$/i.test(name);
}

const half = 127.5;
const leakPredicted = 0.25 * 255;
const leakTrue = 0.05 * 255;

export function scoreAlpha(predicted: Uint8Array, truth: Uint8Array): AlphaScores {
  if (predicted.length !== truth.length) throw new Error(`alpha sizes differ: ${predicted.length} predicted, ${truth.length} true pixels`);
  let both = 0;
  let either = 0;
  let trueInk = 0;
  let missed = 0;
  let leaked = 0;
  let absoluteSum = 0;
  for (let index = 0; index < truth.length; index += 1) {
    const guess = predicted[index]!;
    const real = truth[index]!;
    const isGuessInk = guess >= half;
    const isTrueInk = real >= half;
    if (isGuessInk && isTrueInk) both += 1;
    if (isGuessInk || isTrueInk) either += 1;
    if (isTrueInk) {
      trueInk += 1;
      if (!isGuessInk) missed += 1;
    }
    if (guess > leakPredicted && real < leakTrue) leaked += 1;
    absoluteSum += Math.abs(guess - real);
  }
  return {
    iou: either === 0 ? 1 : both / either,
    mae: absoluteSum / 255 / truth.length,
    miss: trueInk === 0 ? 0 : missed / trueInk,
    leak: leaked / Math.max(1, trueInk),
  };
}

/** Per-picture scores averaged over a set, with the worst IoU beside the mean. */
export function summariseScores(scores: AlphaScores[]): AlphaScores & { minIou: number } {
  const mean = (pick: (score: AlphaScores) => number) => scores.reduce((sum, score) => sum + pick(score), 0) / Math.max(1, scores.length);
  return {
    iou: mean((score) => score.iou),
    minIou: Math.min(...scores.map((score) => score.iou)),
    mae: mean((score) => score.mae),
    miss: mean((score) => score.miss),
    leak: mean((score) => score.leak),
  };
}
