/**
 * Handwritten signatures for the random scenes: a pen path of letter-like loops and strokes, drawn with
 * the pen's own width and the way its ink lies. Widths vary along the path (pressure; a fountain nib
 * by direction), so the artwork is many short round-capped segments rather than one stroked path.
 *
 * - ballpoint: thin, pressure shows in the width, the ball skips and leaves fine grain;
 * - gel: even and dense;
 * - fountain: a broad nib, wide on down-strokes and thin across, ink pooling in places;
 * - felt: thick, even, soft-edged.
 */
import { inks, type Absorption } from './ink-on-paper.ts';
import type { Draw } from './seeded-random.ts';

export type Pen = 'ballpoint' | 'gel' | 'fountain' | 'felt';
export const pens: readonly Pen[] = ['ballpoint', 'gel', 'fountain', 'felt'];

export type PenInk = 'blue' | 'black' | 'red' | 'green' | 'blue-black' | 'royal-blue';

/** Pen inks, as absorption where fully covered; a ballpoint's paste is less opaque than a gel's. */
const penInks: Record<Pen, Partial<Record<PenInk, Absorption>>> = {
  ballpoint: { blue: inks.ballpoint, black: [0.72, 0.72, 0.68], red: [0.15, 0.72, 0.66] },
  gel: { black: [0.93, 0.93, 0.91], blue: [0.9, 0.76, 0.2], green: [0.86, 0.4, 0.72] },
  fountain: { 'blue-black': [0.85, 0.8, 0.55], 'royal-blue': [0.8, 0.58, 0.1], black: [0.88, 0.88, 0.85] },
  felt: { black: [0.9, 0.9, 0.88], blue: [0.88, 0.7, 0.22], red: [0.16, 0.84, 0.76], green: [0.84, 0.38, 0.74] },
};

export interface PenStyle {
  pen: Pen;
  ink: PenInk;
  absorption: Absorption;
  /** Nominal line width in pixels. */
  width: number;
  /** How much pressure changes the width, 0..1. */
  pressureSpread: number;
  /** Fine grain of the ink along the line: coverage base + spread × grain (see ink-on-paper texture). */
  grain: { cell: number; base: number; spread: number };
  /** Soft edge, as a blur sigma in pixels (felt tips bleed a little into the paper). */
  bleed: number;
}

/** Draws a pen; `scale` is pixels per "ordinary photo pixel" (a 900-pixel picture is 1). */
export function drawPenStyle(draw: Draw, pen: Pen, scale: number): PenStyle {
  const inkName = draw.pick(Object.keys(penInks[pen]) as PenInk[]);
  const absorption = penInks[pen][inkName]!;
  switch (pen) {
    case 'ballpoint':
      return { pen, ink: inkName, absorption, width: draw.between(1.3, 2.6) * scale, pressureSpread: draw.between(0.25, 0.5), grain: { cell: Math.max(1.5, 2 * scale), base: draw.between(0.35, 0.6), spread: 0.8 }, bleed: 0 };
    case 'gel':
      return { pen, ink: inkName, absorption, width: draw.between(2, 3.6) * scale, pressureSpread: draw.between(0.05, 0.15), grain: { cell: 6 * scale, base: 0.88, spread: 0.2 }, bleed: 0 };
    case 'fountain':
      return { pen, ink: inkName, absorption, width: draw.between(2.5, 5) * scale, pressureSpread: draw.between(0.1, 0.3), grain: { cell: 14 * scale, base: draw.between(0.65, 0.85), spread: 0.4 }, bleed: 0.3 * scale };
    case 'felt':
      return { pen, ink: inkName, absorption, width: draw.between(4, 8.5) * scale, pressureSpread: 0.05, grain: { cell: 8 * scale, base: 0.85, spread: 0.2 }, bleed: draw.between(0.5, 1.1) * scale };
  }
}

interface PenPoint {
  x: number;
  y: number;
  pressure: number;
}

/** Catmull–Rom through the control points, about one point per pixel of path. */
function smoothPath(controls: PenPoint[]): PenPoint[] {
  const path: PenPoint[] = [];
  for (let index = 0; index + 1 < controls.length; index += 1) {
    const p0 = controls[Math.max(0, index - 1)]!;
    const p1 = controls[index]!;
    const p2 = controls[index + 1]!;
    const p3 = controls[Math.min(controls.length - 1, index + 2)]!;
    const steps = Math.max(2, Math.ceil(Math.hypot(p2.x - p1.x, p2.y - p1.y)));
    for (let step = 0; step < steps; step += 1) {
      const t = step / steps;
      const spline = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t * t * t);
      path.push({ x: spline(p0.x, p1.x, p2.x, p3.x), y: spline(p0.y, p1.y, p2.y, p3.y), pressure: p1.pressure + (p2.pressure - p1.pressure) * t });
    }
  }
  path.push(controls[controls.length - 1]!);
  return path;
}

/**
 * The pen's strokes for a signature `length` pixels long whose letters stand `height` pixels high,
 * starting at (x, y) on the baseline: a capital, a run of small and tall letters (loops, ascenders,
 * descenders), pen lifts between some of them, and often an underline or a closing flourish.
 */
function signatureStrokes(draw: Draw, x: number, y: number, length: number, height: number): PenPoint[][] {
  const slant = draw.between(-0.1, 0.45);
  const letters = draw.integer(4, 11);
  const advance = length / (letters + 1);
  const strokes: PenPoint[][] = [];
  let controls: PenPoint[] = [];
  const pressure = () => draw.between(0.2, 1);
  const put = (px: number, py: number) => controls.push({ x: px + slant * (y - py), y: py, pressure: pressure() });
  // A capital: a tall loop.
  put(x, y);
  put(x + advance * 0.2, y - height * draw.between(0.9, 1.4));
  put(x + advance * 0.55, y - height * draw.between(0.6, 1.1));
  put(x + advance * 0.3, y + height * 0.05);
  put(x + advance * 0.9, y - height * 0.2);
  let at = x + advance;
  for (let letter = 0; letter < letters; letter += 1) {
    const kind = draw.weighted({ small: 4, tall: 2, descender: 1.5, loop: 2, flat: 1 });
    const rise = { small: 0.45, tall: 1.05, descender: 0.45, loop: 0.55, flat: 0.15 }[kind] * height * draw.between(0.75, 1.25);
    put(at + advance * 0.3, y - rise);
    if (kind === 'loop') put(at + advance * 0.05, y - rise * 0.6);
    if (kind === 'descender') put(at + advance * 0.5, y + height * draw.between(0.35, 0.7));
    put(at + advance * draw.between(0.55, 0.85), y + height * draw.between(-0.05, 0.06));
    at += advance * draw.between(0.8, 1.2);
    if (draw.chance(0.12) && letter + 1 < letters) {
      strokes.push(controls);
      controls = [];
      put(at, y);
    }
  }
  strokes.push(controls);
  if (draw.chance(0.6)) {
    const below = y + height * draw.between(0.25, 0.55);
    const underline: PenPoint[] = [];
    const from = x - advance * draw.between(0, 0.5);
    const to = at + advance * draw.between(-0.5, 0.6);
    for (let step = 0; step <= 4; step += 1) underline.push({ x: from + ((to - from) * step) / 4, y: below + height * draw.between(-0.08, 0.08) - step * height * draw.between(0, 0.06), pressure: 0.9 - 0.15 * step });
    strokes.push(underline);
  } else if (draw.chance(0.6)) {
    strokes[strokes.length - 1]!.push({ x: at + advance * 0.6, y: y - height * 0.6, pressure: 0.5 }, { x: at - advance * 0.4, y: y + height * 0.3, pressure: 0.3 });
  }
  return strokes.map(smoothPath);
}

/** White round-capped segments, one per step of the path, each as wide as the pen is there. */
export function signatureBody(draw: Draw, style: PenStyle, x: number, y: number, length: number, height: number): string {
  const nibAngle = draw.between(0.5, 0.9);
  const segments: string[] = [];
  for (const stroke of signatureStrokes(draw, x, y, length, height)) {
    for (let index = 1; index < stroke.length; index += 1) {
      const from = stroke[index - 1]!;
      const to = stroke[index]!;
      const taper = Math.min(1, (index / stroke.length) * 12, ((stroke.length - index) / stroke.length) * 12);
      let width = style.width * (1 + style.pressureSpread * (from.pressure - 0.6)) * (0.55 + 0.45 * taper);
      if (style.pen === 'fountain') width *= 0.3 + 0.9 * Math.abs(Math.sin(Math.atan2(to.y - from.y, to.x - from.x) - nibAngle));
      segments.push(`<line x1="${from.x.toFixed(2)}" y1="${from.y.toFixed(2)}" x2="${to.x.toFixed(2)}" y2="${to.y.toFixed(2)}" stroke-width="${Math.max(0.8, width).toFixed(2)}"/>`);
    }
  }
  return `<g stroke="white" stroke-linecap="round" fill="none">${segments.join('')}</g>`;
}
