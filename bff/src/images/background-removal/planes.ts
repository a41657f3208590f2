/** One channel of a picture as floats, row by row: luminance, a paper channel, an ink measure. */
export interface Plane {
  width: number;
  height: number;
  values: Float32Array;
}

export function createPlane(width: number, height: number): Plane {
  return { width, height, values: new Float32Array(width * height) };
}

/** The three channels of an RGB picture on 0..1, shrunk by averaging factor × factor blocks. */
export function shrinkChannels(image: { width: number; height: number; rgb: Buffer }, factor: number): Plane[] {
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const sums = [0, 1, 2].map(() => new Float64Array(width * height));
  const counts = new Uint32Array(width * height);
  const [redSums, greenSums, blueSums] = sums as [Float64Array, Float64Array, Float64Array];
  const { rgb } = image;
  for (let y = 0; y < image.height; y += 1) {
    const row = Math.floor(y / factor) * width;
    // A block's `factor` pixels of this row are summed together, then added to the block once.
    for (let column = 0; column < width; column += 1) {
      const from = column * factor;
      const to = Math.min(image.width, from + factor);
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let source = (y * image.width + from) * 3, end = (y * image.width + to) * 3; source < end; source += 3) {
        red += rgb[source]!;
        green += rgb[source + 1]!;
        blue += rgb[source + 2]!;
      }
      redSums[row + column]! += red;
      greenSums[row + column]! += green;
      blueSums[row + column]! += blue;
      counts[row + column]! += to - from;
    }
  }
  return sums.map((sum) => {
    const plane = createPlane(width, height);
    for (let cell = 0; cell < sum.length; cell += 1) plane.values[cell] = sum[cell]! / counts[cell]! / 255;
    return plane;
  });
}

/**
 * Bilinear enlargement of a plane shrunk by `factor` back to width × height, sampling each small
 * cell at its centre so that the picture does not shift by half a block.
 */
export function enlargePlane(plane: Plane, factor: number, width: number, height: number): Plane {
  const result = createPlane(width, height);
  const { values } = plane;
  const lastX = plane.width - 1;
  const lastY = plane.height - 1;
  const xLow = new Int32Array(width);
  const xHigh = new Int32Array(width);
  const xWeight = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const at = Math.min(lastX, Math.max(0, (x + 0.5) / factor - 0.5));
    xLow[x] = Math.floor(at);
    xHigh[x] = Math.min(lastX, xLow[x]! + 1);
    xWeight[x] = at - xLow[x]!;
  }
  // Each output row is a blend of two small rows: blended once per row, then spread along it.
  const blendedRow = new Float64Array(plane.width);
  for (let y = 0; y < height; y += 1) {
    const at = Math.min(lastY, Math.max(0, (y + 0.5) / factor - 0.5));
    const low = Math.floor(at);
    const high = Math.min(lastY, low + 1);
    const yWeight = at - low;
    const rowLow = low * plane.width;
    const rowHigh = high * plane.width;
    for (let x = 0; x < plane.width; x += 1) blendedRow[x] = values[rowLow + x]! * (1 - yWeight) + values[rowHigh + x]! * yWeight;
    const row = y * width;
    // Runs of x between the same two small cells share their two values.
    for (let runStart = 0; runStart < width; ) {
      const low = blendedRow[xLow[runStart]!]!;
      const high = blendedRow[xHigh[runStart]!]!;
      let x = runStart;
      for (; x < width && xLow[x] === xLow[runStart]; x += 1) {
        const weight = xWeight[x]!;
        result.values[row + x] = low * (1 - weight) + high * weight;
      }
      runStart = x;
    }
  }
  return result;
}

/**
 * Running maximum (or minimum) over a (2 radius + 1) window along rows or columns, in three passes
 * whatever the radius (van Herk / Gil-Werman), so large windows on the shrunk picture stay cheap.
 * Minimum is computed as the maximum of the negated values.
 */
function rankAlong(plane: Plane, radius: number, isMinimum: boolean, isVertical: boolean): Plane {
  const { width, height } = plane;
  const result = createPlane(width, height);
  const lineCount = isVertical ? width : height;
  const length = isVertical ? height : width;
  const step = isVertical ? width : 1;
  const window = 2 * radius + 1;
  const sign = isMinimum ? -1 : 1;
  const line = new Float32Array(length);
  const prefix = new Float32Array(length);
  const suffix = new Float32Array(length);
  for (let lineIndex = 0; lineIndex < lineCount; lineIndex += 1) {
    const start = isVertical ? lineIndex : lineIndex * width;
    for (let i = 0; i < length; i += 1) line[i] = sign * plane.values[start + i * step]!;
    for (let blockStart = 0; blockStart < length; blockStart += window) {
      const blockEnd = Math.min(length, blockStart + window) - 1;
      prefix[blockStart] = line[blockStart]!;
      for (let i = blockStart + 1; i <= blockEnd; i += 1) prefix[i] = prefix[i - 1]! > line[i]! ? prefix[i - 1]! : line[i]!;
      suffix[blockEnd] = line[blockEnd]!;
      for (let i = blockEnd - 1; i >= blockStart; i -= 1) suffix[i] = suffix[i + 1]! > line[i]! ? suffix[i + 1]! : line[i]!;
    }
    const lastBlock = Math.floor((length - 1) / window);
    for (let i = 0; i < length; i += 1) {
      // The window [i - radius, i + radius], cut at the line's ends: a window that starts before the
      // line lies inside the first block (prefix), one that runs past it ends in the last block. Taking
      // a whole block there (suffix[0], prefix[end]) widened the window at the borders to 2 radius + 1
      // beyond the pixel, so a shadow along the picture's edge read as bright paper.
      const low = i - radius;
      const high = i + radius;
      let value: number;
      if (low < 0) value = prefix[high < length ? high : length - 1]!;
      else if (high >= length) value = Math.floor(low / window) === lastBlock ? suffix[low]! : Math.max(suffix[low]!, prefix[length - 1]!);
      else value = Math.max(suffix[low]!, prefix[high]!);
      result.values[start + i * step] = sign * value;
    }
  }
  return result;
}

/** Greyscale dilation with a square window: the brightest value within `radius` in both directions. */
export function maxFilter(plane: Plane, radius: number): Plane {
  return rankAlong(rankAlong(plane, radius, false, false), radius, false, true);
}

export function minFilter(plane: Plane, radius: number): Plane {
  return rankAlong(rankAlong(plane, radius, true, false), radius, true, true);
}

/** Mean over a (2 radius + 1)² window, the window clipped at the borders. */
export function boxBlur(plane: Plane, radius: number): Plane {
  return blurAlong(blurAlong(plane, radius, false), radius, true);
}

function blurAlong(plane: Plane, radius: number, isVertical: boolean): Plane {
  const { width, height } = plane;
  const result = createPlane(width, height);
  const lineCount = isVertical ? width : height;
  const length = isVertical ? height : width;
  const step = isVertical ? width : 1;
  const sums = new Float64Array(length + 1);
  for (let line = 0; line < lineCount; line += 1) {
    const start = isVertical ? line : line * width;
    for (let i = 0; i < length; i += 1) sums[i + 1] = sums[i]! + plane.values[start + i * step]!;
    for (let i = 0; i < length; i += 1) {
      const low = Math.max(0, i - radius);
      const high = Math.min(length - 1, i + radius);
      result.values[start + i * step] = (sums[high + 1]! - sums[low]!) / (high - low + 1);
    }
  }
  return result;
}
