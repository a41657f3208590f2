/**
 * One sensitivity control, applied the same way in the browser's live preview and in the BFF when a
 * result is accepted: every background-removal result carries an ink-strength map (0..255), and the
 * alpha shown and stored is that strength through this curve.
 *
 * 50 is the automatic setting (alpha = strength). Higher keeps fainter ink, lower drops it. The curve
 * is a power law, so paper (strength 0) stays transparent and solid ink (255) stays opaque whatever
 * the setting: the control can thicken or thin strokes and bring back faint ink, never flood the paper.
 */
export const sensitivityRange = { min: 0, max: 100, automatic: 50 } as const;

export function inkAlphaTable(sensitivity: number): Uint8Array {
  const clamped = Math.min(sensitivityRange.max, Math.max(sensitivityRange.min, sensitivity));
  const exponent = 2 ** ((sensitivityRange.automatic - clamped) / 25);
  const table = new Uint8Array(256);
  for (let strength = 0; strength < 256; strength += 1) {
    table[strength] = Math.round(255 * (strength / 255) ** exponent);
  }
  return table;
}

/** Alpha for each pixel of a strength map at the given sensitivity. */
export function applyInkSensitivity(strength: Uint8Array, sensitivity: number): Uint8Array {
  const table = inkAlphaTable(sensitivity);
  const alpha = new Uint8Array(strength.length);
  for (let index = 0; index < strength.length; index += 1) alpha[index] = table[strength[index]!]!;
  return alpha;
}
