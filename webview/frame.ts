// The map from parameter/loss space to the world box the scene is drawn in:
// the domain fills x, y ∈ [-1, 1] (whatever its aspect, so a long thin domain
// is still readable), and the loss, after the height scale, fills
// z ∈ [0, HEIGHT]. z is up.
//
// Height scale: 'linear' is (f − min) / (max − min); 'log' is
// log1p(f − min) / log1p(max − min) (DESIGN.md section 3). 'auto' picks log
// when the range spans decades, by this rule: the range max − min is more
// than AUTO_LOG_RATIO times the median sample's height above the minimum.
// Then a linear scale would squash most of the surface into the bottom tenth
// of the box (Rosenbrock's valley is the classic case), where paths could not
// be seen.

import type { Domain } from '../src/shared/protocol';

export const HEIGHT = 0.9;
export const AUTO_LOG_RATIO = 10;
/** At most this many samples are sorted to find the median (a strided subsample). */
const MEDIAN_SAMPLES = 4096;

export type ResolvedScale = 'linear' | 'log';

/** The median of the finite samples, from a strided subsample; NaN when none is finite. */
function sampleMedian(heights: Float32Array): number {
  const stride = Math.max(1, Math.floor(heights.length / MEDIAN_SAMPLES));
  const picked: number[] = [];
  for (let i = 0; i < heights.length; i += stride) if (Number.isFinite(heights[i])) picked.push(heights[i]);
  if (picked.length === 0) return NaN;
  picked.sort((a, b) => a - b);
  const mid = picked.length >> 1;
  return picked.length % 2 === 1 ? picked[mid] : (picked[mid - 1] + picked[mid]) / 2;
}

export function resolveHeightScale(setting: 'linear' | 'log' | 'auto', heights: Float32Array, min: number, max: number): ResolvedScale {
  if (setting !== 'auto') return setting;
  const range = max - min;
  if (!(range > 0)) return 'linear';
  const typical = sampleMedian(heights) - min;
  return range > AUTO_LOG_RATIO * typical ? 'log' : 'linear';
}

export class Frame {
  readonly scale: ResolvedScale;
  private readonly span: number;

  constructor(
    readonly domain: Domain,
    readonly min: number,
    readonly max: number,
    scale: ResolvedScale,
  ) {
    this.scale = scale;
    const range = Number.isFinite(max - min) ? max - min : 0;
    this.span = scale === 'log' ? Math.log1p(range) : range;
  }

  worldX(px: number): number {
    const [a, b] = this.domain.x;
    return ((px - a) / (b - a)) * 2 - 1;
  }

  worldY(py: number): number {
    const [a, b] = this.domain.y;
    return ((py - a) / (b - a)) * 2 - 1;
  }

  paramX(wx: number): number {
    const [a, b] = this.domain.x;
    return a + ((wx + 1) / 2) * (b - a);
  }

  paramY(wy: number): number {
    const [a, b] = this.domain.y;
    return a + ((wy + 1) / 2) * (b - a);
  }

  /** Height in [0, 1] for a loss in [min, max]; outside it (a path that left the domain) it extends past the box. */
  level(f: number): number {
    if (!(this.span > 0)) return 0;
    const d = f - this.min;
    // Signed so a loss below the surface's minimum (off the sampled grid) stays below it.
    const scaled = this.scale === 'log' ? Math.sign(d) * Math.log1p(Math.abs(d)) : d;
    return scaled / this.span;
  }

  worldZ(f: number): number {
    return this.level(f) * HEIGHT;
  }
}
