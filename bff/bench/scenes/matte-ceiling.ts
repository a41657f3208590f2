import path from 'node:path';
import sharp from 'sharp';

/**
 * How far a matte cut at one threshold could go on a generated scene: the true ink blurred exactly as
 * the camera blurred the picture (what a flawless matting of that picture would find, with no noise,
 * JPEG, paper or print to mislead it), scored against the unblurred truth as every picture is. A line thinner than
 * the blur never reaches half opacity in it, so at one half it is lost; a higher cut keeps a thin
 * line's ridge but spreads a wide stroke beside it, a lower one the reverse, so even the best cut of
 * each picture falls short where strokes of several widths, pale and dry ink meet a blur. Only undoing
 * the blur goes further. The bench prints it beside the pipeline's figures, so that the targets can
 * be read against what the set allows.
 */
export interface MatteCeiling {
  /** IoU of the blurred truth at alpha ≥ 128, against the truth at alpha ≥ 128. */
  atHalf: number;
  /** IoU of the blurred truth at its best single cut (the cut chosen knowing the truth). */
  atBestCut: number;
  /** That cut, 1..255. */
  bestCut: number;
}

/**
 * The ceiling of one scene from its NAME.alpha.png and the Gaussian sigma its picture was blurred with
 * (RandomScene.blur: 0 where it was not), blurred with sharp as the generator blurs the picture.
 */
export async function matteCeiling(alphaFile: string, blur: number): Promise<MatteCeiling> {
  const truth = sharp(alphaFile).extractChannel(0);
  const [truthValues, matteValues] = await Promise.all([truth.clone().raw().toBuffer(), (blur > 0 ? truth.clone().blur(blur) : truth.clone()).raw().toBuffer()]);
  return ceilingOfMatte(new Uint8Array(truthValues), new Uint8Array(matteValues));
}

/** Each scene's ceiling, by name, from the NAME.alpha.png files the generator wrote into `dir`. */
export async function matteCeilings(dir: string, scenes: readonly { name: string; blur: number }[]): Promise<Map<string, MatteCeiling>> {
  const ceilings = new Map<string, MatteCeiling>();
  for (const scene of scenes) ceilings.set(scene.name, await matteCeiling(path.join(dir, `${scene.name}.alpha.png`), scene.blur));
  return ceilings;
}

/** IoU of `matte` against `truth` (both 0..255, alpha ≥ 128 is ink) at one half and at its best cut. */
export function ceilingOfMatte(truth: Uint8Array, matte: Uint8Array): MatteCeiling {
  if (truth.length !== matte.length) throw new Error(`ceilingOfMatte: sizes differ (${truth.length} true, ${matte.length} matte)`);
  // Per matte value, how many true-ink and other pixels hold it: every cut's IoU from one pass.
  const inkAt = new Float64Array(256);
  const otherAt = new Float64Array(256);
  let trueInk = 0;
  for (let index = 0; index < truth.length; index += 1) {
    if (truth[index]! >= 128) {
      inkAt[matte[index]!]! += 1;
      trueInk += 1;
    } else otherAt[matte[index]!]! += 1;
  }
  const iouByCut = new Float64Array(257);
  let keptInk = 0;
  let keptOther = 0;
  for (let cut = 255; cut >= 1; cut -= 1) {
    keptInk += inkAt[cut]!;
    keptOther += otherAt[cut]!;
    const union = trueInk + keptOther;
    iouByCut[cut] = union === 0 ? 1 : keptInk / union;
  }
  let bestCut = 128;
  for (let cut = 1; cut <= 255; cut += 1) if (iouByCut[cut]! > iouByCut[bestCut]!) bestCut = cut;
  return { atHalf: iouByCut[128]!, atBestCut: iouByCut[bestCut]!, bestCut };
}
