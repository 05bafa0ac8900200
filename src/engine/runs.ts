// Optimizer runs on a compiled loss (DESIGN.md sections 4 and 5). A run
// never throws: a non-finite loss or position, or a position more than 1e6
// domain widths outside the domain, ends it with a reason.

import type { LossFile, Loss } from '../language/compile';
import type { ScheduleType, Settings } from '../settings/settings';
import type { Domain } from '../shared/protocol';
import { createOptimizer } from './optimizers';
import { gaussianNoise } from './random';
import { learningRates, type LearningRates } from './schedule';

/** One optimizer run: the fields of the protocol's RunData except `extra`. */
export interface Run {
  label: string;
  schedule: ScheduleType;
  /** Point k (after k updates, k = 0..steps or up to the stop) at [3k, 3k+1, 3k+2] = x, y, loss. */
  points: Float64Array;
  /** lr[k] = η(k), the rate of the update that leaves point k. */
  lr: Float64Array;
  /** The noise-free gradient at point k at [2k, 2k+1]. */
  grad: Float64Array;
  /** Every k in 1..(last point) at which a new cycle begins; point k is the previous cycle's snapshot. */
  restarts: number[];
  stopped: { step: number; reason: string } | null;
}

/** How far outside the domain, in domain widths, a run may wander before it is stopped. */
const ESCAPE_WIDTHS = 1e6;

/** `@domain` wins over the `surface.domain` setting. */
export function resolveDomain(file: LossFile, settings: Settings): Domain {
  if (file.domain) return { x: [file.domain.x[0], file.domain.x[1]], y: [file.domain.y[0], file.domain.y[1]] };
  const [x, y] = settings.surface.domain;
  return { x: [x[0], x[1]], y: [y[0], y[1]] };
}

/**
 * `@start` lines, else the `simulation.start` setting, else the default
 * point: one fifth of the way in from the domain's low corner, so that on a
 * symmetric domain the run does not begin at the centre, where many classic
 * test functions have their minimum or a saddle.
 */
export function resolveStarts(file: LossFile, settings: Settings, domain: Domain): { x: number; y: number }[] {
  if (file.starts.length > 0) return file.starts.map((s) => ({ x: s.x, y: s.y }));
  const start = settings.simulation.start;
  if (start) return [{ x: start[0], y: start[1] }];
  return [
    {
      x: domain.x[0] + (domain.x[1] - domain.x[0]) / 5,
      y: domain.y[0] + (domain.y[1] - domain.y[0]) / 5,
    },
  ];
}

/**
 * One run per start with `schedule.type`, then one run per
 * `simulation.compare` type from the first start only (comparing schedules
 * needs one shared start; repeating the comparison for every start would
 * crowd the picture). A compare type equal to `schedule.type` is skipped, as
 * it would repeat that run exactly. Run r draws its gradient noise from
 * stream r of `simulation.seed`.
 */
export function simulateLoss(loss: Loss, settings: Settings, starts: { x: number; y: number }[], domain: Domain): Run[] {
  const main = settings.schedule.type;
  const plans: { type: ScheduleType; start: { x: number; y: number } }[] = starts.map((start) => ({ type: main, start }));
  if (starts.length > 0) {
    const compared = new Set<ScheduleType>([main]);
    for (const type of settings.simulation.compare) {
      if (compared.has(type)) continue;
      compared.add(type);
      plans.push({ type, start: starts[0] });
    }
  }
  // Runs of one schedule type share its rates (each run gets its own copy,
  // so a receiver may transfer the buffers).
  const steps = settings.simulation.steps;
  const rates = new Map<ScheduleType, LearningRates>();
  for (const { type } of plans) {
    if (!rates.has(type)) rates.set(type, learningRates({ ...settings.schedule, type }, steps, steps + 1));
  }
  const bounds = escapeBounds(domain);
  return plans.map((plan, index) => runOnce(loss, settings, plan.type, rates.get(plan.type)!, plan.start, bounds, index));
}

function runOnce(
  loss: Loss,
  settings: Settings,
  type: ScheduleType,
  rates: LearningRates,
  start: { x: number; y: number },
  bounds: EscapeBounds,
  stream: number,
): Run {
  const steps = settings.simulation.steps;
  const lr = rates.lr;
  const optimizer = createOptimizer(settings);
  const sigma = settings.simulation.gradientNoise;
  // Drawn up front: a call into the generator inside the loop below slows
  // every step, noisy or not (measured in bench/engine.ts).
  const noise = sigma > 0 ? gaussianNoise(settings.simulation.seed, stream, 2 * steps, sigma) : null;
  const points = new Float64Array(3 * (steps + 1));
  const grad = new Float64Array(2 * (steps + 1));
  const p = new Float64Array([start.x, start.y]);
  const g = new Float64Array(2);
  const { xMin, xMax, yMin, yMax } = bounds;
  let stopped: Run['stopped'] = null;
  let k = 0;
  for (; ; k++) {
    const x = p[0];
    const y = p[1];
    const value = loss.valueAndGradient(x, y, g);
    points[3 * k] = x;
    points[3 * k + 1] = y;
    points[3 * k + 2] = value;
    grad[2 * k] = g[0];
    grad[2 * k + 1] = g[1];
    // One test on the hot path: a NaN or infinite position fails the range
    // test, and value − value is 0 only for a finite value.
    if (!(x >= xMin && x <= xMax && y >= yMin && y <= yMax && value - value === 0)) {
      stopped = { step: k, reason: stopReason(x, y, value, bounds) };
      break;
    }
    if (k === steps) break;
    if (noise !== null) {
      g[0] += noise[2 * k];
      g[1] += noise[2 * k + 1];
    }
    optimizer.step(p, g, lr[k]);
  }
  const count = k + 1;
  return {
    label: `${type} from (${start.x}, ${start.y})`,
    schedule: type,
    points: count === steps + 1 ? points : points.slice(0, 3 * count),
    lr: lr.slice(0, count),
    grad: count === steps + 1 ? grad : grad.slice(0, 2 * count),
    restarts: rates.restarts.filter((r) => r <= k),
    stopped,
  };
}

/** The box a run may not leave: the domain widened by ESCAPE_WIDTHS of its width on every side. */
interface EscapeBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function escapeBounds(domain: Domain): EscapeBounds {
  const wx = ESCAPE_WIDTHS * (domain.x[1] - domain.x[0]);
  const wy = ESCAPE_WIDTHS * (domain.y[1] - domain.y[0]);
  return { xMin: domain.x[0] - wx, xMax: domain.x[1] + wx, yMin: domain.y[0] - wy, yMax: domain.y[1] + wy };
}

/** Why a run stopped at a point that failed the hot-path test. */
function stopReason(x: number, y: number, value: number, b: EscapeBounds): string {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return `the position is not finite (${x}, ${y})`;
  if (x < b.xMin || x > b.xMax || y < b.yMin || y > b.yMax) {
    return `left the domain: (${x}, ${y}) is more than ${ESCAPE_WIDTHS} domain widths outside it`;
  }
  return `the loss is ${value} at (${x}, ${y})`;
}

