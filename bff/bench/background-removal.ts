import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  createSubjectModel,
  decodeImage,
  removeBackground,
  renderCandidate,
  scoreAlpha,
  summariseScores,
  type AlphaScores,
  type RemovalCandidate,
  type SubjectModel,
} from '../src/images/index.ts';
import { generateHeldOutSet } from './held-out/generate-held-out.ts';

export interface BackgroundRemovalBenchOptions {
  /** The development set (NAME.jpg + NAME.alpha.png); skipped with a message when absent. */
  devDir: string;
  /** Score at most this many pictures per set (0 = all); the model alone takes 5-7 s a picture. */
  limit: number;
}

const targets = { meanIou: 0.93, minIou: 0.75, medianMs: 500 };
/** Makes this file, forked, score one method in a process of its own. */
const scorerArgument = '--score-in-child';

type ScoredMethod = 'auto' | 'subject-model';
interface ScoredPicture {
  name: string;
  scores: AlphaScores;
  ms: number;
  chosen: string;
  reason: string;
}
interface ScorerReport {
  kind: 'scored';
  pictures: ScoredPicture[];
  peakRssMb: number;
}

/**
 * Scores the console's pipeline (automatic choice) against the subject model alone, on the development
 * set and on generated held-out pictures, from the keep-size output as shared/bg-dev/README.md defines.
 * Each method runs in a process of its own, pipeline first, so each peak memory is its own.
 */
export async function benchBackgroundRemoval(options: BackgroundRemovalBenchOptions): Promise<void> {
  console.log(`\n3. Background removal of stamps and signatures: pipeline (auto) against the subject model alone`);
  console.log(`   Scored from keep-size output at sensitivity 50; targets: mean IoU ≥ ${targets.meanIou}, none below ${targets.minIou}, median < ${targets.medianMs} ms (pipeline).`);
  const heldOutDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecoo-held-out-'));
  try {
    const sets: { label: string; dir: string }[] = [];
    if (await isFolder(options.devDir)) sets.push({ label: `development set ${options.devDir}`, dir: options.devDir });
    else console.log(`   ${options.devDir} not found: the development set is skipped (pass --bg-dev DIR).`);
    await generateHeldOutSet(heldOutDir);
    sets.push({ label: 'generated held-out set (bench/held-out)', dir: heldOutDir });
    for (const set of sets) {
      console.log(`\n   ${set.label}${options.limit ? `, first ${options.limit} pictures` : ''}`);
      const auto = await scoreInChild('auto', set.dir, options.limit);
      const modelAlone = await scoreInChild('subject-model', set.dir, options.limit);
      printSummary([
        ['pipeline (auto)', auto],
        ['subject model alone', modelAlone],
      ]);
      printWorst(auto.pictures);
    }
  } finally {
    await fs.rm(heldOutDir, { recursive: true, force: true });
  }
}

async function scoreInChild(method: ScoredMethod, dir: string, limit: number): Promise<ScorerReport> {
  const child = fork(import.meta.filename, [scorerArgument, method, dir, String(limit)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: process.execArgv });
  const [report] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the ${method} scorer stopped (exit ${code}) before reporting`);
    }),
  ])) as [ScorerReport];
  return report;
}

function printSummary(rows: [string, ScorerReport][]): void {
  const header = ['method', 'mean IoU', 'min IoU', 'MAE', 'miss', 'leak', 'median ms', 'peak RSS'];
  const lines = rows.map(([label, report]) => {
    const summary = summariseScores(report.pictures.map((picture) => picture.scores));
    return [label, summary.iou.toFixed(3), summary.minIou.toFixed(3), summary.mae.toFixed(4), summary.miss.toFixed(3), summary.leak.toFixed(3), String(Math.round(median(report.pictures.map((picture) => picture.ms)))), `${Math.round(report.peakRssMb)} MB`];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => `   ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

/** The pipeline's five weakest pictures and why it chose what it did: where to look next. */
function printWorst(pictures: ScoredPicture[]): void {
  const worst = [...pictures].sort((a, b) => a.scores.iou - b.scores.iou).slice(0, 5);
  console.log(`   weakest for the pipeline: ${worst.map((picture) => `${picture.name} ${picture.scores.iou.toFixed(3)} (${picture.chosen}: ${picture.reason})`).join('; ')}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then((stat) => stat.isDirectory(), () => false);
}


/** Alpha of the keep-size PNG, exactly what the command line writes for scoring. */
async function renderedAlpha(candidate: RemovalCandidate): Promise<Uint8Array> {
  const rendered = await renderCandidate(candidate, { sensitivity: 50, keepSize: true });
  if (!rendered) return new Uint8Array(candidate.width * candidate.height);
  return new Uint8Array(await sharp(rendered.png).extractChannel(3).raw().toBuffer());
}

async function scorePicture(method: ScoredMethod, folder: string, name: string, model: SubjectModel): Promise<ScoredPicture> {
  const image = await decodeImage(await fs.readFile(path.join(folder, name)));
  const truth = new Uint8Array(await sharp(path.join(folder, name.replace(/\.[^.]+$/, '.alpha.png'))).extractChannel(0).raw().toBuffer());
  const started = performance.now();
  if (method === 'subject-model') {
    const strength = await model.segment(image);
    const ms = performance.now() - started;
    const candidate: RemovalCandidate = { method: 'subject-model', width: image.width, height: image.height, colour: image.rgb, strength };
    return { name, scores: scoreAlpha(await renderedAlpha(candidate), truth), ms, chosen: 'subject-model', reason: 'model alone' };
  }
  const removal = await removeBackground(image, { model, useModel: 'auto' });
  const ms = performance.now() - started;
  const candidate = removal.candidates.find((each) => each.method === removal.chosen)!;
  return { name, scores: scoreAlpha(await renderedAlpha(candidate), truth), ms, chosen: removal.chosen, reason: removal.reason };
}

/**
 * The child's side: scores one method on one folder, then reports its rows and its own peak memory.
 * A process per method, so the subject model's gigabyte does not hide the pipeline's own figure.
 */
async function runScorer(method: ScoredMethod, folder: string, limit: number): Promise<void> {
  const model = createSubjectModel();
  const names = (await fs.readdir(folder)).filter((name) => /\.(jpe?g|png|webp)$/i.test(name) && !name.endsWith('.alpha.png')).sort();
  const pictures: ScoredPicture[] = [];
  for (const name of names.slice(0, limit || undefined)) pictures.push(await scorePicture(method, folder, name, model));
  const report: ScorerReport = { kind: 'scored', pictures, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.send?.(report, () => process.exit(0));
}

if (process.argv[2] === scorerArgument) {
  const [method, folder, limit] = process.argv.slice(3) as [ScoredMethod, string, string];
  await runScorer(method, folder, Number(limit));
}
