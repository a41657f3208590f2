import { describe, expect, it } from 'vitest';
import { valueAtShare } from './value-at-share.ts';

/** A small deterministic generator, so a failure can be replayed. */
function randomValues(seed: number, count: number, distinct: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Float32Array.from({ length: count }, () => Math.floor(next() * distinct) / distinct - 0.3);
}

describe('valueAtShare', () => {
  it('gives what a sort puts at ⌊share × n⌋, on arrays of every small size, with and without repeated values', () => {
    for (const distinct of [2, 7, 1_000_000]) {
      for (let count = 1; count <= 200; count += 1) {
        const values = randomValues(count * 31 + distinct, count, distinct);
        const sorted = Float32Array.from(values).sort();
        for (const share of [0, 0.02, 0.25, 0.5, 0.95, 0.98, 0.999, 1]) {
          const expected = sorted[Math.min(count - 1, Math.floor(share * count))];
          expect(valueAtShare(Float32Array.from(values), share), `n ${count}, share ${share}, ${distinct} values`).toBe(expected);
        }
      }
    }
  });

  it('on a large array, already sorted, reversed, or all one value', () => {
    const ascending = Float64Array.from({ length: 50_001 }, (_, index) => index);
    expect(valueAtShare(Float64Array.from(ascending), 0.5)).toBe(25_000);
    expect(valueAtShare(Float64Array.from(ascending).reverse(), 0.5)).toBe(25_000);
    expect(valueAtShare(new Float64Array(10_000).fill(0.25), 0.98)).toBe(0.25);
  });

  it('answers NaN for no values', () => {
    expect(valueAtShare(new Float32Array(0), 0.5)).toBeNaN();
  });
});
