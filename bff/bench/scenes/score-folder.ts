/**
 * Scores the pipeline on a folder of scenes, for tuning on any seed but the bench's:
 *   npx tsx bff/bench/scenes/cli.ts --seed 7 --count 200 --under /tmp/s7
 *   npx tsx bff/bench/scenes/score-folder.ts [--with-model] [--json FILE] /tmp/s7
 * Prints the mean IoU and, where the scenes carry NAME.under.png, where the lost IoU lies, and where
 * cli.ts left its scenes.json, a flawless matte's ceiling; --json writes each picture's scores, for
 * comparing two versions picture by picture.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summariseScores } from '../../src/images/index.ts';
import { printCeiling, printLossByCause, scoreFolder } from '../background-removal.ts';
import { matteCeilings } from './matte-ceiling.ts';
import { sceneManifestFile, type SceneManifest } from './random-scenes.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'with-model': { type: 'boolean', default: false }, json: { type: 'string' } },
});
const [dir] = positionals;
if (!dir) {
  console.error('usage: score-folder.ts [--with-model] [--json FILE] DIR');
  process.exit(2);
}
const pictures = await scoreFolder(dir, values['with-model'] ? 'auto' : 'never');
const { iou } = summariseScores(pictures.map((picture) => picture.scores));
console.log(`${pictures.length} pictures in ${dir}, pipeline ${values['with-model'] ? 'with' : 'without'} the subject model: mean IoU ${iou.toFixed(4)}`);
const manifest = await fs.readFile(path.join(dir, sceneManifestFile), 'utf8').then((text) => JSON.parse(text) as SceneManifest, () => undefined);
if (manifest) printCeiling(pictures, await matteCeilings(dir, manifest.scenes));
printLossByCause(pictures);
if (values.json) await fs.writeFile(values.json, JSON.stringify(pictures, null, 1));
