/**
 * Random stamp and signature scenes from a seed, for scoring background removal on pictures nobody
 * tuned it on (issue 15). Each scene's conditions are drawn from distributions: the stamp (round, double
 * ring, oval, rectangle or square, polygon, free text; ink colour, pale or dry, line weight), signatures
 * of four pens, the paper (white, grey, cream, tinted; ruled, finely striped, halftone, textured), print
 * under the ink, a desk around a sheet lying at an angle, light (gradients, shadows, colour casts) and
 * the camera (blur, noise, JPEG quality, a sideways turn). The name says what was drawn:
 * `r0042-octagon-red-pale+gel-black-tinted-blue-ruled-desk-dark-wood-tilt-shadow-phone-jpeg48`.
 *
 * Written like shared/bg-dev: NAME.jpg and NAME.alpha.png, 8-bit grey, 255 = ink. Only the stamp and
 * the signature are ink; print, ruling, stripes, halftone dots and the desk are not. The alpha is the
 * ink coverage actually laid down (where a dry pad missed, it is low too), drawn on the sheet, then
 * warped and turned exactly as the picture is. Defocus is the camera's, not the ink's, so the alpha
 * is not blurred, as in bg-dev and the held-out set: a blurred alpha would put a thin line's every
 * pixel below one half, where IoU counts it as no ink at all.
 *
 * Scene `index` of seed `seed` is the same picture whatever the count or the filter, so a name from a
 * bench report can be made again: `npx tsx bff/bench/scenes/cli.ts --seed S --where r0042 DIR`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { clampByte, deskAt, inks, layInk, printSvg, rasterise, ruledSvg, smoothstep, svgDocument, texture, type Absorption, type DeskKind } from './ink-on-paper.ts';
import { seededDraw, type Draw } from './seeded-random.ts';
import { drawPenStyle, pens, signatureBody, type PenStyle } from './signature-strokes.ts';
import { drawStampArtwork, stampBody, stampFamilyOf, stampReach, type StampFamily, type StampShape } from './stamp-artwork.ts';

type Rgb = [number, number, number];
type PaperTone = 'white' | 'grey' | 'cream' | 'tinted';
type PaperPattern = 'plain' | 'ruled' | 'striped' | 'halftone' | 'textured';
type StampInk = 'blue' | 'red' | 'green' | 'violet' | 'black';
type Cast = 'tungsten' | 'fluorescent' | 'cool' | 'warm';

/**
 * The kinds of condition the generator must produce, as the test counts them. Of seeds 1 to 200, all
 * but two show every one within their first 60 scenes (one lacks a polygon, one a felt pen); the
 * test holds its own seed to all of them.
 */
export const sceneFamilies = [
  ...(['round', 'double-ring', 'oval', 'rect', 'polygon', 'text'] satisfies StampFamily[]).map((family) => `stamp-${family}` as const),
  ...pens.map((pen) => `pen-${pen}` as const),
  'ink-pale', 'ink-dry', 'line-thin', 'line-bold',
  'paper-white', 'paper-grey', 'paper-cream', 'paper-tinted',
  'pattern-ruled', 'pattern-striped', 'pattern-halftone', 'pattern-textured',
  'print', 'desk', 'tilt', 'shadow', 'gradient', 'cast', 'blur', 'noise', 'jpeg-low', 'scan', 'phone',
] as const;
export type SceneFamily = (typeof sceneFamilies)[number];

interface StampPlan {
  shape: StampShape;
  ink: StampInk;
  absorption: Absorption;
  strength: 'full' | 'pale' | 'dry';
  /** Dry pads only: how much ink the pad still has, 0..1. */
  load: number;
  weight: 'thin' | 'normal' | 'bold';
  /** Radius as a share of the sheet's shorter side. */
  radius: number;
}

interface Shadow {
  kind: 'band' | 'blob';
  depth: number;
  /** band: direction of the edge and where the band lies across it; blob: centre and radii. */
  angle: number;
  from: number;
  to: number;
  softness: number;
  centre: [number, number];
  radii: [number, number];
}

interface ScenePlan {
  index: number;
  width: number;
  height: number;
  condition: 'scan' | 'phone';
  paper: { tone: PaperTone; tint?: string; colour: Rgb; pattern: PaperPattern };
  print?: { kind: 'text' | 'form'; absorption: Absorption };
  stamp?: StampPlan;
  pen?: PenStyle;
  desk?: DeskKind;
  /** The sheet's corners in the picture, clockwise from top left; none when it lies flat filling the picture. */
  corners?: [number, number][];
  isTilted: boolean;
  light: { from: number; angle: number; vignette: number; exposure: number; cast?: Cast; shadow?: Shadow };
  /** focus: defocus as drawn, for a 900-pixel picture; blur: the Gaussian sigma applied, in pixels. */
  camera: { focus: number; blur: number; noise: number; quality: number; quarterTurns: number };
  /** Where the scene's details (words, positions, textures) come from. */
  details: Draw;
}

const stampInks: Record<StampInk, Absorption> = { blue: inks.blue, red: inks.red, green: inks.green, violet: inks.violet, black: inks.black };
const tints: Record<string, Rgb> = { pink: [246, 214, 220], green: [212, 234, 210], blue: [214, 228, 246], yellow: [248, 238, 184], orange: [250, 222, 190] };
const casts: Record<Cast, Rgb> = { tungsten: [1, 0.82, 0.58], fluorescent: [0.93, 1, 0.9], cool: [0.88, 0.95, 1.04], warm: [1, 0.93, 0.82] };

/** Scene `index` of `seed`: its own stream, so scenes never shift each other. */
function sceneDraw(seed: number, index: number): Draw {
  return seededDraw((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

function jitter(draw: Draw, absorption: Absorption, spread: number): Absorption {
  return absorption.map((value) => Math.min(0.97, Math.max(0.03, value + draw.between(-spread, spread)))) as Absorption;
}

function drawPlan(seed: number, index: number, longSide: number): ScenePlan {
  const draw = sceneDraw(seed, index);
  const details = draw.fork();
  const condition = draw.chance(0.2) ? 'scan' : 'phone';
  const isPhone = condition === 'phone';
  const long = Math.round(longSide * draw.between(0.6, 1));
  const short = Math.round(long * draw.between(0.62, 0.95));
  const isLandscape = draw.chance(0.6);

  const tone = draw.weighted<PaperTone>({ white: 35, grey: 15, cream: 20, tinted: 30 });
  const tint = tone === 'tinted' ? draw.pick(Object.keys(tints)) : undefined;
  const base: Rgb = tone === 'white' ? [246, 246, 244] : tone === 'grey' ? ((shade) => [shade, shade, shade + 2] as Rgb)(draw.between(196, 226)) : tone === 'cream' ? [246, 238, 214] : tints[tint!]!;
  const colour = base.map((value) => Math.min(252, value + draw.between(-6, 4))) as Rgb;
  const pattern = draw.weighted<PaperPattern>({ plain: 35, ruled: 17, striped: 13, halftone: 13, textured: 22 });
  const print = draw.chance(0.35) ? { kind: draw.chance(0.6) ? ('text' as const) : ('form' as const), absorption: draw.pick<Absorption>([inks.print, [0.6, 0.6, 0.6], [0.7, 0.55, 0.25]]) } : undefined;

  const subject = draw.weighted({ stamp: 55, signature: 20, both: 25 });
  let stamp: StampPlan | undefined;
  if (subject !== 'signature') {
    const shape = draw.weighted<StampShape>({ round: 1, 'double-ring': 1, oval: 1, rect: 0.7, square: 0.3, triangle: 0.25, pentagon: 0.25, hexagon: 0.25, octagon: 0.25, text: 1 });
    const ink = draw.weighted<StampInk>({ blue: 3, violet: 2, red: 2, green: 1, black: 1.5 });
    const strength = draw.weighted({ full: 65, pale: 22, dry: 13 });
    const absorption = jitter(draw, stampInks[ink], 0.05).map((value) => (strength === 'pale' ? value * draw.between(0.28, 0.55) : value)) as Absorption;
    stamp = { shape, ink, absorption, strength, load: strength === 'dry' ? draw.between(0.35, 0.7) : 1, weight: draw.weighted({ thin: 2, normal: 6, bold: 2 }), radius: Math.exp(draw.between(Math.log(0.08), Math.log(0.34))) };
  }
  const width = isLandscape ? long : short;
  const height = isLandscape ? short : long;
  const pen = subject === 'stamp' ? undefined : drawPenStyle(draw, draw.pick(pens), Math.min(width, height) / 900);

  const desk = isPhone && draw.chance(0.45) ? draw.pick<DeskKind>(['wood', 'dark-wood', 'dark', 'grey', 'white']) : undefined;
  const { corners, isTilted } = drawSheet(draw, width, height, desk !== undefined, isPhone && draw.chance(0.3));

  const shadow: Shadow | undefined = isPhone && draw.chance(0.35)
    ? { kind: draw.chance(0.6) ? 'band' : 'blob', depth: draw.between(0.2, 0.6), angle: draw.between(0, Math.PI), from: draw.between(-0.6, 0.2), to: draw.between(0.05, 0.6), softness: draw.between(0.005, 0.08), centre: [draw.between(0.1, 0.9), draw.between(0.1, 0.9)], radii: [draw.between(0.15, 0.45), draw.between(0.15, 0.45)] }
    : undefined;
  const cast = isPhone && draw.chance(0.3) ? draw.pick<Cast>(['tungsten', 'fluorescent', 'cool', 'warm']) : undefined;
  const light = isPhone
    ? { from: draw.between(0.55, 1), angle: draw.between(0, 2 * Math.PI), vignette: draw.between(0, 0.25), exposure: draw.between(0.85, 1.08), cast, shadow }
    : { from: draw.between(0.95, 1), angle: draw.between(0, 2 * Math.PI), vignette: 0, exposure: draw.between(0.97, 1.03) };
  // Defocus is drawn for a 900-pixel picture and scales with the picture: the same lens, more pixels.
  const focus = isPhone ? (draw.chance(0.2) ? draw.between(1.3, 2.2) : draw.between(0.4, 1.1)) : draw.between(0.3, 0.6);
  const camera = isPhone
    ? { focus, blur: (focus * Math.min(width, height)) / 900, noise: draw.chance(0.2) ? draw.between(6, 10) : draw.between(2, 6), quality: Math.round(draw.chance(0.2) ? draw.between(35, 60) : draw.between(60, 92)), quarterTurns: draw.chance(0.08) ? draw.integer(1, 3) : 0 }
    : { focus, blur: (focus * Math.min(width, height)) / 900, noise: draw.between(1, 2.5), quality: Math.round(draw.between(82, 95)), quarterTurns: 0 };
  return { index, width, height, condition, paper: { tone, tint, colour, pattern }, print, stamp, pen, desk, corners, isTilted, light, camera, details };
}

/**
 * Where the sheet lies: on a desk, a smaller sheet turned and seen at an angle (the far edge shorter);
 * without one, flat and filling the picture, or (a phone held at an angle) a keystoned sheet whose
 * edges lie just outside the picture.
 */
function drawSheet(draw: Draw, width: number, height: number, hasDesk: boolean, isKeystoned: boolean): { corners?: [number, number][]; isTilted: boolean } {
  if (hasDesk) {
    const turn = (draw.between(-22, 22) * Math.PI) / 180;
    const keystone = draw.between(0, 0.22);
    let halfWidth = (width / 2) * draw.between(0.5, 0.85);
    let halfHeight = halfWidth / draw.between(0.72, 1.4);
    const centre = [width * draw.between(0.42, 0.58), height * draw.between(0.42, 0.58)];
    const place = () =>
      ([[-halfWidth * (1 - keystone), -halfHeight], [halfWidth * (1 - keystone), -halfHeight], [halfWidth, halfHeight], [-halfWidth, halfHeight]] as [number, number][]).map(
        ([x, y]) => [centre[0]! + x * Math.cos(turn) - y * Math.sin(turn), centre[1]! + x * Math.sin(turn) + y * Math.cos(turn)] as [number, number],
      );
    let corners = place();
    for (let attempt = 0; attempt < 30 && corners.some(([x, y]) => x < width * 0.02 || x > width * 0.98 || y < height * 0.02 || y > height * 0.98); attempt += 1) {
      halfWidth *= 0.93;
      halfHeight *= 0.93;
      corners = place();
    }
    return { corners, isTilted: Math.abs(turn) > (5 * Math.PI) / 180 || keystone > 0.06 };
  }
  if (!isKeystoned) return { isTilted: false };
  const out = () => draw.between(0.02, 0.1);
  const far = draw.between(0.06, 0.16);
  const corners: [number, number][] = [[-width * (out() + far), -height * out()], [width * (1 + out() + far), -height * out()], [width * (1 + out()), height * (1 + out())], [-width * out(), height * (1 + out())]];
  return { corners, isTilted: true };
}

/** The scene's name: its index and what was drawn, the words of the issue (see the file's header). */
function nameOf(plan: ScenePlan): string {
  const { stamp, pen, paper, light, camera } = plan;
  const words: string[] = [`r${String(plan.index).padStart(4, '0')}`];
  const subject: string[] = [];
  if (stamp) subject.push([stamp.shape, stamp.ink, stamp.strength === 'full' ? '' : stamp.strength, stamp.weight === 'normal' ? '' : stamp.weight].filter(Boolean).join('-'));
  if (pen) subject.push(`${pen.pen}-${pen.ink}`);
  words.push(subject.join('+'));
  words.push(paper.tone === 'tinted' ? `tinted-${paper.tint}` : paper.tone);
  if (paper.pattern !== 'plain') words.push(paper.pattern);
  if (plan.print) words.push(plan.print.kind === 'text' ? 'print' : 'form');
  if (plan.desk) words.push(`desk-${plan.desk}`);
  if (plan.isTilted) words.push('tilt');
  if (light.shadow) words.push(light.shadow.kind === 'band' ? 'shadow' : 'shadow-blob');
  if (light.from < 0.75) words.push('uneven');
  if (light.cast) words.push(light.cast);
  words.push(plan.condition);
  if (camera.focus > 1.25) words.push('blur');
  if (camera.noise > 6) words.push('noisy');
  if (camera.quality < 60) words.push(`jpeg${camera.quality}`);
  if (camera.quarterTurns) words.push('turned');
  return words.join('-');
}

function familiesOf(plan: ScenePlan): SceneFamily[] {
  const families: SceneFamily[] = [plan.condition, `paper-${plan.paper.tone}`];
  if (plan.stamp) {
    families.push(`stamp-${stampFamilyOf[plan.stamp.shape]}`);
    if (plan.stamp.strength !== 'full') families.push(`ink-${plan.stamp.strength}`);
    if (plan.stamp.weight !== 'normal') families.push(`line-${plan.stamp.weight}`);
  }
  if (plan.pen) families.push(`pen-${plan.pen.pen}`);
  if (plan.paper.pattern !== 'plain') families.push(`pattern-${plan.paper.pattern}`);
  if (plan.print) families.push('print');
  if (plan.desk) families.push('desk');
  if (plan.isTilted) families.push('tilt');
  if (plan.light.shadow) families.push('shadow');
  if (plan.light.from < 0.75) families.push('gradient');
  if (plan.light.cast) families.push('cast');
  if (plan.camera.focus > 1.25) families.push('blur');
  if (plan.camera.noise > 6) families.push('noise');
  if (plan.camera.quality < 60) families.push('jpeg-low');
  return families;
}

export interface RandomSceneOptions {
  seed: number;
  count: number;
  dir: string;
  /** The longest side a picture may have, in pixels; each scene draws 60-100 % of it. Default 1500. */
  longSide?: number;
  /** Only scenes whose name holds every one of these words (e.g. ['octagon', 'ruled', 'desk-dark-wood']). */
  where?: string[];
  /** Also return, per scene, which pixels hold ink and which hold only marks that are not ink (for tests). */
  withLayers?: boolean;
  /**
   * Also write NAME.under.png, 8-bit grey in the picture's geometry (turned as it is): what lies under
   * each pixel besides the ink, as loss-attribution.ts's underValues (0 paper, 1 print, ruling or a
   * paper pattern, 2 desk). The bench splits the loss by it.
   */
  writeUnder?: boolean;
}

export interface RandomScene {
  name: string;
  index: number;
  families: SceneFamily[];
  width: number;
  height: number;
  /** The Gaussian sigma the picture was blurred with, in pixels; 0 where it was not (sharp blurs from 0.3). */
  blur: number;
  /**
   * withLayers only, in the picture's geometry before blur and turn: the ink coverage laid (0..255),
   * and what else is there: 1 print, ruling or a paper pattern, 2 desk, 0 neither.
   */
  layers?: { ink: Uint8Array; notInk: Uint8Array };
}

/** What cli.ts writes beside the scenes it makes (as `sceneManifestFile`), for scoring them later. */
export interface SceneManifest {
  seed: number;
  scenes: Pick<RandomScene, 'name' | 'families' | 'blur'>[];
}
export const sceneManifestFile = 'scenes.json';

/** The scene's NAME.under.png (see writeUnder), from its name or its picture's file name. */
export function underFileOf(name: string): string {
  return `${name.replace(/\.(jpe?g|png|webp)$/i, '')}.under.png`;
}

/** How many scenes `where` may pass over while looking for matching ones. */
const candidateLimit = 200_000;

/** Whether the name holds the word (one of its hyphenated parts, or a run of them: `desk-dark-wood`). */
function hasWord(name: string, word: string): boolean {
  const parts = name.split(/[-+]/);
  const wanted = word.split('-');
  return parts.some((_, start) => wanted.every((part, offset) => parts[start + offset] === part));
}

/**
 * The scenes of `seed` in index order (only those whose name holds every word of `where`), without
 * drawing them: cheap, so a filter may pass over thousands to find a rare combination.
 */
export function planRandomScenes(seed: number, count: number, where: string[] = [], longSide = 1500): { name: string; index: number; families: SceneFamily[]; plan: ScenePlan }[] {
  const chosen: { name: string; index: number; families: SceneFamily[]; plan: ScenePlan }[] = [];
  for (let index = 0; chosen.length < count && index < candidateLimit; index += 1) {
    const plan = drawPlan(seed, index, longSide);
    const name = nameOf(plan);
    if (where.every((word) => hasWord(name, word))) chosen.push({ name, index, families: familiesOf(plan), plan });
  }
  return chosen;
}

/** Writes `count` scenes of `seed` into `dir` as NAME.jpg + NAME.alpha.png; returns what it wrote. */
export async function generateRandomScenes(options: RandomSceneOptions): Promise<RandomScene[]> {
  await fs.mkdir(options.dir, { recursive: true });
  const written: RandomScene[] = [];
  for (const { name, index, families, plan } of planRandomScenes(options.seed, options.count, options.where, options.longSide)) {
    const layers = await renderScene(plan, name, options.dir, options.withLayers ?? false, options.writeUnder ?? false);
    written.push({ name, index, families, width: plan.width, height: plan.height, blur: appliedBlur(plan.camera.blur), ...(layers ? { layers } : {}) });
  }
  return written;
}

/** Projective map of the unit square onto a quadrilateral (Heckbert), as a 3 × 3 row-major matrix. */
function squareToQuad(corners: [number, number][]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = corners as [[number, number], [number, number], [number, number], [number, number]];
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/**
 * A dry pad touches the paper in patches: nearly full ink where it does, a trace between. `load` is
 * about the share of the stamp that still gets ink; the patches are large blotches broken by speckle.
 */
function dryPad(coverage: Float32Array, width: number, height: number, draw: Draw, scale: number, load: number): void {
  const touch = new Float32Array(coverage.length).fill(1);
  texture(touch, width, height, draw, 40 * scale, 0, 1);
  texture(touch, width, height, draw, Math.max(2, 6 * scale), 0.55, 0.9);
  for (let index = 0; index < coverage.length; index += 1) coverage[index]! *= 0.12 + 0.85 * smoothstep(0.62 - 0.5 * load, 0.72 - 0.5 * load, touch[index]!);
}

/** Fine parallel lines (a security or ledger stripe), as coverage, `period` pixels apart. */
function stripeCoverage(draw: Draw, width: number, height: number, scale: number): Float32Array {
  const period = draw.between(3, 7) * scale;
  const half = Math.max(0.35, period * draw.between(0.12, 0.3)) / 2;
  const angle = draw.pick([0, Math.PI / 2, Math.PI / 4, -Math.PI / 4, draw.between(0, Math.PI)]);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const coverage = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const along = (x * cos + y * sin) / period;
      const distance = Math.abs(along - Math.round(along)) * period;
      coverage[y * width + x] = Math.min(1, Math.max(0, half + 0.5 - distance));
    }
  }
  return coverage;
}

/** A printed tint as a dot screen at an angle, its tone changing slowly across the sheet (a form's background). */
function halftoneCoverage(draw: Draw, width: number, height: number, scale: number): Float32Array {
  const period = draw.between(4, 9) * scale;
  const angle = draw.pick([Math.PI / 4, Math.PI / 12, 0]);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const tone = draw.between(0.08, 0.35);
  const wave = [draw.between(0.5, 3), draw.between(0.5, 3), draw.between(0, 2 * Math.PI)];
  const coverage = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const u = (x * cos + y * sin) / period;
      const v = (-x * sin + y * cos) / period;
      const distance = Math.hypot(u - Math.round(u), v - Math.round(v)) * period;
      const localTone = tone * (0.6 + 0.4 * Math.sin((wave[0]! * x) / width * Math.PI + (wave[1]! * y) / height * Math.PI + wave[2]!));
      const radius = Math.sqrt(localTone / Math.PI) * period;
      coverage[y * width + x] = Math.min(1, Math.max(0, radius + 0.5 - distance));
    }
  }
  return coverage;
}

/** Boxes of a printed form: a table of ruled cells with a few labels. */
function formSvg(draw: Draw, width: number, height: number): string {
  const columns = draw.integer(2, 4);
  const rows = draw.integer(4, 9);
  const left = width * draw.between(0.03, 0.08);
  const top = height * draw.between(0.05, 0.25);
  const cellWidth = (width - 2 * left) / columns;
  const cellHeight = (height * draw.between(0.5, 0.9) - top) / rows;
  const line = Math.max(1, height * draw.between(0.0012, 0.003));
  const parts: string[] = [];
  for (let row = 0; row <= rows; row += 1) parts.push(`<line x1="${left}" x2="${width - left}" y1="${top + row * cellHeight}" y2="${top + row * cellHeight}" stroke="white" stroke-width="${line}"/>`);
  for (let column = 0; column <= columns; column += 1) parts.push(`<line x1="${left + column * cellWidth}" x2="${left + column * cellWidth}" y1="${top}" y2="${top + rows * cellHeight}" stroke="white" stroke-width="${line}"/>`);
  const labels = ['Exporter', 'Consignee', 'Invoice No.', 'Marks', 'Description of goods', 'Gross weight', 'Country of origin', 'Date'];
  for (let row = 0; row < rows; row += 1) parts.push(`<text x="${left + 4}" y="${top + row * cellHeight + cellHeight * 0.4}" font-family="DejaVu Sans" font-size="${cellHeight * 0.25}" fill="white">${draw.pick(labels)}</text>`);
  return svgDocument(width, height, parts.join(''));
}

interface PlacedInk {
  coverage: Float32Array;
  absorption: Absorption;
}

/** Picks a centre on the sheet for something `reach` pixels round, visible in the picture. */
function placeOnSheet(draw: Draw, sheetWidth: number, sheetHeight: number, reach: number, isVisible: (x: number, y: number) => boolean): [number, number] {
  let best: [number, number] = [sheetWidth / 2, sheetHeight / 2];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const x = draw.between(Math.min(reach, sheetWidth / 2), Math.max(sheetWidth / 2, sheetWidth - reach));
    const y = draw.between(Math.min(reach, sheetHeight / 2), Math.max(sheetHeight / 2, sheetHeight - reach));
    best = [x, y];
    const corners: [number, number][] = [[x - reach, y - reach], [x + reach, y - reach], [x + reach, y + reach], [x - reach, y + reach]];
    if (corners.every(([cx, cy]) => isVisible(cx, cy))) return best;
  }
  return best;
}

async function renderScene(plan: ScenePlan, name: string, dir: string, withLayers: boolean, writeUnder: boolean): Promise<RandomScene['layers']> {
  const draw = plan.details;
  const { width, height } = plan;
  // The sheet in its own pixels; a homography puts it into the picture.
  const toPicture = plan.corners ? squareToQuad(plan.corners) : undefined;
  const sheetWidth = plan.corners ? Math.round((Math.hypot(plan.corners[1]![0] - plan.corners[0]![0], plan.corners[1]![1] - plan.corners[0]![1]) + Math.hypot(plan.corners[2]![0] - plan.corners[3]![0], plan.corners[2]![1] - plan.corners[3]![1])) / 2) : width;
  const sheetHeight = plan.corners ? Math.round((Math.hypot(plan.corners[3]![0] - plan.corners[0]![0], plan.corners[3]![1] - plan.corners[0]![1]) + Math.hypot(plan.corners[2]![0] - plan.corners[1]![0], plan.corners[2]![1] - plan.corners[1]![1])) / 2) : height;
  const sheetToPicture = (x: number, y: number): [number, number] => {
    if (!toPicture) return [x, y];
    const [u, v] = [x / sheetWidth, y / sheetHeight];
    const w = toPicture[6]! * u + toPicture[7]! * v + 1;
    return [(toPicture[0]! * u + toPicture[1]! * v + toPicture[2]!) / w, (toPicture[3]! * u + toPicture[4]! * v + toPicture[5]!) / w];
  };
  const isVisible = (x: number, y: number) => {
    const [px, py] = sheetToPicture(x, y);
    return px >= 2 && py >= 2 && px <= width - 2 && py <= height - 2;
  };
  const count = sheetWidth * sheetHeight;
  const scale = Math.min(width, height) / 900;
  const shorter = Math.min(sheetWidth, sheetHeight);

  // Paper: its colour, a fibre grain every paper has, and a stronger texture on textured stock.
  const fibre = new Float32Array(count).fill(1);
  const grain = plan.paper.pattern === 'textured' ? draw.between(0.05, 0.12) : draw.between(0.01, 0.025);
  texture(fibre, sheetWidth, sheetHeight, draw, Math.max(1.5, 2 * scale), 1 - grain, grain);
  if (plan.paper.pattern === 'textured') texture(fibre, sheetWidth, sheetHeight, draw, 24 * scale, 1 - grain, grain);

  const transmitted = new Float64Array(count * 3).fill(1);
  const notInk = withLayers || writeUnder ? new Float32Array(count) : undefined;
  const mark = (coverage: Float32Array, absorption: Absorption) => {
    layInk(transmitted, coverage, absorption);
    if (notInk) for (let index = 0; index < count; index += 1) notInk[index] = Math.max(notInk[index]!, coverage[index]!);
  };
  const patternInk = (strength: number) => jitter(draw, draw.pick<Absorption>([inks.ruling, [0.05, 0.3, 0.3], [0.3, 0.3, 0.3], [0.25, 0.05, 0.25], [0.3, 0.15, 0.02]]).map((value) => value * strength) as Absorption, 0.02);
  if (plan.paper.pattern === 'ruled') mark(await rasterise(ruledSvg(Math.max(4, Math.round(sheetHeight / (draw.between(22, 42) * scale))), sheetWidth, sheetHeight, Math.max(1, draw.between(1, 2.5) * scale)), sheetWidth, sheetHeight), patternInk(draw.between(0.7, 1.6)));
  if (plan.paper.pattern === 'striped') mark(stripeCoverage(draw, sheetWidth, sheetHeight, scale), patternInk(draw.between(0.4, 1.2)));
  if (plan.paper.pattern === 'halftone') mark(halftoneCoverage(draw, sheetWidth, sheetHeight, scale), patternInk(draw.between(0.8, 2.2)));
  if (plan.print) {
    const fontSize = Math.round(draw.between(14, 30) * scale);
    const svg = plan.print.kind === 'form' ? formSvg(draw, sheetWidth, sheetHeight) : printSvg(sheetWidth, sheetHeight, draw, { fontSize, characters: Math.round(sheetWidth / (fontSize * 0.55)), font: draw.pick(['DejaVu Serif', 'Liberation Serif', 'DejaVu Sans', 'Liberation Sans']), top: sheetHeight * draw.between(0.02, 0.4), bottom: sheetHeight * draw.between(0.6, 1) });
    mark(await rasterise(svg, sheetWidth, sheetHeight), plan.print.absorption);
  }

  // Ink: the stamp, then the signature, often across the stamp (an officer signing over it).
  const truth = new Float32Array(count);
  const placed: PlacedInk[] = [];
  let stampCentre: [number, number] | undefined;
  if (plan.stamp) {
    const artwork = drawStampArtwork(draw, plan.stamp.shape, plan.stamp.radius * shorter, plan.stamp.weight);
    stampCentre = placeOnSheet(draw, sheetWidth, sheetHeight, stampReach(artwork), isVisible);
    const coverage = await rasterise(svgDocument(sheetWidth, sheetHeight, stampBody(artwork, stampCentre[0], stampCentre[1])), sheetWidth, sheetHeight);
    texture(coverage, sheetWidth, sheetHeight, draw, Math.max(3, 6 * scale), 0.6, 0.35);
    if (plan.stamp.strength === 'dry') dryPad(coverage, sheetWidth, sheetHeight, draw, scale, plan.stamp.load);
    placed.push({ coverage, absorption: plan.stamp.absorption });
  }
  if (plan.pen) {
    const style = plan.pen;
    const length = sheetWidth * draw.between(0.3, 0.7);
    const letterHeight = Math.min(sheetHeight * 0.12, length * draw.between(0.08, 0.2));
    const reach = length / 2 + letterHeight * 1.5;
    const [cx, cy] = stampCentre && draw.chance(0.6) ? [stampCentre[0] + draw.between(-0.1, 0.1) * length, stampCentre[1] + draw.between(-0.3, 0.3) * letterHeight] : placeOnSheet(draw, sheetWidth, sheetHeight, reach, isVisible);
    const left = Math.min(Math.max(letterHeight, cx - length / 2), sheetWidth - length - letterHeight * 2);
    const baseline = Math.min(Math.max(letterHeight * 1.6, cy), sheetHeight - letterHeight * 1.2);
    const coverage = await rasterise(svgDocument(sheetWidth, sheetHeight, signatureBody(draw, style, left, baseline, length, letterHeight)), sheetWidth, sheetHeight, style.bleed);
    texture(coverage, sheetWidth, sheetHeight, draw, style.grain.cell, style.grain.base, style.grain.spread);
    placed.push({ coverage, absorption: style.absorption });
  }
  for (const ink of placed) {
    layInk(transmitted, ink.coverage, ink.absorption);
    for (let index = 0; index < count; index += 1) truth[index] = Math.max(truth[index]!, ink.coverage[index]!);
  }

  // What the sheet sends back under even white light, 0..255 per channel.
  const sheetRgb = new Float32Array(count * 3);
  for (let index = 0; index < count; index += 1) {
    for (let channel = 0; channel < 3; channel += 1) sheetRgb[index * 3 + channel] = plan.paper.colour[channel]! * fibre[index]! * transmitted[index * 3 + channel]!;
  }

  const pictureRgb = Buffer.alloc(width * height * 3);
  const pictureTruth = Buffer.alloc(width * height);
  const layers = withLayers || writeUnder ? { ink: new Uint8Array(width * height), notInk: new Uint8Array(width * height) } : undefined;
  const fromPicture = toPicture ? invert3(toPicture) : undefined;
  const { light, camera } = plan;
  const cast = light.cast ? casts[light.cast] : ([1, 1, 1] as Rgb);
  const shadowTint: Rgb = [1, 0.96, 0.88];
  const sample = new Float32Array(5);
  const [lightCos, lightSin] = [Math.cos(light.angle), Math.sin(light.angle)];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const pixel = y * width + x;
      // Where this pixel falls on the sheet, and how much of it the sheet covers (its edge anti-aliased).
      let onSheet = 1;
      if (fromPicture) {
        const w = fromPicture[6]! * (x + 0.5) + fromPicture[7]! * (y + 0.5) + fromPicture[8]!;
        const u = ((fromPicture[0]! * (x + 0.5) + fromPicture[1]! * (y + 0.5) + fromPicture[2]!) / w) * sheetWidth - 0.5;
        const v = ((fromPicture[3]! * (x + 0.5) + fromPicture[4]! * (y + 0.5) + fromPicture[5]!) / w) * sheetHeight - 0.5;
        onSheet = Math.min(1, Math.max(0, Math.min(u + 1, sheetWidth - u, v + 1, sheetHeight - v)));
        if (onSheet > 0) bilinear(sheetRgb, truth, notInk, sheetWidth, sheetHeight, u, v, sample);
      } else {
        for (let channel = 0; channel < 3; channel += 1) sample[channel] = sheetRgb[pixel * 3 + channel]!;
        sample[3] = truth[pixel]!;
        sample[4] = notInk?.[pixel] ?? 0;
      }
      const [across, down] = [x / width - 0.5, y / height - 0.5];
      const along = (across * lightCos + down * lightSin) / 1.42 + 0.5;
      const radialSquared = (across * across + down * down) / 0.5;
      const brightness = light.exposure * (light.from + (1 - light.from) * along) * (1 - light.vignette * radialSquared);
      const shade = light.shadow ? light.shadow.depth * shadowAt(light.shadow, x / width, y / height) : 0;
      const desk = onSheet < 1 ? deskAt(plan.desk ?? 'grey', x, y, draw) : undefined;
      for (let channel = 0; channel < 3; channel += 1) {
        const surface = onSheet * sample[channel]! + (desk ? (1 - onSheet) * desk[channel]! : 0);
        const lit = surface * brightness * cast[channel]! * (1 - shade * shadowTint[channel]!);
        pictureRgb[pixel * 3 + channel] = clampByte(lit + draw.gaussian() * camera.noise);
      }
      const ink = onSheet * sample[3]!;
      pictureTruth[pixel] = clampByte(255 * ink);
      if (layers) {
        layers.ink[pixel] = clampByte(255 * ink);
        layers.notInk[pixel] = onSheet < 0.5 ? 2 : sample[4]! > 0.2 ? 1 : 0;
      }
    }
  }

  const turn = 90 * camera.quarterTurns;
  const picture = sharp(pictureRgb, { raw: { width, height, channels: 3 } }).rotate(turn);
  await (appliedBlur(camera.blur) > 0 ? picture.blur(camera.blur) : picture)
    .jpeg({ quality: camera.quality, chromaSubsampling: '4:2:0' })
    .toFile(path.join(dir, `${name}.jpg`));
  await sharp(pictureTruth, { raw: { width, height, channels: 1 } })
    .rotate(turn)
    .toColourspace('b-w')
    .png()
    .toFile(path.join(dir, `${name}.alpha.png`));
  if (writeUnder) await sharp(layers!.notInk, { raw: { width, height, channels: 1 } }).rotate(turn).toColourspace('b-w').png().toFile(path.join(dir, underFileOf(name)));
  return withLayers ? layers : undefined;
}

/** The camera's blur as applied: sharp blurs only from a sigma of 0.3 px, so less is none. */
function appliedBlur(sigma: number): number {
  return sigma >= 0.3 ? sigma : 0;
}

/** Bilinear sample of the sheet at (u, v): three colour channels, then ink, then the not-ink marks. */
function bilinear(rgb: Float32Array, truth: Float32Array, notInk: Float32Array | undefined, width: number, height: number, u: number, v: number, into: Float32Array): void {
  const x0 = Math.min(width - 1, Math.max(0, Math.floor(u)));
  const y0 = Math.min(height - 1, Math.max(0, Math.floor(v)));
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, u - x0));
  const fy = Math.min(1, Math.max(0, v - y0));
  const weights = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
  const at = [y0 * width + x0, y0 * width + x1, y1 * width + x0, y1 * width + x1];
  into.fill(0);
  for (let corner = 0; corner < 4; corner += 1) {
    const weight = weights[corner]!;
    const index = at[corner]!;
    for (let channel = 0; channel < 3; channel += 1) into[channel]! += weight * rgb[index * 3 + channel]!;
    into[3]! += weight * truth[index]!;
    into[4]! += weight * (notInk?.[index] ?? 0);
  }
}

/** How deep in the shadow a point of the picture lies, 0..1 (coordinates as shares of the picture). */
function shadowAt(shadow: Shadow, x: number, y: number): number {
  if (shadow.kind === 'blob') {
    const distance = Math.hypot((x - shadow.centre[0]) / shadow.radii[0], (y - shadow.centre[1]) / shadow.radii[1]);
    return 1 - smoothstep(1 - shadow.softness * 6, 1 + shadow.softness * 6, distance);
  }
  const across = (x - 0.5) * Math.cos(shadow.angle) + (y - 0.5) * Math.sin(shadow.angle);
  const from = Math.min(shadow.from, shadow.to);
  const to = from + Math.abs(shadow.to - shadow.from) + 0.1;
  return smoothstep(from - shadow.softness, from + shadow.softness, across) * (1 - smoothstep(to - shadow.softness, to + shadow.softness, across));
}
