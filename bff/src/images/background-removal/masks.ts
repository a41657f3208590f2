/**
 * Binary masks (one byte per pixel, 1 = set) and what the pipeline asks of them: distances,
 * growing and shrinking by a radius, and connected components with their sizes.
 */
export interface Mask {
  width: number;
  height: number;
  bits: Uint8Array;
}

const far = 1e9;
// Chamfer 3-4 weights: within 8 % of the Euclidean distance, in two passes over the picture.
const straight = 3;
const diagonal = 4;

/** Approximate Euclidean distance, in pixels, from each pixel to the nearest set pixel of the mask. */
export function distanceToMask(mask: Mask): Float32Array {
  const steps = chamferSteps(mask);
  const distance = new Float32Array(steps.length);
  for (let index = 0; index < distance.length; index += 1) distance[index] = steps[index]! / straight;
  return distance;
}

/** Every pixel within `radius` of the mask. */
export function growMask(mask: Mask, radius: number): Mask {
  const steps = chamferSteps(mask);
  // The most whole steps whose distance, as the float32 that distanceToMask gives, is within the radius.
  let reach = Math.ceil(radius * straight) + 1;
  while (reach >= 0 && Math.fround(reach / straight) > radius) reach -= 1;
  const bits = new Uint8Array(steps.length);
  for (let index = 0; index < bits.length; index += 1) bits[index] = steps[index]! <= reach ? 1 : 0;
  return { width: mask.width, height: mask.height, bits };
}

/** Distance to the mask in chamfer steps (a straight step is 3): whole numbers, exact, and fast to compare. */
function chamferSteps(mask: Mask): Int32Array {
  const { width, height, bits } = mask;
  const steps = new Int32Array(width * height);
  for (let index = 0; index < steps.length; index += 1) steps[index] = bits[index] ? 0 : far;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      const index = row + x;
      let best = steps[index]!;
      if (best === 0) continue;
      if (x > 0) {
        const left = steps[index - 1]! + straight;
        if (left < best) best = left;
      }
      if (y > 0) {
        const above = index - width;
        const up = steps[above]! + straight;
        if (up < best) best = up;
        if (x > 0) {
          const upLeft = steps[above - 1]! + diagonal;
          if (upLeft < best) best = upLeft;
        }
        if (x < width - 1) {
          const upRight = steps[above + 1]! + diagonal;
          if (upRight < best) best = upRight;
        }
      }
      steps[index] = best;
    }
  }
  for (let y = height - 1; y >= 0; y -= 1) {
    const row = y * width;
    for (let x = width - 1; x >= 0; x -= 1) {
      const index = row + x;
      let best = steps[index]!;
      if (best === 0) continue;
      if (x < width - 1) {
        const right = steps[index + 1]! + straight;
        if (right < best) best = right;
      }
      if (y < height - 1) {
        const below = index + width;
        const down = steps[below]! + straight;
        if (down < best) best = down;
        if (x < width - 1) {
          const downRight = steps[below + 1]! + diagonal;
          if (downRight < best) best = downRight;
        }
        if (x > 0) {
          const downLeft = steps[below - 1]! + diagonal;
          if (downLeft < best) best = downLeft;
        }
      }
      steps[index] = best;
    }
  }
  return steps;
}

export function invertMask(mask: Mask): Mask {
  const bits = new Uint8Array(mask.bits.length);
  for (let index = 0; index < bits.length; index += 1) bits[index] = mask.bits[index] ? 0 : 1;
  return { width: mask.width, height: mask.height, bits };
}

/** Pixels of the mask at least `radius` away from its outside. */
export function shrinkMask(mask: Mask, radius: number): Mask {
  return invertMask(growMask(invertMask(mask), radius));
}

export interface Component {
  area: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** 8-connected components: a label per pixel (0 = not in the mask, n = components[n - 1]). */
export function labelComponents(mask: Mask): { labels: Int32Array; components: Component[] } {
  const { width, height, bits } = mask;
  const labels = new Int32Array(width * height);
  const components: Component[] = [];
  // Grown as needed: the largest component is usually a small part of the picture.
  let stack = new Int32Array(4096);
  for (let start = 0; start < bits.length; start += 1) {
    if (!bits[start] || labels[start]) continue;
    const label = components.length + 1;
    const component: Component = { area: 0, left: width, top: height, right: 0, bottom: 0 };
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const index = stack[--top]!;
      const x = index % width;
      const y = (index - x) / width;
      component.area += 1;
      if (x < component.left) component.left = x;
      if (x > component.right) component.right = x;
      if (y < component.top) component.top = y;
      if (y > component.bottom) component.bottom = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (bits[neighbour] && !labels[neighbour]) {
            labels[neighbour] = label;
            if (top === stack.length) {
              const larger = new Int32Array(stack.length * 2);
              larger.set(stack);
              stack = larger;
            }
            stack[top++] = neighbour;
          }
        }
      }
    }
    components.push(component);
  }
  return { labels, components };
}

/** The mask's pixels that belong to components passing the test. */
export function keepComponents(labels: Int32Array, components: Component[], isKept: (component: Component, label: number) => boolean, width: number, height: number): Mask {
  const kept = components.map((component, index) => isKept(component, index + 1));
  const bits = new Uint8Array(labels.length);
  for (let index = 0; index < bits.length; index += 1) {
    const label = labels[index]!;
    if (label && kept[label - 1]) bits[index] = 1;
  }
  return { width, height, bits };
}
