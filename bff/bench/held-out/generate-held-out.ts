/**
 * Makes stamp and signature pictures that the development set (shared/bg-dev) lacks, each with its true
 * alpha beside it: other stamp shapes and ink colours, a sheet lying on a desk, shadows across the
 * paper, black signatures over printed text, a faint stamp, a tungsten cast (also over print), heavy JPEG and defocus, tinted
 * forms, ruled paper, a turned picture, a small stamp in a large photo. Same names and format as bg-dev
 * (NAME.jpg + NAME.alpha.png), so the bench and the tests score them the same way.
 *
 * Ink is laid down the way it behaves on paper: each layer (print, stamp, signature) multiplies the
 * light by 1 − coverage × absorption per channel; light, shadow, blur, noise and JPEG come after. That
 * model lives in ../scenes/ink-on-paper.ts, shared with the random scenes (issue 15); this list stays
 * fixed, so its figures can be compared from run to run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { clampByte, deskAt, gaussian, inks, layInk, printSvg, rasterise, ruledSvg, smoothstep, svgDocument, texture, type Absorption } from '../scenes/ink-on-paper.ts';

type StampShape = 'double-ring' | 'oval' | 'triangle' | 'square' | 'rect';

interface Scene {
  name: string;
  width: number;
  height: number;
  paper: [number, number, number];
  /** load < 1: an under-inked stamp, its coverage scaled down and patchy in large blotches. */
  stamp?: { shape: StampShape; ink: Absorption; cx: number; cy: number; size: number; angle: number; load?: number };
  signature?: { ink: Absorption; x: number; y: number; length: number; stroke: number; seed: number };
  hasPrint?: boolean;
  /** Printed ruled lines (not ink to keep), this many per picture height. */
  ruledLines?: number;
  /** Quarter turns clockwise of the finished picture and its alpha (a photo taken sideways). */
  quarterTurns?: number;
  /** The sheet's corners as shares of the picture, when a desk shows around it. */
  desk?: { kind: 'wood' | 'dark'; corners: [number, number][] };
  light: { from: number; to: number; angle: number };
  shadow?: { depth: number; x0: number; x1: number; softness: number };
  noise: number;
  blur: number;
  quality: number;
}

const scenes: Scene[] = [
  { name: 'h00-oval-red-photo', width: 1100, height: 820, paper: [236, 232, 222], stamp: { shape: 'oval', ink: inks.red, cx: 0.5, cy: 0.5, size: 0.36, angle: -8 }, light: { from: 0.8, to: 1, angle: 30 }, noise: 5, blur: 0.8, quality: 78 },
  { name: 'h01-triangle-green-scan', width: 900, height: 860, paper: [245, 245, 242], stamp: { shape: 'triangle', ink: inks.green, cx: 0.5, cy: 0.52, size: 0.36, angle: 0 }, light: { from: 1, to: 1, angle: 0 }, noise: 2, blur: 0.5, quality: 90 },
  { name: 'h02-square-violet-photo', width: 1000, height: 900, paper: [228, 226, 240], stamp: { shape: 'square', ink: inks.violet, cx: 0.48, cy: 0.5, size: 0.34, angle: 12 }, light: { from: 0.75, to: 1, angle: 120 }, noise: 5, blur: 0.9, quality: 75 },
  { name: 'h03-double-ring-blue-shadow', width: 1200, height: 900, paper: [238, 236, 230], stamp: { shape: 'double-ring', ink: inks.blue, cx: 0.5, cy: 0.5, size: 0.34, angle: 0 }, light: { from: 0.85, to: 1, angle: 200 }, shadow: { depth: 0.45, x0: 0.3, x1: 0.62, softness: 0.05 }, noise: 4, blur: 0.8, quality: 80 },
  { name: 'h04-double-ring-black-scan', width: 1000, height: 1000, paper: [246, 246, 246], stamp: { shape: 'double-ring', ink: inks.black, cx: 0.5, cy: 0.5, size: 0.36, angle: 0 }, light: { from: 1, to: 1, angle: 0 }, noise: 2, blur: 0.5, quality: 88 },
  { name: 'h05-round-faint-photo', width: 1000, height: 800, paper: [240, 238, 232], stamp: { shape: 'double-ring', ink: inks.paleBlue, cx: 0.5, cy: 0.5, size: 0.32, angle: 0 }, light: { from: 0.85, to: 1, angle: 60 }, noise: 3, blur: 0.7, quality: 82 },
  { name: 'h06-signature-black-printed', width: 1150, height: 1000, paper: [244, 243, 238], signature: { ink: inks.black, x: 0.15, y: 0.5, length: 0.65, stroke: 8, seed: 3 }, hasPrint: true, light: { from: 0.9, to: 1, angle: 10 }, noise: 3, blur: 0.6, quality: 85 },
  { name: 'h07-signature-black-thin-printed', width: 1150, height: 1000, paper: [240, 240, 236], signature: { ink: inks.black, x: 0.2, y: 0.45, length: 0.6, stroke: 5, seed: 7 }, hasPrint: true, light: { from: 0.85, to: 1, angle: 160 }, noise: 4, blur: 0.7, quality: 80 },
  { name: 'h08-sheet-on-wood-desk', width: 1300, height: 1000, paper: [240, 238, 232], stamp: { shape: 'double-ring', ink: inks.blue, cx: 0.5, cy: 0.48, size: 0.26, angle: 0 }, signature: { ink: inks.black, x: 0.3, y: 0.55, length: 0.4, stroke: 7, seed: 11 }, desk: { kind: 'wood', corners: [[0.14, 0.08], [0.86, 0.1], [0.84, 0.93], [0.12, 0.9]] }, light: { from: 0.8, to: 1, angle: 45 }, noise: 5, blur: 0.8, quality: 78 },
  { name: 'h09-sheet-on-dark-desk-shadow', width: 1200, height: 1000, paper: [236, 234, 226], stamp: { shape: 'oval', ink: inks.red, cx: 0.5, cy: 0.5, size: 0.3, angle: 5 }, desk: { kind: 'dark', corners: [[0.1, 0.12], [0.9, 0.06], [0.93, 0.9], [0.08, 0.95]] }, light: { from: 0.8, to: 1, angle: 300 }, shadow: { depth: 0.35, x0: 0.55, x1: 1.2, softness: 0.08 }, noise: 5, blur: 0.8, quality: 78 },
  { name: 'h10-triangle-green-signature-shadow', width: 1100, height: 900, paper: [238, 238, 232], stamp: { shape: 'triangle', ink: inks.green, cx: 0.45, cy: 0.5, size: 0.32, angle: -5 }, signature: { ink: inks.blue, x: 0.25, y: 0.55, length: 0.55, stroke: 7, seed: 5 }, light: { from: 0.8, to: 1, angle: 90 }, shadow: { depth: 0.5, x0: -0.2, x1: 0.4, softness: 0.03 }, noise: 4, blur: 0.8, quality: 80 },
  { name: 'h11-rect-violet-printed', width: 1000, height: 900, paper: [242, 240, 232], stamp: { shape: 'rect', ink: inks.violet, cx: 0.52, cy: 0.5, size: 0.5, angle: -6 }, hasPrint: true, light: { from: 0.9, to: 1, angle: 0 }, noise: 3, blur: 0.6, quality: 85 },
  { name: 'h12-double-ring-blue-tungsten', width: 1100, height: 900, paper: [250, 196, 120], stamp: { shape: 'double-ring', ink: inks.blue, cx: 0.5, cy: 0.5, size: 0.33, angle: 0 }, light: { from: 0.8, to: 1, angle: 250 }, noise: 5, blur: 0.8, quality: 78 },
  { name: 'h13-rect-red-jpeg-defocus', width: 1000, height: 800, paper: [238, 236, 228], stamp: { shape: 'rect', ink: inks.red, cx: 0.5, cy: 0.5, size: 0.52, angle: 4 }, light: { from: 0.85, to: 1, angle: 20 }, noise: 5, blur: 1.8, quality: 35 },
  { name: 'h14-double-ring-violet-under-inked', width: 1000, height: 900, paper: [240, 238, 232], stamp: { shape: 'double-ring', ink: inks.violet, cx: 0.5, cy: 0.5, size: 0.34, angle: 0, load: 0.45 }, light: { from: 0.85, to: 1, angle: 140 }, noise: 4, blur: 0.8, quality: 80 },
  { name: 'h15-square-red-pale-green-form', width: 1000, height: 950, paper: [212, 234, 210], stamp: { shape: 'square', ink: inks.red, cx: 0.5, cy: 0.5, size: 0.3, angle: -10 }, light: { from: 0.9, to: 1, angle: 70 }, noise: 3, blur: 0.6, quality: 85 },
  { name: 'h16-oval-blue-pale-blue-form', width: 1100, height: 850, paper: [214, 228, 246], stamp: { shape: 'oval', ink: inks.blue, cx: 0.5, cy: 0.5, size: 0.3, angle: 6 }, light: { from: 0.85, to: 1, angle: 200 }, noise: 4, blur: 0.7, quality: 82 },
  { name: 'h17-signature-ballpoint-ruled', width: 1100, height: 800, paper: [244, 243, 236], signature: { ink: inks.ballpoint, x: 0.18, y: 0.5, length: 0.6, stroke: 4, seed: 13 }, ruledLines: 22, light: { from: 0.85, to: 1, angle: 30 }, noise: 4, blur: 0.7, quality: 82 },
  { name: 'h18-rect-blue-printed-turned', width: 1100, height: 850, paper: [242, 241, 236], stamp: { shape: 'rect', ink: inks.blue, cx: 0.5, cy: 0.5, size: 0.45, angle: 3 }, hasPrint: true, quarterTurns: 1, light: { from: 0.88, to: 1, angle: 100 }, noise: 3, blur: 0.6, quality: 84 },
  { name: 'h19-small-round-large-photo', width: 2000, height: 1500, paper: [236, 234, 226], stamp: { shape: 'double-ring', ink: inks.blue, cx: 0.62, cy: 0.4, size: 0.105, angle: 0 }, light: { from: 0.75, to: 1, angle: 330 }, noise: 5, blur: 0.9, quality: 78 },
  { name: 'h20-black-stamp-blue-signature', width: 1200, height: 950, paper: [240, 239, 234], stamp: { shape: 'double-ring', ink: inks.black, cx: 0.42, cy: 0.48, size: 0.3, angle: 0 }, signature: { ink: inks.ballpoint, x: 0.3, y: 0.58, length: 0.5, stroke: 5, seed: 17 }, light: { from: 0.82, to: 1, angle: 210 }, noise: 4, blur: 0.7, quality: 80 },
  { name: 'h21-rect-blue-printed-tungsten', width: 1100, height: 900, paper: [250, 190, 110], stamp: { shape: 'rect', ink: inks.blue, cx: 0.5, cy: 0.5, size: 0.45, angle: -4 }, hasPrint: true, light: { from: 0.8, to: 1, angle: 30 }, noise: 5, blur: 0.8, quality: 70 },
];

export const heldOutNames = scenes.map((scene) => scene.name);

/** Writes the scenes (all, or those named) into `directory` as NAME.jpg + NAME.alpha.png; returns their names. */
export async function generateHeldOutSet(directory: string, names: string[] = heldOutNames): Promise<string[]> {
  await fs.mkdir(directory, { recursive: true });
  const chosen = scenes.filter((scene) => names.includes(scene.name));
  for (const scene of chosen) await renderScene(scene, directory);
  return chosen.map((scene) => scene.name);
}

async function renderScene(scene: Scene, directory: string): Promise<void> {
  const { width, height } = scene;
  const count = width * height;
  const random = seededRandom(scene.name.length * 7919 + width);
  const stampCoverage = scene.stamp ? await rasterise(stampSvg(scene.stamp, width, height), width, height) : undefined;
  if (stampCoverage) texture(stampCoverage, width, height, random, 6, 0.6, 0.35);
  if (stampCoverage && scene.stamp?.load !== undefined) texture(stampCoverage, width, height, random, 40, 0.35 * scene.stamp.load, 1.3 * scene.stamp.load);
  const signatureCoverage = scene.signature ? await rasterise(signatureSvg(scene.signature, width, height), width, height) : undefined;
  const printCoverage = scene.hasPrint ? await rasterise(printSvg(width, height, random), width, height) : undefined;
  const rulingCoverage = scene.ruledLines ? await rasterise(ruledSvg(scene.ruledLines, width, height), width, height) : undefined;
  const sheet = scene.desk ? await rasterise(sheetSvg(scene.desk.corners, width, height), width, height) : undefined;

  const transmitted = new Float64Array(count * 3).fill(1);
  if (printCoverage) layInk(transmitted, printCoverage, inks.print, sheet);
  if (rulingCoverage) layInk(transmitted, rulingCoverage, inks.ruling, sheet);
  if (stampCoverage && scene.stamp) layInk(transmitted, stampCoverage, scene.stamp.ink, sheet);
  if (signatureCoverage && scene.signature) layInk(transmitted, signatureCoverage, scene.signature.ink, sheet);

  const rgb = Buffer.alloc(count * 3);
  const truth = Buffer.alloc(count);
  const angle = (scene.light.angle * Math.PI) / 180;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const along = ((x / width - 0.5) * Math.cos(angle) + (y / height - 0.5) * Math.sin(angle)) / 1.42 + 0.5;
      let light = scene.light.from + (scene.light.to - scene.light.from) * along;
      if (scene.shadow) {
        const { depth, x0, x1, softness } = scene.shadow;
        const u = x / width + 0.15 * (y / height);
        const inside = smoothstep(x0 - softness, x0 + softness, u) * (1 - smoothstep(x1 - softness, x1 + softness, u));
        light *= 1 - depth * inside;
      }
      const onSheet = sheet ? sheet[index]! : 1;
      const stamp = (stampCoverage?.[index] ?? 0) * onSheet;
      const signature = (signatureCoverage?.[index] ?? 0) * onSheet;
      // An under-inked stamp is still the stamp: its truth is the coverage a full pad would have left.
      truth[index] = Math.round(255 * Math.min(1, Math.max(stamp / (scene.stamp?.load ?? 1), signature)));
      const deskColour = scene.desk ? deskAt(scene.desk.kind, x, y, random) : scene.paper;
      for (let channel = 0; channel < 3; channel += 1) {
        const surface = onSheet * scene.paper[channel]! * transmitted[index * 3 + channel]! + (1 - onSheet) * deskColour[channel]!;
        rgb[index * 3 + channel] = clampByte(surface * light + gaussian(random) * scene.noise);
      }
    }
  }
  const turn = 90 * (scene.quarterTurns ?? 0);
  const picture = sharp(rgb, { raw: { width, height, channels: 3 } }).rotate(turn);
  const blurred = scene.blur >= 0.3 ? picture.blur(scene.blur) : picture;
  await blurred.jpeg({ quality: scene.quality, chromaSubsampling: '4:2:0' }).toFile(path.join(directory, `${scene.name}.jpg`));
  await sharp(truth, { raw: { width, height, channels: 1 } }).rotate(turn).png().toFile(path.join(directory, `${scene.name}.alpha.png`));
}

function stampSvg(stamp: NonNullable<Scene['stamp']>, width: number, height: number): string {
  const size = stamp.size * Math.min(width, height);
  const cx = stamp.cx * width;
  const cy = stamp.cy * height;
  const line = Math.max(4, size * 0.035);
  const text = (content: string, x: number, y: number, fontSize: number) =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize}" text-anchor="middle" fill="white">${content}</text>`;
  let body = '';
  switch (stamp.shape) {
    case 'double-ring':
      body = `<circle cx="0" cy="0" r="${size}" stroke="white" stroke-width="${line}" fill="none"/><circle cx="0" cy="0" r="${size * 0.62}" stroke="white" stroke-width="${line * 0.7}" fill="none"/>
        <path id="arc" d="M ${-size * 0.8} 0 A ${size * 0.8} ${size * 0.8} 0 0 1 ${size * 0.8} 0" fill="none"/>
        <text font-family="DejaVu Sans" font-weight="bold" font-size="${size * 0.16}" fill="white"><textPath xlink:href="#arc" startOffset="50%" text-anchor="middle">REGIONAL OFFICE</textPath></text>
        ${text('DGFT', 0, size * 0.08, size * 0.2)}${text('CHENNAI', 0, size * 0.88, size * 0.13)}`;
      break;
    case 'oval':
      body = `<ellipse cx="0" cy="0" rx="${size * 1.3}" ry="${size * 0.85}" stroke="white" stroke-width="${line}" fill="none"/><ellipse cx="0" cy="0" rx="${size * 1.12}" ry="${size * 0.68}" stroke="white" stroke-width="${line * 0.5}" fill="none"/>
        ${text('EXPORT PROMOTION', 0, -size * 0.22, size * 0.16)}${text('COUNCIL', 0, size * 0.06, size * 0.2)}${text('NEW DELHI', 0, size * 0.34, size * 0.14)}`;
      break;
    case 'triangle':
      body = `<polygon points="0,${-size} ${size * 0.95},${size * 0.65} ${-size * 0.95},${size * 0.65}" stroke="white" stroke-width="${line}" fill="none" stroke-linejoin="round"/>
        ${text('APPROVED', 0, size * 0.25, size * 0.2)}${text('CoO', 0, size * 0.5, size * 0.16)}`;
      break;
    case 'square':
      body = `<rect x="${-size}" y="${-size}" width="${size * 2}" height="${size * 2}" stroke="white" stroke-width="${line}" fill="none"/><rect x="${-size * 0.86}" y="${-size * 0.86}" width="${size * 1.72}" height="${size * 1.72}" stroke="white" stroke-width="${line * 0.5}" fill="none"/>
        ${text('CERTIFIED', 0, -size * 0.3, size * 0.22)}${text('TRUE COPY', 0, size * 0.05, size * 0.2)}${text('Date: 14/02/2025', 0, size * 0.45, size * 0.15)}`;
      break;
    case 'rect':
      body = `<rect x="${-size}" y="${-size * 0.42}" width="${size * 2}" height="${size * 0.84}" stroke="white" stroke-width="${line * 0.8}" fill="none"/>
        ${text('TEXTILES COMMITTEE', 0, -size * 0.12, size * 0.14)}${text('For MUMBAI', 0, size * 0.1, size * 0.11)}${text('Issuing Officer', 0, size * 0.3, size * 0.1)}`;
      break;
  }
  return svgDocument(width, height, `<g transform="translate(${cx} ${cy}) rotate(${stamp.angle})">${body}</g>`);
}

/** A fast up-and-down scrawl with a long underline, like the dev set's signatures. */
function signatureSvg(signature: NonNullable<Scene['signature']>, width: number, height: number): string {
  const random = seededRandom(signature.seed);
  const start = signature.x * width;
  const length = signature.length * width;
  const base = signature.y * height;
  const points: string[] = [`M ${start} ${base}`];
  const peaks = 9;
  for (let peak = 0; peak < peaks; peak += 1) {
    const x = start + ((peak + 0.5) / peaks) * length;
    const rise = (0.05 + 0.1 * random()) * height;
    points.push(`Q ${x - length / peaks / 2} ${base - rise * 1.6} ${x} ${base - rise * 0.2}`, `T ${x + length / peaks / 2} ${base + 0.03 * height * random()}`);
  }
  const underline = `M ${start - 0.02 * width} ${base + 0.06 * height} Q ${start + length / 2} ${base + 0.03 * height} ${start + length} ${base + 0.07 * height}`;
  const stroke = `stroke="white" stroke-width="${signature.stroke}" fill="none" stroke-linecap="round" stroke-linejoin="round"`;
  return svgDocument(width, height, `<path d="${points.join(' ')}" ${stroke}/><path d="${underline}" ${stroke}/>`);
}

function sheetSvg(corners: [number, number][], width: number, height: number): string {
  const points = corners.map(([x, y]) => `${x * width},${y * height}`).join(' ');
  return svgDocument(width, height, `<polygon points="${points}" fill="white"/>`);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
