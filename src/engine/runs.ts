// Optimizer runs on a compiled loss (DESIGN.md sections 4 and 5). A run
// never throws: a non-finite loss or position, or a position more than 1e6
// domain widths outside the domain, ends it with a reason.

import type { LossFile, Loss } from '../language/compile';
import type { ScheduleType, Settings } from '../settings/settings';
import type { Domain } from '../shared/protocol';
import { createOptimizer } from './optimizers';
import { GaussianStream } from './random';
import { learningRates } from './schedule';

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
  return plans.map((plan, index) => runOnce(loss, settings, plan.type, plan.start, domain, index));
}

function runOnce(
  loss: Loss,
  settings: Settings,
  type: ScheduleType,
  start: { x: number; y: number },
  domain: Domain,
  stream: number,
): Run {
  const steps = settings.simulation.steps;
  const rates = learningRates({ ...settings.schedule, type }, steps, steps + 1);
  const optimizer = createOptimizer(settings);
  const sigma = settings.simulation.gradientNoise;
  const noise = sigma > 0 ? new GaussianStream(settings.simulation.seed, stream) : null;
  const points = new Float64Array(3 * (steps + 1));
  const grad = new Float64Array(2 * (steps + 1));
  const p = new Float64Array([start.x, start.y]);
  const g = new Float64Array(2);
  let stopped: Run['stopped'] = null;
  let k = 0;
  for (; ; k++) {
    const value = loss.valueAndGradient(p[0], p[1], g);
    points[3 * k] = p[0];
    points[3 * k + 1] = p[1];
    points[3 * k + 2] = value;
    grad[2 * k] = g[0];
    grad[2 * k + 1] = g[1];
    const reason = stopReason(p[0], p[1], value, domain);
    if (reason !== undefined) {
      stopped = { step: k, reason };
      break;
    }
    if (k === steps) break;
    if (noise) {
      g[0] += sigma * noise.nextGaussian();
      g[1] += sigma * noise.nextGaussian();
    }
    optimizer.step(p, g, rates.lr[k]);
  }
  const count = k + 1;
  return {
    label: `${type} from (${start.x}, ${start.y})`,
    schedule: type,
    points: count === steps + 1 ? points : points.slice(0, 3 * count),
    lr: count === steps + 1 ? rates.lr : rates.lr.slice(0, count),
    grad: count === steps + 1 ? grad : grad.slice(0, 2 * count),
    restarts: rates.restarts.filter((r) => r <= k),
    stopped,
  };
}

/** Why a run must stop at this point, or undefined to go on. */
function stopReason(x: number, y: number, value: number, domain: Domain): string | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return `the position is not finite (${x}, ${y})`;
  if (outside(x, domain.x) || outside(y, domain.y)) {
    return `left the domain: (${x}, ${y}) is more than ${ESCAPE_WIDTHS} domain widths outside it`;
  }
  if (!Number.isFinite(value)) return `the loss is ${value} at (${x}, ${y})`;
  return undefined;
}

function outside(v: number, [lo, hi]: [number, number]): boolean {
  const limit = ESCAPE_WIDTHS * (hi - lo);
  return v < lo - limit || v > hi + limit;
}

