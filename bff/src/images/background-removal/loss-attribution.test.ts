import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFolder } from '../../../bench/background-removal.ts';
import { attributeLoss, lossCauses, underValues } from '../../../bench/scenes/loss-attribution.ts';
import { generateRandomScenes } from '../../../bench/scenes/random-scenes.ts';
import { scoreAlpha } from './scores.ts';

// A 40 × 20 picture: desk on its right quarter, a printed line across row 15, true ink a 4 × 4 block.
const width = 40;
const height = 20;
const at = (x: number, y: number) => y * width + x;
function picture(fill: (x: number, y: number) => number): Uint8Array {
  const values = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) values[at(x, y)] = fill(x, y);
  return values;
}
const under = picture((x, y) => (x >= 30 ? underValues.desk : y === 15 ? underValues.marks : underValues.paper));
const truth = picture((x, y) => (x >= 10 && x < 14 && y >= 5 && y < 9 ? 255 : 0));

describe('attributeLoss', () => {
  it('splits the wrong pixels by what lies under them, and the shares and the IoU add up to 1', () => {
    const predicted = picture((x, y) => {
      if (x >= 10 && x < 14 && y >= 5 && y < 8) return 200; // the ink but its last row: 4 missed on paper
      if (x === 15 && y >= 5 && y < 9) return 200; // 4 beside the ink (2 px from it): wide
      if (x >= 20 && x < 25 && y === 15) return 200; // 5 on the printed line, far from the ink: marks
      if (x >= 32 && x < 38 && y === 2) return 200; // 6 on the desk
      if (x === 2 && y === 2) return 200; // 1 of plain paper
      return 100; // under half everywhere else: not kept
    });
    const loss = attributeLoss(predicted, truth, under, width, height);
    const union = 16 + 4 + 5 + 6 + 1;

    expect(loss).toEqual({ wide: 4 / union, missed: 4 / union, marks: 5 / union, 'missed-on-marks': 0, desk: 6 / union, paper: 1 / union });
    const iou = scoreAlpha(predicted, truth).iou;
    expect(iou + lossCauses.reduce((sum, cause) => sum + loss[cause], 0)).toBeCloseTo(1, 12);
  });

  it('counts a kept pixel as wide up to 3 px from the ink, diagonals included, and as what is under it beyond', () => {
    // (17, 12) is 4 px right of the ink's last column (13) and 4 below its last row (8); (16, 11) is 3 and 3.
    const predicted = picture((x, y) => (truth[at(x, y)] || (x === 16 && y === 11) || (x === 17 && y === 12) ? 255 : 0));
    const loss = attributeLoss(predicted, truth, under, width, height);

    expect([loss.wide, loss.paper]).toEqual([1 / 18, 1 / 18]);
  });

  it('tells ink lost where it crosses print from ink lost on plain paper', () => {
    const crossing = picture((x, y) => (x === 12 && y >= 13 && y < 18 ? 255 : 0));
    const loss = attributeLoss(new Uint8Array(width * height), crossing, under, width, height);

    expect([loss['missed-on-marks'], loss.missed]).toEqual([1 / 5, 4 / 5]);
  });

  it('gives no loss where neither alpha holds ink, and refuses layers of another size', () => {
    const empty = new Uint8Array(width * height);
    expect(Object.values(attributeLoss(empty, empty, under, width, height))).toEqual(lossCauses.map(() => 0));
    expect(() => attributeLoss(empty, empty, under.subarray(1), width, height)).toThrow(/sizes differ/);
  });
});

describe('scoreFolder (bench/scenes/score-folder.ts)', () => {
  it('scores each generated scene of a folder and splits what it lost, shares and IoU adding up to 1', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'score-folder-'));
    try {
      const scenes = await generateRandomScenes({ seed: 61_017, count: 2, dir, longSide: 320, writeUnder: true });
      const pictures = await scoreFolder(dir, 'never');

      expect(pictures.map((picture) => picture.name)).toEqual(scenes.map((scene) => `${scene.name}.jpg`));
      for (const picture of pictures) {
        expect(picture.loss, picture.name).toBeDefined();
        expect(picture.scores.iou + lossCauses.reduce((sum, cause) => sum + picture.loss![cause], 0), picture.name).toBeCloseTo(1, 9);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
