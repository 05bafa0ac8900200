// Learning-rate schedules: η(t) for the update at step t (0-based), as a pure
// function of t and the settings (computed for all t in one pass, never by
// carrying state between calls), plus the steps at which a new cycle begins.
//
// sgdr — SGDR, cosine annealing with warm restarts (Loshchilov & Hutter,
//   "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017,
//   arXiv 1608.03983, eq. 5):
//     η(t) = η_min + (η_max,i − η_min)·(1 + cos(π·T_cur/T_i))/2
//   T_cur counts steps since cycle i began; cycle i lasts
//   T_i = round(T_0·T_mult^i) steps (rounded half up), and η_max,i =
//   η_max·decay^i. With integer T_mult, no warm-up and decay 1 this is
//   PyTorch's CosineAnnealingWarmRestarts stepped once per update, with the
//   same floating-point expression as its get_lr(), so η_min is never quite
//   reached: at T_cur = T_i the next cycle begins at η_max.
//   Warm-up: for t < warmupSteps, η(t) = η_min + (η_max − η_min)·t/warmupSteps,
//   and the first cycle starts at t = warmupSteps. With cycleLimit = n > 0,
//   η stays at η_min once n cycles have ended. Warm-up, decay and cycleLimit
//   belong to sgdr only: the other types are PyTorch's schedulers unchanged.
//   Cycle boundaries are found by counting cycles, never with a floating
//   log_{T_mult}, which lands on the wrong side of a boundary.
// cosine — PyTorch's CosineAnnealingLR(T_max = steps). PyTorch has a closed
//   form (_get_closed_form_lr) and the recursive "chainable" form that
//   scheduler.step() actually uses; they differ in the last bits. We follow
//   the recursive form, because a training loop sees what step() produces:
//     η(0) = η_max,
//     η(t) = (1 + cos(π·t/T_max)) / (1 + cos(π·(t−1)/T_max))·(η(t−1) − η_min) + η_min.
//   Past T_max (only `learningRates` with count > steps + 1 goes there) it
//   continues as PyTorch's does, rising again: at t = T_max + 1 + 2k·T_max,
//   where the ratio above would divide by zero, PyTorch instead adds
//   (η_max − η_min)·(1 − cos(π/T_max))/2, and so do we.
// step — PyTorch's StepLR: η_max·gamma^floor(t/stepSize), computed as StepLR
//   does, by multiplying the previous rate by gamma every stepSize steps.
// constant — η_max.

import type { Settings } from '../settings/settings';

export type ScheduleSettings = Settings['schedule'];

export interface LearningRates {
  /** lr[t] = η(t) for t = 0..count−1. */
  lr: Float64Array;
  /** Every t in 1..count−1 at which a new cycle begins (never the first cycle's start). */
  restarts: number[];
}

/**
 * The rates η(0..count−1) of a run of `steps` updates (`steps` is T_max for
 * `cosine`). `count` defaults to `steps`; a simulation asks for steps + 1
 * because its last point carries η(steps).
 */
export function learningRates(schedule: ScheduleSettings, steps: number, count: number = steps): LearningRates {
  const lr = new Float64Array(count);
  const restarts: number[] = [];
  const { etaMax, etaMin } = schedule;
  switch (schedule.type) {
    case 'constant':
      lr.fill(etaMax);
      break;
    case 'step':
      for (let t = 0; t < count; t++) {
        lr[t] = t === 0 ? etaMax : t % schedule.stepSize === 0 ? lr[t - 1] * schedule.gamma : lr[t - 1];
      }
      break;
    case 'cosine':
      for (let t = 0; t < count; t++) {
        if (t === 0) lr[t] = etaMax;
        else if ((t - 1 - steps) % (2 * steps) === 0) lr[t] = lr[t - 1] + ((etaMax - etaMin) * (1 - Math.cos(Math.PI / steps))) / 2;
        else {
          lr[t] =
            ((1 + Math.cos((Math.PI * t) / steps)) / (1 + Math.cos((Math.PI * (t - 1)) / steps))) * (lr[t - 1] - etaMin) +
            etaMin;
        }
      }
      break;
    case 'sgdr':
      sgdr(schedule, lr, restarts);
      break;
  }
  return { lr, restarts };
}

/** Fills `lr` with the SGDR schedule and lists the restarts within it. */
function sgdr(s: ScheduleSettings, lr: Float64Array, restarts: number[]): void {
  const { etaMax, etaMin, warmupSteps } = s;
  const count = lr.length;
  const warmupEnd = Math.min(warmupSteps, count);
  for (let t = 0; t < warmupEnd; t++) lr[t] = etaMin + ((etaMax - etaMin) * t) / warmupSteps;
  let start = warmupSteps;
  for (let cycle = 0; start < count; cycle++) {
    if (s.cycleLimit > 0 && cycle >= s.cycleLimit) {
      lr.fill(etaMin, start);
      return;
    }
    if (cycle > 0) restarts.push(start);
    const length = cycleLength(s, cycle);
    // decay ** 0 is exactly 1 and decay 1 keeps η_max exact, as PyTorch's base_lr.
    const peak = etaMax * s.decay ** cycle;
    const end = Math.min(start + length, count);
    for (let t = start; t < end; t++) {
      lr[t] = etaMin + ((peak - etaMin) * (1 + Math.cos((Math.PI * (t - start)) / length))) / 2;
    }
    start += length;
  }
}

/**
 * T_i = round(T_0·T_mult^i), rounded half up. Exact for integer T_mult (the
 * product is an integer below 2^53), where it equals PyTorch's repeated
 * `T_i = T_i * T_mult`; an overflow to Infinity simply ends the schedule.
 * A decimal T_mult is not exact in binary: 50·1.15 is 57.49999999999999, not
 * 57.5. The relative nudge of 1e-12 makes such halves round up as written
 * (checked against exact fractions for every t0 ≤ 200, T_mult = 1.001..3
 * by 0.001 and i ≤ 6); it is far below any gap between real products.
 */
function cycleLength(s: ScheduleSettings, cycle: number): number {
  const length = s.t0 * s.tMult ** cycle;
  return Math.floor(length + 0.5 + length * 1e-12);
}
