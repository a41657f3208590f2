import type { SceneFamily } from './random-scenes.ts';

export interface FamilyScores {
  family: SceneFamily;
  pictures: number;
  meanIou: number;
  /** How many of its pictures score below `floor`. */
  below: number;
}

/**
 * The pipeline's figures per scene family (pale ink, a desk, print under the ink...), weakest first:
 * where the random set's mean is lost, read off the scores alone, since nobody may look at the bench's
 * pictures. A picture counts in every family it belongs to.
 */
export function scoresByFamily(pictures: { name: string; iou: number }[], familiesOf: ReadonlyMap<string, readonly SceneFamily[]>, floor: number): FamilyScores[] {
  const byFamily = new Map<SceneFamily, number[]>();
  for (const picture of pictures) {
    const families = familiesOf.get(picture.name.replace(/\.[^.]+$/, ''));
    if (!families) throw new Error(`no families for ${picture.name}: was it made by generateRandomScenes?`);
    for (const family of families) byFamily.set(family, [...(byFamily.get(family) ?? []), picture.iou]);
  }
  return [...byFamily]
    .map(([family, ious]) => ({ family, pictures: ious.length, meanIou: ious.reduce((sum, iou) => sum + iou, 0) / ious.length, below: ious.filter((iou) => iou < floor).length }))
    .sort((a, b) => a.meanIou - b.meanIou || a.family.localeCompare(b.family));
}
