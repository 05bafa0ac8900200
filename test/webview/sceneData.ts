// Scene messages for the webview tests and bench, computed here from a
// hand-written loss (Himmelblau's function, four minima) with its gradient
// worked out by hand, SGD with momentum as PyTorch applies it, and the SGDR
// learning rate written out from the paper's formula. Independent of the
// engine on purpose: the webview is tested on data whose every number is
// known here.

import type { RunData, SceneMessage } from '../../src/shared/protocol';

export const DOMAIN = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };

/** Himmelblau: (x² + y − 11)² + (x + y² − 7)². */
export function himmelblau(x: number, y: number): number {
  return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
}

/** ∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7); ∂f/∂y = 2(x² + y − 11) + 4y(x + y² − 7). */
export function himmelblauGradient(x: number, y: number): [number, number] {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
}

export interface Sgdr {
  etaMax: number;
  etaMin: number;
  t0: number;
  tMult: number;
}

/** η(t) = η_min + ½(η_max − η_min)(1 + cos(π T_cur / T_i)), cycles of t0·tMult^i steps, and the restart steps. */
export function sgdrRates(s: Sgdr, steps: number): { lr: Float64Array; restarts: number[] } {
  const lr = new Float64Array(steps + 1);
  const restarts: number[] = [];
  let start = 0;
  let length = s.t0;
  for (let t = 0; t <= steps; t++) {
    if (t - start === length) {
      start = t;
      length *= s.tMult;
      restarts.push(t);
    }
    lr[t] = s.etaMin + 0.5 * (s.etaMax - s.etaMin) * (1 + Math.cos((Math.PI * (t - start)) / length));
  }
  return { lr, restarts };
}

/** Deterministic standard normal samples (mulberry32 + Box–Muller), so every run of the tests draws the same paths. */
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** SGD with momentum μ (PyTorch: b = μb + g, p −= η b) and Gaussian gradient noise of std. dev. `noise`. */
export function sgdRun(label: string, schedule: string, start: [number, number], lr: Float64Array, restarts: number[], noise: number, seed: number): RunData {
  const steps = lr.length - 1;
  const points = new Float64Array(3 * (steps + 1));
  const grad = new Float64Array(2 * (steps + 1));
  const normal = normals(seed);
  let [x, y] = start;
  let bx = 0;
  let by = 0;
  for (let k = 0; k <= steps; k++) {
    const [gx, gy] = himmelblauGradient(x, y);
    points.set([x, y, himmelblau(x, y)], 3 * k);
    grad.set([gx, gy], 2 * k);
    if (k === steps) break;
    const nx = gx + noise * normal();
    const ny = gy + noise * normal();
    bx = k === 0 ? nx : 0.9 * bx + nx;
    by = k === 0 ? ny : 0.9 * by + ny;
    x -= lr[k] * bx;
    y -= lr[k] * by;
  }
  return { label, schedule, extra: false, points, lr, grad, restarts, stopped: null };
}

export function sampleHeights(resolution: number, hole?: { x: number; y: number; r: number }): Float32Array {
  const heights = new Float32Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) {
    const y = DOMAIN.y[0] + ((DOMAIN.y[1] - DOMAIN.y[0]) * j) / (resolution - 1);
    for (let i = 0; i < resolution; i++) {
      const x = DOMAIN.x[0] + ((DOMAIN.x[1] - DOMAIN.x[0]) * i) / (resolution - 1);
      const inHole = hole !== undefined && Math.hypot(x - hole.x, y - hole.y) < hole.r;
      heights[j * resolution + i] = inHole ? NaN : himmelblau(x, y);
    }
  }
  return heights;
}

export const SGDR: Sgdr = { etaMax: 0.01, etaMin: 0, t0: 50, tMult: 2 };
export const STEPS = 350;
/** Gradient noise: enough that a restart's jump out of a minimum is plain to see. */
const NOISE = 6;
const STARTS: [number, number][] = [
  [-0.5, 4.6],
  [0.3, -4.6],
  [4.6, 0.5],
  [-4.6, -0.8],
];

export interface SceneOptions {
  revision?: number;
  resolution?: number;
  /** How many SGDR runs (1 to 4), each from its own start. */
  runs?: number;
  /** Add a constant-η comparison run from the first start. */
  compare?: boolean;
  hole?: { x: number; y: number; r: number };
  heightScale?: SceneMessage['heightScale'];
}

export function makeScene(options: SceneOptions = {}): SceneMessage {
  const resolution = options.resolution ?? 128;
  const heights = sampleHeights(resolution, options.hole);
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (const h of heights) {
    if (!Number.isFinite(h)) nonFinite++;
    else {
      min = Math.min(min, h);
      max = Math.max(max, h);
    }
  }
  const { lr, restarts } = sgdrRates(SGDR, STEPS);
  const runs: RunData[] = STARTS.slice(0, options.runs ?? 1).map((s, i) => sgdRun(`sgdr from (${s[0]}, ${s[1]})`, 'sgdr', s, lr, restarts, NOISE, i + 1));
  if (options.compare) {
    const constant = new Float64Array(STEPS + 1).fill(SGDR.etaMax / 4);
    runs.push(sgdRun('constant', 'constant', STARTS[0], constant, [], NOISE, 99));
  }
  return {
    type: 'scene',
    revision: options.revision ?? 1,
    title: 'himmelblau.loss',
    params: ['x', 'y'],
    domain: DOMAIN,
    surface: { resolution, heights, min, max, nonFinite },
    heightScale: options.heightScale ?? 'auto',
    steps: STEPS,
    speed: 60,
    runs,
  };
}
