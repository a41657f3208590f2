import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHeldOutSet } from '../../../bench/held-out/generate-held-out.ts';
import { decodeImage, type DecodedImage } from '../intake/decode-image.ts';
import { removeBackground, renderCandidate, type RemovalCandidate, type RemovalResult } from './remove-background.ts';
import { scoreAlpha } from './scores.ts';
import { createSubjectModel } from './subject-model.ts';
import { evenlySpaced, paintScene, papers, pixelsOf, printedText, ring, ruledRows, shareOf, turnedRectangle, type Scene, type Shape } from './testing/synthetic.ts';
import { inks, type Absorption } from '../../../bench/scenes/ink-on-paper.ts';
import { generateRandomScenes } from '../../../bench/scenes/random-scenes.ts';

// The development set lives beside the repository (CI provides it); paths are from the repo root.
const devDir = path.resolve(import.meta.dirname, '../../../../../shared/bg-dev');

async function loadPicture(dir: string, name: string): Promise<{ image: DecodedImage; truth: Uint8Array }> {
  const image = await decodeImage(await fs.readFile(path.join(dir, `${name}.jpg`)));
  const truth = new Uint8Array(await sharp(path.join(dir, `${name}.alpha.png`)).extractChannel(0).raw().toBuffer());
  return { image, truth };
}

const chosenOf = (result: RemovalResult) => result.candidates.find((candidate) => candidate.method === result.chosen)!;

describe('removeBackground on development pictures, without the model', () => {
  // Floors about 0.05 below what the pipeline scores today, so a real regression fails.
  const cases = [
    { name: 'd009-round-scan', floor: 0.94 },
    { name: 'd027-round-photo', floor: 0.91 },
    { name: 'd031-signature-photo', floor: 0.93 },
    { name: 'd015-signature-printed', floor: 0.89 },
    { name: 'd030-round-printed', floor: 0.87 },
  ];
  for (const { name, floor } of cases) {
    it(`${name}: when paper fills the picture, chooses ink and scores IoU ≥ ${floor}`, async () => {
      const { image, truth } = await loadPicture(devDir, name);

      const result = await removeBackground(image, { useModel: 'never' });

      expect(result.chosen).toBe('ink');
      const chosen = chosenOf(result);
      expect([chosen.width, chosen.height]).toEqual([image.width, image.height]);
      expect(scoreAlpha(chosen.strength, truth).iou).toBeGreaterThanOrEqual(floor);
    });
  }

  it('d019-rect-printed: says it removed printed text, and leaks less than a tenth of the ink', async () => {
    const { image, truth } = await loadPicture(devDir, 'd019-rect-printed');

    const result = await removeBackground(image, { useModel: 'never' });

    expect(result.reason).toMatch(/printed text removed/);
    expect(scoreAlpha(chosenOf(result).strength, truth).leak).toBeLessThan(0.1);
  });
});

describe('removeBackground on generated held-out pictures', () => {
  let heldOutDir: string;
  beforeAll(async () => {
    heldOutDir = await fs.mkdtemp(path.join(os.tmpdir(), 'held-out-test-'));
    await generateHeldOutSet(heldOutDir, ['h07-signature-black-thin-printed', 'h08-sheet-on-wood-desk', 'h10-triangle-green-signature-shadow', 'h17-signature-ballpoint-ruled', 'h21-rect-blue-printed-tungsten']);
  }, 60_000);
  afterAll(() => fs.rm(heldOutDir, { recursive: true, force: true }));

  it('a black pen as fine as the print across text, without the model: keeps its long strokes, IoU ≥ 0.84', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h07-signature-black-thin-printed');

    const result = await removeBackground(image, { useModel: 'never' });

    expect(result.reason).toMatch(/printed text removed/);
    const scores = scoreAlpha(chosenOf(result).strength, truth);
    expect(scores.iou).toBeGreaterThanOrEqual(0.84);
    expect(scores.leak).toBeLessThan(0.25);
  });

  it('a ballpoint signature on ruled paper: the rules do not show even faintly, the strokes crossing them stay, IoU ≥ 0.93', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h17-signature-ballpoint-ruled');

    const result = await removeBackground(image, { useModel: 'never' });

    const { strength } = chosenOf(result);
    let faintlyShown = 0;
    let trueInk = 0;
    for (let index = 0; index < truth.length; index += 1) {
      if (truth[index] === 0 && strength[index]! >= 16) faintlyShown += 1;
      if (truth[index]! >= 128) trueInk += 1;
    }
    expect(faintlyShown / trueInk).toBeLessThan(0.7);
    expect(scoreAlpha(strength, truth).iou).toBeGreaterThanOrEqual(0.93);
  });

  it('a printed page under a tungsten lamp (orange paper): still finds the print and removes it, IoU ≥ 0.83', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h21-rect-blue-printed-tungsten');

    const result = await removeBackground(image, { useModel: 'never' });

    expect(result.reason).toMatch(/printed text removed/);
    const scores = scoreAlpha(chosenOf(result).strength, truth);
    expect(scores.iou).toBeGreaterThanOrEqual(0.83);
    expect(scores.leak).toBeLessThan(0.2);
  });

  it('a sheet on a wooden desk: chooses ink-on-sheet, keeps the desk transparent, IoU ≥ 0.89', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h08-sheet-on-wood-desk');

    const result = await removeBackground(image, { useModel: 'never' });

    expect(result.chosen).toBe('ink-on-sheet');
    expect(result.candidates.map((candidate) => candidate.method)).toContain('ink');
    const scores = scoreAlpha(chosenOf(result).strength, truth);
    expect(scores.iou).toBeGreaterThanOrEqual(0.89);
    expect(scores.leak).toBeLessThan(0.05);
  });

  it('a shadow across the paper reaching the border: still reads as paper, IoU ≥ 0.89', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h10-triangle-green-signature-shadow');

    const result = await removeBackground(image, { useModel: 'never' });

    expect(result.chosen).toBe('ink');
    expect(scoreAlpha(chosenOf(result).strength, truth).iou).toBeGreaterThanOrEqual(0.89);
  });

  it('the real subject model on a sheet on a desk: finds the ink, leaves the desk corners out', async () => {
    const { image, truth } = await loadPicture(heldOutDir, 'h08-sheet-on-wood-desk');

    const model = createSubjectModel();
    const steps: string[] = [];
    expect(model.isLoaded).toBe(false);
    const result = await removeBackground(image, { useModel: 'always', model, onProgress: (step) => steps.push(step) });
    expect(model.isLoaded).toBe(true);
    expect(steps).toContain('loading-model');

    const modelCandidate = result.candidates.find((candidate) => candidate.method === 'subject-model')!;
    expect([modelCandidate.width, modelCandidate.height]).toEqual([image.width, image.height]);
    const corners = [0, image.width - 1, (image.height - 1) * image.width, image.height * image.width - 1];
    for (const corner of corners) expect(modelCandidate.strength[corner]).toBeLessThan(32);
    expect(scoreAlpha(modelCandidate.strength, truth).miss).toBeLessThan(0.5);
  }, 180_000);
});

// Scenes of a tuning seed (7, never the bench's), drawn again by the generator: each a whole picture
// that a stage once lost, and that no synthetic scene here reproduces.
describe('removeBackground on generated scenes of a tuning seed', () => {
  let sceneDir: string;
  beforeAll(async () => {
    sceneDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tuning-scene-test-'));
  });
  afterAll(() => fs.rm(sceneDir, { recursive: true, force: true }));

  /** The first scene of seed 7 whose name holds every word, and the pipeline's IoU on it (alone, as scored). */
  async function scoreTuningScene(where: string[]): Promise<{ name: string; iou: number }> {
    const [scene] = await generateRandomScenes({ seed: 7, count: 1, dir: sceneDir, longSide: 1500, where });
    const { image, truth } = await loadPicture(sceneDir, scene!.name);
    const rendered = await renderCandidate(chosenOf(await removeBackground(image, { useModel: 'never' })), { sensitivity: 50, keepSize: true });
    const alpha = new Uint8Array(await sharp(rendered!.png).extractChannel(3).raw().toBuffer());
    return { name: scene!.name, iou: scoreAlpha(alpha, truth).iou };
  }

  it('seed 7 r0024, a black felt pen on grey-blue print on orange paper (a scan): the print goes though its rims are found first as another hue, IoU ≥ 0.9 (0.21 before)', async () => {
    const { name, iou } = await scoreTuningScene(['felt-black', 'tinted-orange', 'print', 'scan']);

    expect(name).toMatch(/^r0024-/);
    expect(iou).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('seed 7 r0120, a thin blue oval stamp set below blue print (a scan): its ring, split by hue into arcs of the print\'s blue and of a blue next to it, stays, IoU ≥ 0.5 (0.35 before)', async () => {
    const { name, iou } = await scoreTuningScene(['oval-blue-thin', 'textured', 'print', 'scan']);

    expect(name).toMatch(/^r0120-/);
    expect(iou).toBeGreaterThanOrEqual(0.5);
  }, 60_000);
});

describe('removeBackground on a printed page on ruled paper', () => {
  // Rules are looked for before the print only where no print is found: a page's lines, blurred
  // together, are as long and regular as ruling. The blue lines of ruled paper under black print
  // are not print either, and were kept whole, as long as the page.
  it('removes the print, then the strong blue rules it leaves (none before), and keeps a red stamp across both', async () => {
    const width = 360;
    const height = 300;
    const rules = ruledRows(evenlySpaced(16, 18, 16), 2);
    // Two text lines to each pair of rules (pitch 9, 6 px high), every other one crossing a rule.
    const text = printedText({ left: 20, top: 14, right: 340, bottom: 300 }, { height: 6, width: 4, stroke: 1, pitch: 9 });
    // Ruled paper's blue at its strongest in the random scenes (1.6 times the usual): fainter rules went with the print.
    const strongRuling = inks.ruling.map((absorption) => 1.6 * absorption) as Absorption;
    const stamp = ring(180, 150, 60, 5);
    const scene: Scene = { width, height, paper: papers.office, noise: 2, inks: [{ shape: rules, ink: strongRuling }, { shape: text, ink: inks.print }, { shape: stamp, ink: inks.red }] };
    const picture = paintScene(scene);

    const removal = await removeBackground({ type: 'image/png', ...picture }, { useModel: 'never' });
    const { strength } = removal.candidates.find((candidate) => candidate.method === removal.chosen)!;
    const farFromStamp: Shape = (x, y) => (Math.hypot(x - 180, y - 150) > 72 ? 1 : 0);
    const rulePixels = pixelsOf((x, y) => rules(x, y) * farFromStamp(x, y) * (1 - text(x, y)), width, height);

    expect(removal.reason).toContain('printed text removed');
    expect(rulePixels.length).toBeGreaterThan(2000);
    expect(shareOf(strength, rulePixels, (value) => value < 32)).toBeGreaterThan(0.95);
    expect(shareOf(strength, pixelsOf(stamp, width, height), (value) => value >= 128)).toBeGreaterThan(0.9);
  });
});

describe('removeBackground on a sheet lying on a white desk', () => {
  // The desk is as light as the paper: no colour outlined the sheet, and the whole picture was taken
  // for paper ('ink'). The sheet's edge outlines it now; that outline is no guess, so the subject model
  // (asked where a grey desk's outline is unsure) is not run for it.
  it('outlines the sheet by its edge without asking the subject model, keeps the stamp and clears the ruling (≥ 85 %)', async () => {
    const width = 640;
    const height = 480;
    const sheet = turnedRectangle(320, 240, 380, 300, 10);
    const rules: Shape = (x, y) => sheet(x, y) * ruledRows(evenlySpaced(-120, 24, 30), 2, Math.tan((10 * Math.PI) / 180))(x, y);
    const stamp = ring(330, 250, 60, 5);
    const scene: Scene = { width, height, paper: papers.office, noise: 3, desk: { sheet, colour: () => [250, 250, 248] }, inks: [{ shape: rules, ink: inks.ruling }, { shape: stamp, ink: inks.blue }] };
    let segmentations = 0;
    const model = {
      isLoaded: true,
      async segment(picture: { width: number; height: number }) {
        segmentations += 1;
        return new Uint8Array(picture.width * picture.height);
      },
    };

    const removal = await removeBackground({ type: 'image/png', ...paintScene(scene) }, { model, useModel: 'auto' });
    const { strength } = removal.candidates.find((candidate) => candidate.method === removal.chosen)!;
    const farFromStamp: Shape = (x, y) => (Math.hypot(x - 330, y - 250) > 72 ? 1 : 0);
    const rulePixels = pixelsOf((x, y) => rules(x, y) * farFromStamp(x, y), width, height);

    expect(segmentations).toBe(0);
    expect(removal.chosen).toBe('ink-on-sheet');
    expect(removal.reason).toContain('sheet outlined by its edge');
    expect(rulePixels.length).toBeGreaterThan(2000);
    expect(shareOf(strength, rulePixels, (value) => value < 32)).toBeGreaterThan(0.85);
    expect(shareOf(strength, pixelsOf(stamp, width, height), (value) => value >= 128)).toBeGreaterThan(0.9);
  });
});

describe('removeBackground progress', () => {
  it('says "loading-model" while the subject model is loaded for the first time in the process, "running-model" after', async () => {
    const { image } = await loadPicture(devDir, 'd009-round-scan');
    let isLoaded = false;
    const model = {
      get isLoaded() {
        return isLoaded;
      },
      async segment(picture: { width: number; height: number }) {
        isLoaded = true;
        return new Uint8Array(picture.width * picture.height);
      },
    };
    const steps: string[][] = [[], []];
    for (const run of steps) await removeBackground(image, { model, useModel: 'always', onProgress: (step) => run.push(step) });
    expect(steps).toEqual([
      ['analysing', 'loading-model', 'extracting-ink'],
      ['analysing', 'running-model', 'extracting-ink'],
    ]);
  });
});

describe('renderCandidate', () => {
  // A 200 × 100 picture with one ink square at x 50..69, y 30..49, fading to half strength on its right column.
  const candidate: RemovalCandidate = { method: 'ink', width: 200, height: 100, colour: Buffer.alloc(200 * 100 * 3, 40), strength: new Uint8Array(200 * 100) };
  for (let y = 30; y < 50; y += 1) for (let x = 50; x < 70; x += 1) candidate.strength[y * 200 + x] = x === 69 ? 128 : 255;

  it('trims to the ink with an 8 px margin and keeps the alpha', async () => {
    const rendered = (await renderCandidate(candidate, { sensitivity: 50, keepSize: false }))!;

    expect(rendered.box).toEqual({ left: 42, top: 22, width: 36, height: 36 });
    const { data, info } = await sharp(rendered.png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([36, 36, 4]);
    expect(data[(8 * 36 + 8) * 4 + 3]).toBe(255);
    expect(data[(8 * 36 + 27) * 4 + 3]).toBe(128);
    expect(data[3]).toBe(0);
  });

  it('with keepSize, keeps the picture’s size and position', async () => {
    const rendered = (await renderCandidate(candidate, { sensitivity: 50, keepSize: true }))!;

    expect(rendered.box).toEqual({ left: 0, top: 0, width: 200, height: 100 });
    const alpha = await sharp(rendered.png).extractChannel(3).raw().toBuffer();
    expect(alpha[30 * 200 + 50]).toBe(255);
  });

  it('when no ink is visible, answers undefined', async () => {
    const empty = { ...candidate, strength: new Uint8Array(200 * 100) };

    expect(await renderCandidate(empty, { sensitivity: 100, keepSize: false })).toBeUndefined();
  });

  it('raising the sensitivity never lowers any pixel’s alpha, and keeps paper transparent', async () => {
    const { image } = await loadPicture(devDir, 'd027-round-photo');
    const ink = chosenOf(await removeBackground(image, { useModel: 'never' }));
    const alphaAt = async (sensitivity: number) => sharp((await renderCandidate(ink, { sensitivity, keepSize: true }))!.png).extractChannel(3).raw().toBuffer();

    const [low, middle, high] = await Promise.all([alphaAt(25), alphaAt(50), alphaAt(75)]);

    let lowered = 0;
    let raised = 0;
    let paperShown = 0;
    for (let index = 0; index < middle.length; index += 1) {
      if (low[index]! > middle[index]! || middle[index]! > high[index]!) lowered += 1;
      if (high[index]! > middle[index]!) raised += 1;
      if (ink.strength[index] === 0 && high[index]! > 0) paperShown += 1;
    }
    expect({ lowered, paperShown }).toEqual({ lowered: 0, paperShown: 0 });
    expect(raised).toBeGreaterThan(1000);
  });
});
