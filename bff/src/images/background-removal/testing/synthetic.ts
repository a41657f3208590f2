/**
 * Small pictures drawn in code for the tests of each background-removal stage: paper under light and
 * shadow, inks of known absorption, printed glyphs, ruled lines, a sheet lying on a desk. Ink is laid
 * down the way bench/scenes/ink-on-paper.ts lays it for the bench's pictures, with its inks (`inks`):
 * each layer multiplies the light by 1 − coverage × absorption per channel. Because the true paper is
 * known here, a test can also hand a later stage the exact paper and test that stage alone.
 */
import type { Absorption } from '../../../../bench/scenes/ink-on-paper.ts';
import { measureInk, type InkMeasure } from '../ink-measure.ts';
import { strengthFromDarkness, type InkScale } from '../ink-strength.ts';
import { measureScaleOfEachInk } from '../ink-solids.ts';
import type { Mask } from '../masks.ts';
import type { PaperEstimate } from '../paper-estimate.ts';
import { createPlane } from '../planes.ts';

export type Rgb = [number, number, number];

export interface Picture {
  width: number;
  height: number;
  rgb: Buffer;
}

export const papers = {
  office: [240, 237, 228],
  tungsten: [250, 190, 110],
} satisfies Record<string, Rgb>;

/** Coverage 0..1 at a pixel (x, y are the pixel's column and row). */
export type Shape = (x: number, y: number) => number;

/** Columns left..right − 1, rows top..bottom − 1. */
export const rectangle =
  (left: number, top: number, right: number, bottom: number): Shape =>
  (x, y) =>
    x >= left && x < right && y >= top && y < bottom ? 1 : 0;

/** Pixels whose centre lies within thickness / 2 of the circle: a stamp's ring. */
export const ring =
  (centreX: number, centreY: number, radius: number, thickness: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x + 0.5 - centreX, y + 0.5 - centreY) - radius) <= thickness / 2 ? 1 : 0;

/** Pixels whose centre is inside the polygon (corners in order, either way round). */
function polygon(corners: [number, number][]): Shape {
  return (x, y) => {
    const px = x + 0.5;
    const py = y + 0.5;
    let isInside = false;
    for (let i = 0, j = corners.length - 1; i < corners.length; j = i, i += 1) {
      const xi = corners[i]![0];
      const yi = corners[i]![1];
      const xj = corners[j]![0];
      const yj = corners[j]![1];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) isInside = !isInside;
    }
    return isInside ? 1 : 0;
  };
}

/** A width × height rectangle centred on (centreX, centreY), turned by `degrees` clockwise: a sheet not square to the camera. */
export function turnedRectangle(centreX: number, centreY: number, width: number, height: number, degrees: number): Shape {
  const angle = (degrees * Math.PI) / 180;
  const corners = ([[-1, -1], [1, -1], [1, 1], [-1, 1]] as const).map(([sx, sy]): [number, number] => {
    const [dx, dy] = [(sx * width) / 2, (sy * height) / 2];
    return [centreX + dx * Math.cos(angle) - dy * Math.sin(angle), centreY + dx * Math.sin(angle) + dy * Math.cos(angle)];
  });
  return polygon(corners);
}

/** Pixels whose centre lies within thickness / 2 of the polyline through `points`: a pen stroke. */
export function penStroke(points: [number, number][], thickness: number): Shape {
  const reach = thickness / 2;
  // Found once, segment by segment within each segment's box: the shape is asked about every pixel.
  const inked = new Set<string>();
  for (let index = 1; index < points.length; index += 1) {
    const [ax, ay] = points[index - 1]!;
    const [bx, by] = points[index]!;
    const lengthSquared = Math.max(1e-9, (bx - ax) ** 2 + (by - ay) ** 2);
    for (let y = Math.floor(Math.min(ay, by) - reach); y <= Math.ceil(Math.max(ay, by) + reach); y += 1) {
      for (let x = Math.floor(Math.min(ax, bx) - reach); x <= Math.ceil(Math.max(ax, bx) + reach); x += 1) {
        const [px, py] = [x + 0.5, y + 0.5];
        const along = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / lengthSquared));
        if (Math.hypot(px - ax - along * (bx - ax), py - ay - along * (by - ay)) <= reach) inked.add(`${x},${y}`);
      }
    }
  }
  return (x, y) => (inked.has(`${x},${y}`) ? 1 : 0);
}

/** Points along a wave from (left, middle) to (right, middle), `amplitude` px up and down every `period` px: a signature's flourish. */
export const wave = (left: number, right: number, middle: number, amplitude: number, period: number): [number, number][] =>
  Array.from({ length: Math.ceil((right - left) / 2) + 1 }, (_, index): [number, number] => {
    const x = Math.min(right, left + index * 2);
    return [x, middle + amplitude * Math.sin((2 * Math.PI * (x - left)) / period)];
  });

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.max(...shapes.map((shape) => shape(x, y)));

export const outside =
  (shape: Shape): Shape =>
  (x, y) =>
    1 - shape(x, y);

export const without =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    hole(x, y) > 0 ? 0 : shape(x, y);

/**
 * Lines of printed text: glyphs shaped like an "n" (two stems and a top bar, `stroke` px wide), in
 * words of five, `pitch` px from one line to the next. Thin strokes in a mostly empty box, as letters are.
 */
export function printedText(area: { left: number; top: number; right: number; bottom: number }, glyph: { height: number; width: number; stroke: number; pitch: number }): Shape {
  const advance = glyph.width + 2;
  const wordAdvance = 5 * advance + glyph.width;
  return (x, y) => {
    if (x < area.left || x >= area.right || y < area.top || y >= area.bottom) return 0;
    const lineY = (y - area.top) % glyph.pitch;
    if (lineY >= glyph.height) return 0;
    const wordX = (x - area.left) % wordAdvance;
    if (wordX >= 5 * advance) return 0;
    const glyphX = wordX % advance;
    if (glyphX >= glyph.width) return 0;
    const isStem = glyphX < glyph.stroke || glyphX >= glyph.width - glyph.stroke;
    return isStem || lineY < glyph.stroke ? 1 : 0;
  };
}

/** Horizontal rules `thickness` px thick starting at each of `rows` (at x = 0), rising `slope` px per px to the right. */
export const ruledRows =
  (rows: number[], thickness: number, slope = 0): Shape =>
  (x, y) =>
    rows.some((row) => {
      const offset = y - row - Math.round(x * slope);
      return offset >= 0 && offset < thickness;
    })
      ? 1
      : 0;

/** The same rules running down the columns. */
export const ruledColumns =
  (columns: number[], thickness: number): Shape =>
  (x, y) =>
    ruledRows(columns, thickness)(y, x);

/**
 * A printed tint as a dot screen: round dots of `radius` on a square lattice of `period` px turned by
 * `degrees`, their edges anti-aliased over a pixel as a printer's and a camera's would be.
 */
export const dotScreen =
  (period: number, degrees: number, radius: number): Shape =>
  (x, y) => {
    const [u, v] = turned(x + 0.5, y + 0.5, degrees, period);
    const distance = Math.hypot(u - Math.round(u), v - Math.round(v)) * period;
    return Math.min(1, Math.max(0, radius + 0.5 - distance));
  };

/** Fine parallel stripes `thickness` px wide, `period` px apart, running at `degrees` from the rows. */
export const stripes =
  (period: number, degrees: number, thickness: number): Shape =>
  (x, y) => {
    const [, across] = turned(x + 0.5, y + 0.5, degrees, period);
    const distance = Math.abs(across - Math.round(across)) * period;
    return Math.min(1, Math.max(0, thickness / 2 + 0.5 - distance));
  };

/** (x, y) in a frame turned by `degrees`, in units of `period`. */
function turned(x: number, y: number, degrees: number, period: number): [number, number] {
  const angle = (degrees * Math.PI) / 180;
  return [(x * Math.cos(angle) + y * Math.sin(angle)) / period, (-x * Math.sin(angle) + y * Math.cos(angle)) / period];
}

/** Rows `from`, `from + spacing`, … up to `count` of them. */
export const evenlySpaced = (from: number, spacing: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index * spacing);

/** Light falling on the picture, 1 = full light. */
export type Light = (x: number, y: number) => number;

const evenLight: Light = () => 1;

/** Light fading from `left` at the first column to `right` at column `width` − 1. */
export const sideLight =
  (left: number, right: number, width: number): Light =>
  (x) =>
    left + ((right - left) * x) / (width - 1);

/** A hard shadow: columns from `edge` on get `depth` less light. */
export const shadowFrom =
  (edge: number, depth: number): Light =>
  (x) =>
    x >= edge ? 1 - depth : 1;

export const darkDesk = (): Rgb => [46, 38, 34];

/** A wooden desk: grain `stripe` px wide, light and dark brown, running at `slope` across the picture. */
export const woodDesk =
  (light: Rgb, dark: Rgb, stripe: number, slope = 0.1): ((x: number, y: number) => Rgb) =>
  (x, y) =>
    Math.floor((y + x * slope) / stripe) % 2 === 0 ? light : dark;

export interface InkLayer {
  shape: Shape;
  ink: Absorption;
  /** Coverage scale: below 1, a dry pad or a pale stroke. */
  load?: number;
}

export interface Scene {
  width: number;
  height: number;
  paper: Rgb;
  inks?: InkLayer[];
  light?: Light;
  /** The sheet's outline, and the desk's colour outside it. */
  desk?: { sheet: Shape; colour: (x: number, y: number) => Rgb };
  /** Standard deviation of sensor noise, in levels; the same noise each run. */
  noise?: number;
}

/** The scene as an 8-bit RGB picture, as decodeImage hands it to the pipeline. */
export function paintScene(scene: Scene): Picture {
  const { width, height, paper } = scene;
  const light = scene.light ?? evenLight;
  const layers = scene.inks ?? [];
  const coverages = new Float32Array(layers.length);
  const random = seededRandom(width * 7919 + height);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const onSheet = scene.desk ? scene.desk.sheet(x, y) : 1;
      const deskColour = scene.desk && onSheet < 1 ? scene.desk.colour(x, y) : paper;
      const lit = light(x, y);
      for (let layer = 0; layer < layers.length; layer += 1) coverages[layer] = layers[layer]!.shape(x, y) * (layers[layer]!.load ?? 1);
      for (let channel = 0; channel < 3; channel += 1) {
        let transmitted = 1;
        for (let layer = 0; layer < layers.length; layer += 1) transmitted *= 1 - coverages[layer]! * layers[layer]!.ink[channel]!;
        const surface = onSheet * paper[channel]! * transmitted + (1 - onSheet) * deskColour[channel]!;
        const noise = scene.noise ? gaussian(random) * scene.noise : 0;
        rgb[(y * width + x) * 3 + channel] = Math.max(0, Math.min(255, Math.round(surface * lit + noise)));
      }
    }
  }
  return { width, height, rgb };
}

/**
 * The paper the scene really has under each pixel (its colour times the light), as estimatePaper
 * would ideally say. Its shrunk copy is that paper at factor 1: enough for the stages after the ink
 * measure, not for findSheet, which looks at the observed picture.
 */
export function truePaper(scene: Scene): PaperEstimate {
  const { width, height, paper } = scene;
  const light = scene.light ?? evenLight;
  const channels = paper.map((value) => {
    const plane = createPlane(width, height);
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) plane.values[y * width + x] = (value / 255) * light(x, y);
    return plane;
  });
  return { channels, shrunk: { factor: 1, observed: channels, paper: channels } };
}

/** The stages before printed text and ruled lines, as removeBackground runs them, on the given paper. */
export function measureStrength(picture: Picture, paper: PaperEstimate): { ink: InkMeasure; scale: InkScale; strength: Uint8Array } {
  const ink = measureInk(picture, paper);
  const scale = measureScaleOfEachInk(picture, ink, ink.darkness);
  return { ink, scale, strength: strengthFromDarkness(ink.darkness, scale) };
}

/** The shape as a mask: set where it covers at least half. */
export function maskOf(shape: Shape, width: number, height: number): Mask {
  return { width, height, bits: Uint8Array.from({ length: width * height }, (_, index) => (shape(index % width, Math.floor(index / width)) >= 0.5 ? 1 : 0)) };
}

/** Pixels where the shape covers at least half. */
export function pixelsOf(shape: Shape, width: number, height: number): number[] {
  const pixels: number[] = [];
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (shape(x, y) >= 0.5) pixels.push(y * width + x);
  return pixels;
}

/** Share of `pixels` whose value passes the test. */
export function shareOf(values: ArrayLike<number>, pixels: number[], isCounted: (value: number) => boolean): number {
  let counted = 0;
  for (const pixel of pixels) if (isCounted(values[pixel]!)) counted += 1;
  return counted / Math.max(1, pixels.length);
}

export function meanOf(values: ArrayLike<number>, pixels: number[]): number {
  let sum = 0;
  for (const pixel of pixels) sum += values[pixel]!;
  return sum / Math.max(1, pixels.length);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
}
