/**
 * A small seeded generator for the random scenes: the same seed always draws the same scenes, on any
 * machine, so a picture named in a bench report can be made again. mulberry32 (Tommy Ettinger's,
 * public domain): 32 bits of state, good enough spread for picking scene conditions, and two lines.
 */
export interface Draw {
  /** Uniform on [0, 1). */
  (): number;
  /** Uniform on [from, to). */
  between(from: number, to: number): number;
  /** An integer on [from, to], both ends included. */
  integer(from: number, to: number): number;
  /** True with this probability. */
  chance(probability: number): boolean;
  /** One of the choices, each equally likely. */
  pick<T>(choices: readonly T[]): T;
  /** One of the choices, each as likely as its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
  /** Standard normal (Box–Muller). */
  gaussian(): number;
  /** A new generator whose stream depends on this one's next number: a scene's pen need not shift its paper. */
  fork(): Draw;
}

export function seededDraw(seed: number): Draw {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const draw = next as Draw;
  draw.between = (from, to) => from + (to - from) * next();
  draw.integer = (from, to) => from + Math.floor(next() * (to - from + 1));
  draw.chance = (probability) => next() < probability;
  draw.pick = (choices) => choices[Math.floor(next() * choices.length)]!;
  draw.weighted = (weights) => {
    const entries = Object.entries(weights) as [keyof typeof weights, number][];
    let left = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [choice, weight] of entries) {
      left -= weight;
      if (left < 0) return choice;
    }
    return entries[entries.length - 1]![0];
  };
  // Box–Muller gives two independent values a time: the second is kept for the next call.
  let spare: number | undefined;
  draw.gaussian = () => {
    if (spare !== undefined) {
      const kept = spare;
      spare = undefined;
      return kept;
    }
    const radius = Math.sqrt(-2 * Math.log(Math.max(1e-9, next())));
    const turn = 2 * Math.PI * next();
    spare = radius * Math.sin(turn);
    return radius * Math.cos(turn);
  };
  draw.fork = () => seededDraw(Math.floor(next() * 2 ** 32));
  return draw;
}
