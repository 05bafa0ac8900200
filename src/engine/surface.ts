// Sampling the loss on a regular grid for the 3D surface. A pure function of
// its arguments (no shared state, no I/O), so a worker thread can run it on a
// loss it compiled from the source text itself.

import type { Domain } from '../shared/protocol';

export interface SampledSurface {
  /** heights[j·resolution + i] = loss(x_i, y_j), rows of constant y; NaN where the loss is not finite in float32. */
  heights: Float32Array;
  /** Extremes over the finite samples; both NaN when no sample is finite. */
  min: number;
  max: number;
  /** How many samples were not finite (drawn as holes). */
  nonFinite: number;
}

/**
 * x_i = x.min + (x.max − x.min)·i/(resolution − 1), the same for y_j, so the
 * grid includes both ends of each range. min and max are taken over the
 * stored float32 values, so they describe exactly the array that is drawn
 * (a float64 value beyond float32's range counts as not finite).
 */
export function sampleSurface(
  loss: { value(x: number, y: number): number },
  domain: Domain,
  resolution: number,
): SampledSurface {
  const n = resolution;
  const heights = new Float32Array(n * n);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // A one-sample grid sits at the low corner instead of dividing by zero.
  const last = Math.max(n - 1, 1);
  // Every row has the same x values: compute them once.
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = x0 + (dx * i) / last;
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let j = 0; j < n; j++) {
    const y = y0 + (dy * j) / last;
    const row = j * n;
    for (let i = 0; i < n; i++) {
      const h = Math.fround(loss.value(xs[i], y));
      if (Number.isFinite(h)) {
        heights[row + i] = h;
        if (h < min) min = h;
        if (h > max) max = h;
      } else {
        heights[row + i] = NaN;
        nonFinite++;
      }
    }
  }
  if (nonFinite === n * n) return { heights, min: NaN, max: NaN, nonFinite };
  return { heights, min, max, nonFinite };
}
