/**
 * Background removal over a folder, with the console's own pipeline and automatic choice:
 *   npm run remove-background -- [--keep-size] [--sensitivity N] [--method auto|ink|ink-on-sheet|subject-model] <input-dir> <output-dir>
 * Writes <name>.png (RGBA) for each .jpg/.jpeg/.png/.webp (ground-truth NAME.alpha.png files are
 * skipped). --keep-size keeps the input's size and position (for scoring); otherwise the PNG is
 * trimmed to the ink. A picture that fails is reported and the run goes on; the exit code says if any did.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSubjectModel, decodeImage, ImageRefusal, isScoredPicture, removeBackground, renderCandidate, type BackgroundMethod, type RemovalOptions } from '../src/images/index.ts';

const methods = ['auto', 'ink', 'ink-on-sheet', 'subject-model'] as const;
type MethodChoice = (typeof methods)[number];

const usage = 'usage: npm run remove-background -- [--keep-size] [--sensitivity 0..100] [--method auto|ink|ink-on-sheet|subject-model] <input-dir> <output-dir>';

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'keep-size': { type: 'boolean', default: false }, sensitivity: { type: 'string', default: '50' }, method: { type: 'string', default: 'auto' } },
  });
  const sensitivity = Number(values.sensitivity);
  const method = values.method as MethodChoice;
  if (positionals.length !== 2 || !Number.isFinite(sensitivity) || sensitivity < 0 || sensitivity > 100 || !methods.includes(method)) {
    console.error(usage);
    process.exit(2);
  }
  return { inputDir: positionals[0]!, outputDir: positionals[1]!, keepSize: values['keep-size'], sensitivity, method };
}

/** The model is asked for only when the method needs it; the pipeline decides for itself under auto. */
function modelUse(method: MethodChoice): RemovalOptions['useModel'] {
  if (method === 'subject-model') return 'always';
  if (method === 'auto') return 'auto';
  return 'never';
}

function describeFailure(error: unknown): string {
  if (error instanceof ImageRefusal) return `not a picture the console can read (${error.reason}${error.details.detected ? `: ${error.details.detected}` : ''})`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const { inputDir, outputDir, keepSize, sensitivity, method } = parseCommandLine();
  const names = (await fs.readdir(inputDir)).filter(isScoredPicture).sort();
  await fs.mkdir(outputDir, { recursive: true });
  const model = createSubjectModel();
  const times: number[] = [];
  let failed = 0;
  for (const name of names) {
    const started = performance.now();
    try {
      const image = await decodeImage(await fs.readFile(path.join(inputDir, name)));
      const removal = await removeBackground(image, { model, useModel: modelUse(method) });
      const wanted: BackgroundMethod = method === 'auto' ? removal.chosen : method;
      const candidate = removal.candidates.find((each) => each.method === wanted);
      if (!candidate) throw new Error(`no ${wanted} result for this picture (offered: ${removal.candidates.map((each) => each.method).join(', ')})`);
      const rendered = await renderCandidate(candidate, { sensitivity, keepSize });
      if (!rendered) throw new Error(`no ink found at sensitivity ${sensitivity}; raise the sensitivity`);
      await fs.writeFile(path.join(outputDir, `${name.replace(/\.[^.]+$/, '')}.png`), rendered.png);
      const ms = performance.now() - started;
      times.push(ms);
      console.log(`${name}  ${candidate.method}  ${Math.round(ms)} ms  (${removal.reason})`);
    } catch (error) {
      failed += 1;
      console.log(`${name}  FAILED  ${describeFailure(error)}`);
    }
  }
  times.sort((a, b) => a - b);
  const median = times.length ? Math.round(times[Math.floor(times.length / 2)]!) : 0;
  console.log(`\n${names.length - failed} of ${names.length} pictures written to ${outputDir}${failed ? `, ${failed} failed` : ''}; median ${median} ms per picture`);
  process.exitCode = failed ? 1 : 0;
}

await main();
