import { describe, expect, it } from 'vitest';
import { applyInkSensitivity, inkAlphaTable } from './ink-alpha.js';

describe('inkAlphaTable', () => {
  it('is the identity at the automatic setting', () => {
    const table = inkAlphaTable(50);
    for (let strength = 0; strength < 256; strength += 1) expect(table[strength]).toBe(strength);
  });

  it('keeps paper transparent and solid ink opaque at every setting', () => {
    for (const sensitivity of [0, 10, 50, 90, 100]) {
      const table = inkAlphaTable(sensitivity);
      expect(table[0]).toBe(0);
      expect(table[255]).toBe(255);
    }
  });

  it('keeps fainter ink as sensitivity rises, and is monotone in strength', () => {
    expect(inkAlphaTable(80)[64]!).toBeGreaterThan(inkAlphaTable(50)[64]!);
    expect(inkAlphaTable(20)[64]!).toBeLessThan(inkAlphaTable(50)[64]!);
    const table = inkAlphaTable(73);
    for (let strength = 1; strength < 256; strength += 1) expect(table[strength]!).toBeGreaterThanOrEqual(table[strength - 1]!);
  });

  it('clamps settings outside 0..100', () => {
    expect(inkAlphaTable(250)).toEqual(inkAlphaTable(100));
    expect(inkAlphaTable(-3)).toEqual(inkAlphaTable(0));
  });

  it('maps a whole strength map through the table', () => {
    expect(Array.from(applyInkSensitivity(Uint8Array.from([0, 128, 255]), 100))).toEqual([0, Math.round(255 * (128 / 255) ** 0.25), 255]);
  });
});
