/**
 * Autocorrelation of a small square tile by FFT, for finding a periodic paper pattern (paper-pattern.ts).
 * A radix-2 transform written out here: the tiles are 128 × 128 and nothing else in the pipeline needs
 * a Fourier transform, so a dependency would be larger than the 40 lines it replaces.
 */

/** In place, on power-of-two lengths; `inverse` leaves the result unscaled. */
function fft(real: Float64Array, imaginary: Float64Array, inverse: boolean): void {
  const length = real.length;
  for (let index = 1, reversed = 0; index < length; index += 1) {
    let bit = length >> 1;
    for (; reversed & bit; bit >>= 1) reversed ^= bit;
    reversed ^= bit;
    if (index < reversed) {
      const swappedReal = real[index]!;
      real[index] = real[reversed]!;
      real[reversed] = swappedReal;
      const swappedImaginary = imaginary[index]!;
      imaginary[index] = imaginary[reversed]!;
      imaginary[reversed] = swappedImaginary;
    }
  }
  for (let span = 2; span <= length; span <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / span;
    const stepReal = Math.cos(angle);
    const stepImaginary = Math.sin(angle);
    for (let start = 0; start < length; start += span) {
      let twiddleReal = 1;
      let twiddleImaginary = 0;
      for (let offset = 0; offset < span / 2; offset += 1) {
        const even = start + offset;
        const odd = even + span / 2;
        const oddReal = real[odd]! * twiddleReal - imaginary[odd]! * twiddleImaginary;
        const oddImaginary = real[odd]! * twiddleImaginary + imaginary[odd]! * twiddleReal;
        real[odd] = real[even]! - oddReal;
        imaginary[odd] = imaginary[even]! - oddImaginary;
        real[even]! += oddReal;
        imaginary[even]! += oddImaginary;
        const nextReal = twiddleReal * stepReal - twiddleImaginary * stepImaginary;
        twiddleImaginary = twiddleReal * stepImaginary + twiddleImaginary * stepReal;
        twiddleReal = nextReal;
      }
    }
  }
}

function fft2(real: Float64Array, imaginary: Float64Array, size: number, inverse: boolean): void {
  const rowReal = new Float64Array(size);
  const rowImaginary = new Float64Array(size);
  for (const isColumn of [false, true]) {
    for (let line = 0; line < size; line += 1) {
      for (let step = 0; step < size; step += 1) {
        const index = isColumn ? step * size + line : line * size + step;
        rowReal[step] = real[index]!;
        rowImaginary[step] = imaginary[index]!;
      }
      fft(rowReal, rowImaginary, inverse);
      for (let step = 0; step < size; step += 1) {
        const index = isColumn ? step * size + line : line * size + step;
        real[index] = rowReal[step]!;
        imaginary[index] = rowImaginary[step]!;
      }
    }
  }
}

/**
 * Normalised autocorrelation of a `tileSize` square tile (values already centred on their mean) for
 * lags up to ±`reach` in each direction: each lag's sum is divided by the number of pixel pairs it
 * overlaps, then by the variance, so a perfectly periodic tile scores 1 at its period. The tile is
 * zero-padded to `paddedSize` (a power of two at least tileSize + reach) so lags do not wrap round.
 * Returned row by row, (2 reach + 1)², lag (0, 0) in the middle.
 */
export function autocorrelation(tile: Float64Array, tileSize: number, paddedSize: number, reach: number): Float64Array {
  const real = new Float64Array(paddedSize * paddedSize);
  const imaginary = new Float64Array(paddedSize * paddedSize);
  for (let y = 0; y < tileSize; y += 1) for (let x = 0; x < tileSize; x += 1) real[y * paddedSize + x] = tile[y * tileSize + x]!;
  fft2(real, imaginary, paddedSize, false);
  for (let index = 0; index < real.length; index += 1) {
    real[index] = real[index]! * real[index]! + imaginary[index]! * imaginary[index]!;
    imaginary[index] = 0;
  }
  fft2(real, imaginary, paddedSize, true);
  const side = 2 * reach + 1;
  const result = new Float64Array(side * side);
  const variance = real[0]! / (tileSize * tileSize);
  if (variance <= 0) return result;
  for (let dy = -reach; dy <= reach; dy += 1) {
    for (let dx = -reach; dx <= reach; dx += 1) {
      const wrapped = ((dy + paddedSize) % paddedSize) * paddedSize + ((dx + paddedSize) % paddedSize);
      const pairs = (tileSize - Math.abs(dx)) * (tileSize - Math.abs(dy));
      result[(dy + reach) * side + dx + reach] = real[wrapped]! / pairs / variance;
    }
  }
  return result;
}
