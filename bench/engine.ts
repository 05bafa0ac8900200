// Engine throughput against hand-written JavaScript of the same work, printed
// as ratios (ours / hand-written time; lower is better). Targets from issue 3:
// simulation of 4 runs × 350 steps within 1.5×, 1024² surface sampling within
// 1.2×. Printed, never asserted: timings depend on the machine.
//
// Run alone with `npx tsx bench/engine.ts`; `npm run bench` runs it with the rest.

import { Bench, type Task } from 'tinybench';
import { compile } from '../src/language/compile';
import { sampleSurface } from '../src/engine/surface';
import { simulateLoss } from '../src/engine/runs';
import { resolveSettings } from '../src/settings/settings';
import type { Domain } from '../src/shared/protocol';

const SOURCE = 'loss = (1 - x)^2 + 100 (y - x^2)^2';
const STEPS = 350;
const STARTS = [
  { x: -1.5, y: 2.5 },
  { x: -1, y: -0.5 },
  { x: 1.5, y: 2 },
  { x: 0.5, y: 1 },
];
const DOMAIN: Domain = { x: [-2, 2], y: [-1, 3] };
const RESOLUTION = 1024;

/** The same Rosenbrock function and gradient, written by hand. */
function rosenbrock(x: number, y: number): number {
  const a = 1 - x;
  const b = y - x * x;
  return a * a + 100 * b * b;
}

/**
 * What a person would write for the same results: SGD with momentum 0.9
 * (PyTorch's rule) under SGDR (t0 50, tMult 2), recording position, loss,
 * gradient and learning rate per step, four times.
 */
function handWrittenRuns(): Float64Array[] {
  const out: Float64Array[] = [];
  for (const start of STARTS) {
    const points = new Float64Array(3 * (STEPS + 1));
    const grads = new Float64Array(2 * (STEPS + 1));
    const rates = new Float64Array(STEPS + 1);
    let x = start.x;
    let y = start.y;
    let bx = 0;
    let by = 0;
    let cycleStart = 0;
    let cycleLength = 50;
    for (let k = 0; ; k++) {
      if (k - cycleStart === cycleLength) {
        cycleStart = k;
        cycleLength *= 2;
      }
      const lr = (0.001 * (1 + Math.cos((Math.PI * (k - cycleStart)) / cycleLength))) / 2;
      const a = 1 - x;
      const b = y - x * x;
      const gx = -2 * a - 400 * x * b;
      const gy = 200 * b;
      points[3 * k] = x;
      points[3 * k + 1] = y;
      points[3 * k + 2] = a * a + 100 * b * b;
      grads[2 * k] = gx;
      grads[2 * k + 1] = gy;
      rates[k] = lr;
      if (k === STEPS) break;
      bx = k === 0 ? gx : 0.9 * bx + gx;
      by = k === 0 ? gy : 0.9 * by + gy;
      x -= lr * bx;
      y -= lr * by;
    }
    out.push(points, grads, rates);
  }
  return out;
}

/** The same grid, heights and extremes, written by hand. */
function handWrittenSurface(): { heights: Float32Array; min: number; max: number; nonFinite: number } {
  const heights = new Float32Array(RESOLUTION * RESOLUTION);
  const last = RESOLUTION - 1;
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let j = 0; j < RESOLUTION; j++) {
    const y = -1 + (4 * j) / last;
    for (let i = 0; i < RESOLUTION; i++) {
      const h = Math.fround(rosenbrock(-2 + (4 * i) / last, y));
      if (Number.isFinite(h)) {
        heights[j * RESOLUTION + i] = h;
        if (h < min) min = h;
        if (h > max) max = h;
      } else {
        heights[j * RESOLUTION + i] = NaN;
        nonFinite++;
      }
    }
  }
  return { heights, min, max, nonFinite };
}

/** The median time per call: on a shared machine the mean is dragged by other processes and GC pauses. */
function medianMs(task: Task | undefined): number {
  const r = task?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark ${task?.name} did not complete`);
  return r.latency.p50;
}

export async function runEngineBench(): Promise<void> {
  const loss = compile(SOURCE).loss;
  if (!loss) throw new Error('the benchmark loss does not compile');
  const { settings } = resolveSettings([
    { source: 'bench', values: { 'schedule.etaMax': 0.001, 'simulation.steps': STEPS, 'simulation.compare': [] } },
  ]);

  const bench = new Bench({ time: 1000, warmup: true });
  bench
    .add('simulate: engine, 4 runs × 350 steps', () => simulateLoss(loss, settings, STARTS, DOMAIN))
    .add('simulate: hand-written loop', () => handWrittenRuns())
    .add('surface 1024²: engine (compiled loss)', () => sampleSurface(loss, DOMAIN, RESOLUTION))
    .add('surface 1024²: hand-written nested loop and function', () => handWrittenSurface());
  await bench.run();

  const [sim, simHand, surface, surfaceHand] = bench.tasks.map(medianMs);
  console.log('\nengine (median time per call; ratio = engine / hand-written, lower is better)');
  console.table(bench.tasks.map((t) => ({ task: t.name, 'median ms': medianMs(t).toFixed(3) })));
  console.log(`simulation ratio ${(sim / simHand).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(`surface ratio    ${(surface / surfaceHand).toFixed(2)}× (target ≤ 1.2×)`);
}

if (require.main === module) {
  runEngineBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
