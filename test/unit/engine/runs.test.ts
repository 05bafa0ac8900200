import * as assert from 'node:assert/strict';
import type { Loss, LossFile } from '../../../src/language/compile';
import { GaussianStream } from '../../../src/engine/random';
import { resolveDomain, resolveStarts, simulateLoss } from '../../../src/engine/runs';
import { resolveSettings, type Settings } from '../../../src/settings/settings';
import type { Domain } from '../../../src/shared/protocol';
import { assertClose } from './close';

/** A loss written by hand, with its gradient. */
function loss(value: (x: number, y: number) => number, gradient: (x: number, y: number) => [number, number]): Loss {
  return {
    params: ['x', 'y'],
    value,
    valueAndGradient(x, y, grad) {
      [grad[0], grad[1]] = gradient(x, y);
      return value(x, y);
    },
  };
}

const quadratic = loss(
  (x, y) => x * x + 2 * y * y,
  (x, y) => [2 * x, 4 * y],
);

function settings(values: Record<string, unknown>): Settings {
  const r = resolveSettings([{ source: 'test', values }]);
  assert.deepEqual(r.problems, []);
  return r.settings;
}

const wide: Domain = { x: [-2, 2], y: [-2, 2] };
const gd = { 'optimizer.momentum': 0, 'schedule.type': 'constant', 'simulation.compare': [] };

function file(overrides: Partial<LossFile>): LossFile {
  return { params: ['x', 'y'], domain: null, starts: [], settings: {}, setLines: [], lossLine: 0, ...overrides } as LossFile;
}

describe('simulateLoss', () => {
  it('records point k after k updates with its loss, η(k) and noise-free gradient', () => {
    const s = settings({ ...gd, 'schedule.etaMax': 0.1, 'simulation.steps': 3 });
    const [run] = simulateLoss(quadratic, s, [{ x: 1, y: -1 }], wide);
    // Gradient descent: x ← 0.8x, y ← 0.6y; loss x² + 2y².
    assertClose(run.points, [1, -1, 3, 0.8, -0.6, 1.36, 0.64, -0.36, 0.6688, 0.512, -0.216, 0.355456], 1e-14, 'points', 1);
    assertClose(run.grad, [2, -4, 1.6, -2.4, 1.28, -1.44, 1.024, -0.864], 1e-14, 'grad', 1);
    assert.deepEqual(Array.from(run.lr), [0.1, 0.1, 0.1, 0.1]);
    assert.deepEqual(run.restarts, []);
    assert.equal(run.stopped, null);
    assert.equal(run.schedule, 'constant');
  });

  it('lists every restart in 1..steps, the last one included', () => {
    const s = settings({ 'schedule.t0': 2, 'schedule.tMult': 1, 'simulation.steps': 6, 'simulation.compare': [] });
    const [run] = simulateLoss(quadratic, s, [{ x: 1, y: 1 }], wide);
    assert.deepEqual(run.restarts, [2, 4, 6]);
    assert.equal(run.lr.length, 7);
    // Point 6 is a snapshot: it carries the new cycle's η_max.
    assert.equal(run.lr[6], 0.01);
  });

  it('stops at a non-finite loss, keeping the point and saying why', () => {
    const halfLine = loss(
      (x) => (x >= 0 ? x : NaN),
      () => [1, 0],
    );
    const s = settings({ ...gd, 'schedule.etaMax': 0.1, 'simulation.steps': 10 });
    const [run] = simulateLoss(halfLine, s, [{ x: 0.25, y: 0 }], wide);
    // x = 0.25, 0.15, 0.05, −0.05: the loss is NaN at k = 3.
    assert.equal(run.stopped?.step, 3);
    assert.match(run.stopped!.reason, /loss is NaN/);
    assert.equal(run.points.length, 12);
    assert.equal(run.lr.length, 4);
    assert.equal(run.grad.length, 8);
    assertClose(run.points[9], -0.05, 1e-12);
  });

  it('stops a run that leaves the domain by more than 1e6 widths', () => {
    const slope = loss(
      (x) => -1e6 * x,
      () => [-1e6, 0],
    );
    const s = settings({ ...gd, 'schedule.etaMax': 0.5, 'simulation.steps': 10 });
    // x_k = 5e5·k on a domain of width 1: x_2 = 1e6 is inside the 1 + 1e6 limit, x_3 is not.
    const [run] = simulateLoss(slope, s, [{ x: 0, y: 0.5 }], { x: [0, 1], y: [0, 1] });
    assert.equal(run.stopped?.step, 3);
    assert.match(run.stopped!.reason, /left the domain/);
    assert.equal(run.points.length / 3, 4);
  });

  it('stops when an infinite gradient makes the position non-finite, without throwing', () => {
    const cusp = loss(
      (x) => Math.sqrt(Math.abs(x)),
      (x) => [x === 0 ? Infinity : Math.sign(x) / (2 * Math.sqrt(Math.abs(x))), 0],
    );
    const s = settings({ ...gd, 'simulation.steps': 5 });
    const [run] = simulateLoss(cusp, s, [{ x: 0, y: 0 }], wide);
    assert.equal(run.stopped?.step, 1);
    assert.match(run.stopped!.reason, /not finite/);
  });

  it('adds one run per compare type from the first start, skipping repeats and the main type', () => {
    const s = settings({ 'simulation.compare': ['constant', 'sgdr', 'cosine', 'constant'], 'simulation.steps': 20 });
    const runs = simulateLoss(quadratic, s, [{ x: 1, y: 1 }, { x: -1.5, y: 0.5 }], wide);
    assert.deepEqual(
      runs.map((r) => [r.schedule, r.label]),
      [
        ['sgdr', 'sgdr from (1, 1)'],
        ['sgdr', 'sgdr from (-1.5, 0.5)'],
        ['constant', 'constant from (1, 1)'],
        ['cosine', 'cosine from (1, 1)'],
      ],
    );
    // Same optimizer and η_max: the constant run's first update equals the sgdr run's (η(0) = η_max for both).
    assert.deepEqual(Array.from(runs[2].points.subarray(0, 6)), Array.from(runs[0].points.subarray(0, 6)));
    assert.ok(runs[2].lr.every((v) => v === 0.01));
    assert.equal(runs[3].lr[20], 0);
  });

  describe('gradient noise', () => {
    const noisy = { 'simulation.gradientNoise': 0.5, 'simulation.seed': 7, 'simulation.steps': 50, 'simulation.compare': [] };

    it('adds σ·z to each component, x first, from stream r of the seed for run r', () => {
      const flat = loss(
        () => 0,
        () => [0, 0],
      );
      const s = settings({ ...gd, ...noisy, 'schedule.etaMax': 1 });
      const runs = simulateLoss(flat, s, [{ x: 0, y: 0 }, { x: 0, y: 0 }], wide);
      runs.forEach((run, r) => {
        const z = new GaussianStream(7, r);
        // Plain gradient descent with lr 1 on a flat loss: θ₁ = θ₀ − σ·z.
        assert.equal(run.points[3], -0.5 * z.nextGaussian());
        assert.equal(run.points[4], -0.5 * z.nextGaussian());
        // The recorded gradient is the noise-free one.
        assert.ok(run.grad.every((g) => g === 0));
      });
      assert.notEqual(runs[0].points[3], runs[1].points[3]);
    });

    it('gives the same paths for the same seed and different paths for another', () => {
      const a = simulateLoss(quadratic, settings(noisy), [{ x: 1, y: 1 }], wide)[0];
      const b = simulateLoss(quadratic, settings(noisy), [{ x: 1, y: 1 }], wide)[0];
      const c = simulateLoss(quadratic, settings({ ...noisy, 'simulation.seed': 8 }), [{ x: 1, y: 1 }], wide)[0];
      assert.deepEqual(Array.from(a.points), Array.from(b.points));
      assert.notDeepEqual(Array.from(a.points), Array.from(c.points));
    });
  });
});

describe('resolveDomain and resolveStarts', () => {
  it('prefers @domain to the surface.domain setting', () => {
    const s = settings({ 'surface.domain': [[-3, 1], [0, 5]] });
    assert.deepEqual(resolveDomain(file({}), s), { x: [-3, 1], y: [0, 5] });
    assert.deepEqual(resolveDomain(file({ domain: { x: [0, 1], y: [2, 3] } }), s), { x: [0, 1], y: [2, 3] });
  });

  it('prefers @start lines, then simulation.start, then one fifth in from the low corner', () => {
    const domain: Domain = { x: [-2, 3], y: [0, 10] };
    assert.deepEqual(resolveStarts(file({}), settings({}), domain), [{ x: -1, y: 2 }]);
    const s = settings({ 'simulation.start': [0.5, 0.25] });
    assert.deepEqual(resolveStarts(file({}), s, domain), [{ x: 0.5, y: 0.25 }]);
    const starts = [
      { x: 1, y: 2, line: 3 },
      { x: -1, y: 0, line: 4 },
    ];
    assert.deepEqual(resolveStarts(file({ starts }), s, domain), [
      { x: 1, y: 2 },
      { x: -1, y: 0 },
    ]);
  });
});
