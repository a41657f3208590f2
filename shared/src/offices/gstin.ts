const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** State code (2 digits), PAN (5 letters, 4 digits, 1 letter), entity number, 'Z', check character. */
export const gstinPattern = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/**
 * The GSTIN check character (CBIC's mod-36 scheme): each of the first 14 characters is valued
 * 0–35, odd positions weighted 1 and even ones 2; each product adds its quotient and remainder by 36.
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    const product = alphabet.indexOf(first14[index] ?? '') * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return alphabet[(36 - (sum % 36)) % 36] ?? '';
}

export const hasValidGstinCheck = (gstin: string): boolean => gstinPattern.test(gstin) && gstinCheckCharacter(gstin.slice(0, 14)) === gstin[14];
