/** How a picture's darkness values read as ink: its noise floor and the darkness of solid ink. */
export interface InkScale {
  /** Darkness below this is paper texture, JPEG noise or shading left over: strength 0. */
  floor: number;
  /** Darkness of solid ink: strength 255 from here. */
  solid: number;
  /** Each pixel's own ink's solid, when the picture holds inks of different strength (ink-solids.ts). */
  solidPerPixel?: Float32Array;
  /**
   * Each pixel's own floor, at most `floor`: lower where a stamp or signature lies on clean paper than
   * where print or shading left the paper estimate off (region-floors.ts). Stages that judge the
   * picture as a whole (print, ruling, patterns) keep `floor`.
   */
  floorPerPixel?: Float32Array;
}

// Solid stamp-pad and pen inks (blue, violet, red, green, black) absorb about 0.85–0.95 of the light
// in their strongest channel. A picture whose darkest ink stays well below that holds faint ink
// (a dry pad, a light stamp), which is scaled up so it still reads as ink; never to a solid below
// faintestSolid nor closer to the noise than faintestSolidFloors floors, so that paper noise is not
// mistaken for ink. (A fixed 0.3 left a pale stamp on a clean sheet, 7–10 % absorption, at a third of
// full opacity: it was lost whole.)
export const darkestSolid = 0.92;
const faintestSolid = 0.1;
const faintestSolidFloors = 2.5;
/** Brighter-than-paper deviations are pure noise; the floor sits this many of their RMS above 0. */
export const floorInNoiseUnits = 3;
export const minimumFloor = 0.04;

export function measureInkScale(darkness: Float32Array): InkScale {
  let squares = 0;
  let below = 0;
  for (let index = 0; index < darkness.length; index += 1) {
    const value = darkness[index]!;
    if (value < 0) {
      squares += value * value;
      below += 1;
    }
  }
  const noise = below > 0 ? Math.sqrt(squares / below) : 0;
  const floor = Math.max(minimumFloor, floorInNoiseUnits * noise);
  return { floor, solid: Math.min(darkestSolid, Math.max(lowestSolid(floor), solidInkDarkness(darkness, 2 * floor))) };
}

/** The lowest solid faint ink is scaled to, over a noise floor: higher, and noise would read as ink. */
export function lowestSolid(floor: number): number {
  return Math.max(faintestSolid, faintestSolidFloors * floor);
}

/** The darkest share of the clearly inked pixels that reads as solid ink: a black speck smaller than this (a staple, a punched hole) does not set the solid. */
const solidShare = 0.02;
/** The second reading takes only pixels at least this share of the first one's darkness. */
const solidFromFirstReading = 0.5;

/**
 * The 98th percentile of darkness among clearly inked pixels, by histogram, read twice: the second
 * time only among pixels at least half as dark as the first reading. Read once over all pixels above
 * two floors, it fell as the floor fell: a camera's blurred print and the strokes' own soft edges are
 * thousands of pixels between two floors and half the ink's darkness, the percentile slid down among
 * them, and strokes came out wider than they are (a printed scan's solid 0.747 for its ink's 0.788).
 * The first reading may slide; half of it stays below the ink, so the second does not.
 */
function solidInkDarkness(darkness: Float32Array, inkedFrom: number): number {
  const bins = 512;
  const histogram = new Uint32Array(bins);
  for (let index = 0; index < darkness.length; index += 1) {
    const value = darkness[index]!;
    if (value > inkedFrom) histogram[Math.min(bins - 1, Math.floor(value * bins))]! += 1;
  }
  const firstBin = highestBinHolding(histogram, 0, solidShare);
  if (firstBin < 0) return darkestSolid;
  return (highestBinHolding(histogram, Math.floor(firstBin * solidFromFirstReading), solidShare) + 0.5) / bins;
}

/** The highest bin b such that bins b and up hold at least `share` of the counts from bin `lowest` up; -1 when those are empty. */
function highestBinHolding(histogram: Uint32Array, lowest: number, share: number): number {
  let total = 0;
  for (let bin = lowest; bin < histogram.length; bin += 1) total += histogram[bin]!;
  if (total === 0) return -1;
  let seen = 0;
  let bin = histogram.length - 1;
  // Ends at `lowest` at the latest: there every count from `lowest` up has been seen.
  for (; bin > lowest; bin -= 1) {
    seen += histogram[bin]!;
    if (seen >= total * share) break;
  }
  return bin;
}

/**
 * Strength 0..255 from darkness: proportional to darkness (coverage × absorption, so anti-aliased and
 * half-inked edges get a proportional alpha), faded smoothly to 0 from two floors (or from half a pale
 * ink's solid, see strengthBetween) down to one, so the noise stays transparent without a hard edge
 * that the sensitivity slider would expose.
 */
export function strengthFromDarkness(darkness: Float32Array, scale: InkScale): Uint8Array {
  const strength = new Uint8Array(darkness.length);
  const { floor, solid, solidPerPixel, floorPerPixel } = scale;
  for (let index = 0; index < darkness.length; index += 1) {
    const value = darkness[index]!;
    const ownFloor = floorPerPixel ? floorPerPixel[index]! : floor;
    // Most of a picture is paper: skip the blend there.
    if (value > ownFloor) strength[index] = strengthBetween(value, ownFloor, solidPerPixel ? solidPerPixel[index]! : solid);
  }
  return strength;
}

/** Strength of `darkness` at pixel `index`: with that pixel's own floor and ink's solid when the scale knows them. */
export function strengthAt(darkness: number, scale: InkScale, index: number): number {
  return strengthBetween(darkness, floorAt(scale, index), scale.solidPerPixel ? scale.solidPerPixel[index]! : scale.solid);
}

/** The noise floor at pixel `index`: its own where the scale has one per pixel. */
export function floorAt(scale: InkScale, index: number): number {
  return scale.floorPerPixel ? scale.floorPerPixel[index]! : scale.floor;
}

export function strengthOf(darkness: number, scale: InkScale): number {
  return strengthBetween(darkness, scale.floor, scale.solid);
}

/**
 * Strength fades in from the floor (smoothly, no step at it) and is the darkness's share of the solid
 * from two floors on, or from half the solid when that comes first: a pale ink's solid lies a few
 * floors up, and a pixel at half its darkness is a stroke's edge, which the fade, not its darkness,
 * then decided (at 1.5 floors it counted a quarter: pale stamps came out thin or empty). The fade is
 * never shorter than this share of a floor, which keeps it a ramp and not a step: a quarter, what the
 * lowest solid (2.5 floors, lowestSolid) gives against the picture's floor; an ink's own solid
 * (ink-solids.ts) is read against its pixels' mean floor, and one pixel's floor may lie higher. Every
 * caller of strengthAt follows the same rule: the pale ink's scale on print (printed-text.ts) and the
 * residue left under a rule (ruled-lines.ts) too.
 */
const shortestFade = 0.25;

function strengthBetween(darkness: number, floor: number, solid: number): number {
  if (darkness <= floor) return 0;
  const fadeEnd = Math.max((1 + shortestFade) * floor, Math.min(2 * floor, 0.5 * solid));
  const fade = Math.min(1, (darkness - floor) / (fadeEnd - floor));
  return Math.round(255 * Math.min(1, darkness / solid) * fade * fade * (3 - 2 * fade));
}
