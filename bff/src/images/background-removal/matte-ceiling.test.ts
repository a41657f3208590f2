import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceilingOfMatte, matteCeiling } from '../../../bench/scenes/matte-ceiling.ts';
import { generateRandomScenes } from '../../../bench/scenes/random-scenes.ts';

// The bench's ceiling for generated scenes (bench/scenes/matte-ceiling.ts); it sits here because
// vitest's bff project only looks in src/. A seed of these tests' own, never the bench's.
const testSeed = 20_251_205;
const size = 80;

let workDir: string;
beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecoo-matte-ceiling-'));
});
afterAll(async () => {
  await fs.rm(workDir, { recursive: true, force: true });
});

function drawn(isInk: (x: number, y: number) => boolean): Uint8Array {
  const values = new Uint8Array(size * size);
  for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) values[y * size + x] = isInk(x, y) ? 255 : 0;
  return values;
}

async function alphaFile(name: string, values: Uint8Array): Promise<string> {
  const file = path.join(workDir, `${name}.alpha.png`);
  await sharp(values, { raw: { width: size, height: size, channels: 1 } }).toColourspace('b-w').png().toFile(file);
  return file;
}

const line = drawn((x, y) => x === 40 && y >= 10 && y < 70);
const thinAndWide = drawn((x, y) => y >= 10 && y < 70 && (x === 20 || (x >= 48 && x < 54)));
const disc = drawn((x, y) => Math.hypot(x - 40, y - 40) <= 25);

describe('ceilingOfMatte', () => {
  it('is 1 at one half and at the best cut when the matte is the truth', () => {
    expect(ceilingOfMatte(disc, disc)).toEqual({ atHalf: 1, atBestCut: 1, bestCut: 128 });
  });

  it('finds the cut that scores best, and scores one half apart from it', () => {
    // The truth's 60 pixels of line at 140 in the matte, its two neighbours' 120 at 100: a cut at one half keeps the line alone.
    const matte = drawn(() => false);
    for (let y = 10; y < 70; y += 1) {
      matte[y * size + 40] = 140;
      matte[y * size + 39] = 100;
      matte[y * size + 41] = 100;
    }
    const exact = ceilingOfMatte(line, matte);
    expect(exact).toMatchObject({ atHalf: 1, atBestCut: 1 });
    // Every cut from 101 to 140 keeps the line alone; of equals, one half stays.
    expect(exact.bestCut).toBe(128);
    const wide = ceilingOfMatte(line, matte.map((value) => (value === 100 ? 130 : value)));
    expect(wide.atHalf).toBeCloseTo(60 / 180, 6);
    expect(wide.atBestCut).toBe(1);
    expect(wide.bestCut).toBeGreaterThan(130);
    expect(wide.bestCut).toBeLessThanOrEqual(140);
  });

  it('refuses alphas of two sizes', () => {
    expect(() => ceilingOfMatte(line, new Uint8Array(10))).toThrow(/sizes differ/);
  });
});

describe('matteCeiling', () => {
  it('loses a line one pixel wide at one half under a blur of 2 px; its ridge alone is the best cut', async () => {
    const ceiling = await matteCeiling(await alphaFile('line', line), 2);
    // The blurred line's peak is about 1 / (√(2π) · 2) ≈ 0.2 of full ink.
    expect(ceiling.atHalf).toBe(0);
    expect(ceiling.bestCut).toBeLessThan(64);
    expect(ceiling.atBestCut).toBeGreaterThan(0.85);
  });

  it('finds no one cut for a thin and a wide line under the same blur', async () => {
    const ceiling = await matteCeiling(await alphaFile('thin-and-wide', thinAndWide), 2);
    // At one half the wide line stays and the thin one goes; at the thin one's ridge the wide one spreads.
    expect(ceiling.atHalf).toBeGreaterThan(0.6);
    expect(ceiling.atHalf).toBeLessThan(6 / 7);
    expect(ceiling.atBestCut).toBeLessThan(0.9);
  });

  it('keeps a wide disc under the same blur, and everything with no blur', async () => {
    const file = await alphaFile('disc', disc);
    expect((await matteCeiling(file, 2)).atHalf).toBeGreaterThan(0.95);
    expect(await matteCeiling(file, 0)).toEqual({ atHalf: 1, atBestCut: 1, bestCut: 128 });
  });

  it("is 1 on a generated scene without blur and below 1 on a blurred one, from the scene's own blur", async () => {
    const scenes = await generateRandomScenes({ seed: testSeed, count: 12, dir: workDir, longSide: 600 });
    const sharp = scenes.find((scene) => scene.blur === 0);
    const blurred = scenes.filter((scene) => scene.blur >= 0.7);
    expect(sharp).toBeDefined();
    expect(blurred.length).toBeGreaterThan(0);
    expect(await matteCeiling(path.join(workDir, `${sharp!.name}.alpha.png`), sharp!.blur)).toMatchObject({ atHalf: 1, atBestCut: 1 });
    for (const scene of blurred) expect((await matteCeiling(path.join(workDir, `${scene.name}.alpha.png`), scene.blur)).atHalf).toBeLessThan(1);
  });
});
