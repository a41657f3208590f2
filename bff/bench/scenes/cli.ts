/**
 * Writes random stamp and signature scenes for inspection:
 *   npx tsx bff/bench/scenes/cli.ts --seed N --count K [--long-side PX] [--where word,word] [--under] DIR
 * `--where octagon,ruled,desk-dark-wood` keeps only scenes whose name holds every word (the scene
 * numbers stay those of the seed, so r0042 is the same picture with or without a filter). Beside the
 * pictures, scenes.json says what each scene was drawn with (its families, its blur), for score-folder.ts.
 * Never pass the bench's seed (bff/bench/background-removal.ts) while tuning: see that file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateRandomScenes, sceneManifestFile, type SceneManifest } from './random-scenes.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string' },
    count: { type: 'string', default: '20' },
    'long-side': { type: 'string', default: '1500' },
    where: { type: 'string', default: '' },
    /** Also write NAME.under.png (what lies under each pixel: paper, marks, desk), as the bench does. */
    under: { type: 'boolean', default: false },
  },
});
const [dir] = positionals;
if (!dir || values.seed === undefined || !Number.isInteger(Number(values.seed))) {
  console.error('usage: cli.ts --seed N [--count K] [--long-side PX] [--where word,word] [--under] DIR');
  process.exit(2);
}
const started = performance.now();
const scenes = await generateRandomScenes({
  seed: Number(values.seed),
  count: Number(values.count),
  dir,
  longSide: Number(values['long-side']),
  where: values.where ? values.where.split(',') : [],
  writeUnder: values.under,
});
const manifest: SceneManifest = { seed: Number(values.seed), scenes: scenes.map(({ name, families, blur }) => ({ name, families, blur })) };
await fs.writeFile(path.join(dir, sceneManifestFile), JSON.stringify(manifest, null, 1));
for (const scene of scenes) console.log(`${scene.name}.jpg  ${scene.width} x ${scene.height}`);
console.log(`${scenes.length} scenes of seed ${values.seed} in ${dir}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
