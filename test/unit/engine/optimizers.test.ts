// The first updates of each optimizer on f(x, y) = x² + 2y² (gradient
// (2x, 4y)) from (1, −1), against values worked by hand (SGD) and against the
// algorithms as PyTorch's documentation writes them (torch.optim.* "Algorithm"
// boxes), implemented here plainly in textbook form rather than in PyTorch's
// order of operations.
import * as assert from 'node:assert/strict';
import { createOptimizer } from '../../../src/engine/optimizers';
import { resolveSettings } from '../../../src/settings/settings';
import { assertClose } from './close';

function path(values: Record<string, unknown>, steps = 3, lr = 0.1): number[][] {
  const { settings, problems } = resolveSettings([{ source: 'test', values }]);
  assert.deepEqual(problems, []);
  const optimizer = createOptimizer(settings);
  const p = new Float64Array([1, -1]);
  const g = new Float64Array(2);
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    g[0] = 2 * p[0];
    g[1] = 4 * p[1];
    optimizer.step(p, g, lr);
    out.push([p[0], p[1]]);
  }
  return out;
}

type Update = (theta: number[], g: number[], t: number) => number[];

/** Runs a documented update rule on the same problem. */
function reference(update: Update, steps = 3): number[][] {
  let theta = [1, -1];
  const out: number[][] = [];
  for (let t = 1; t <= steps; t++) {
    theta = update(theta, [2 * theta[0], 4 * theta[1]], t);
    out.push(theta);
  }
  return out;
}

function assertPath(actual: number[][], expected: number[][], tolerance: number): void {
  // The coordinates are of order 1, so near zero the tolerance is taken relative to 1.
  actual.forEach((p, k) => assertClose(p, expected[k], tolerance, `after update ${k + 1}`, 1));
}

describe('optimizers (PyTorch update rules)', () => {
  describe('sgd', () => {
    it('momentum 0.9: the first step copies the gradient into the buffer', () => {
      // buf = g = (2, −4) → (0.8, −0.6); buf = 0.9·buf + (1.6, −2.4) = (3.4, −6) → (0.46, 0);
      // buf = (3.06, −5.4) + (0.92, 0) → (0.062, 0.54).
      const p = path({ 'optimizer.type': 'sgd', 'optimizer.momentum': 0.9 });
      assertPath(p, [[0.8, -0.6], [0.46, 0], [0.062, 0.54]], 1e-14);
    });

    it('momentum defaults to 0.9 for SGD', () => {
      assert.deepEqual(path({ 'optimizer.type': 'sgd' }), path({ 'optimizer.type': 'sgd', 'optimizer.momentum': 0.9 }));
    });

    it('momentum 0 is plain gradient descent', () => {
      // (1, −1) − 0.1·(2, −4) = (0.8, −0.6); then × (1 − 0.2) and × (1 − 0.4).
      const p = path({ 'optimizer.momentum': 0 });
      assertPath(p, [[0.8, -0.6], [0.64, -0.36], [0.512, -0.216]], 1e-14);
    });

    it('nesterov steps along g + momentum·buf', () => {
      // d = g + 0.9·buf with buf = g first: (3.8, −7.6) → (0.62, −0.24); then by hand:
      const p = path({ 'optimizer.momentum': 0.9, 'optimizer.nesterov': true });
      assertPath(p, [[0.62, -0.24], [0.2224, 0.2664], [-0.108352, 0.433296]], 1e-13);
    });

    it('dampening and weight decay (L2 added to the gradient)', () => {
      // g' = g + 0.1·θ; buf = g' first (no dampening), then 0.9·buf + 0.5·g'.
      const p = path({ 'optimizer.momentum': 0.9, 'optimizer.dampening': 0.5, 'optimizer.weightDecay': 0.1 });
      assertPath(p, [[0.79, -0.59], [0.51805, -0.10005], [0.21889975, 0.36141525]], 1e-13);
    });
  });

  describe('adam', () => {
    // m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t),
    // θ ← θ − γ·m̂/(√v̂ + ε); AdamW first does θ ← θ − γλθ; Adam adds λθ to g.
    function adam(b1: number, b2: number, eps: number, lr: number, wd: number, decoupled: boolean): Update {
      const m = [0, 0];
      const v = [0, 0];
      return (theta, g, t) =>
        theta.map((th, i) => {
          if (decoupled) th = th - lr * wd * th;
          const gi = decoupled ? g[i] : g[i] + wd * theta[i];
          m[i] = b1 * m[i] + (1 - b1) * gi;
          v[i] = b2 * v[i] + (1 - b2) * gi * gi;
          const mHat = m[i] / (1 - b1 ** t);
          const vHat = v[i] / (1 - b2 ** t);
          return th - (lr * mHat) / (Math.sqrt(vHat) + eps);
        });
    }

    it('first step moves each coordinate by γ·g/(|g| + ε)', () => {
      // m̂ = g and v̂ = g² after one step: 0.1·2/(2 + 1e-8) and 0.1·4/(4 + 1e-8).
      const [first] = path({ 'optimizer.type': 'adam' });
      assertClose(first, [1 - 0.2 / (2 + 1e-8), -1 + 0.4 / (4 + 1e-8)], 1e-15);
    });

    it('follows the documented algorithm with defaults (β 0.9/0.999, ε 1e-8)', () => {
      assertPath(path({ 'optimizer.type': 'adam' }, 5), reference(adam(0.9, 0.999, 1e-8, 0.1, 0, false), 5), 1e-13);
    });

    it('with other betas, eps and L2 weight decay', () => {
      const values = {
        'optimizer.type': 'adam',
        'optimizer.betas': [0.5, 0.9],
        'optimizer.eps': 0.01,
        'optimizer.weightDecay': 0.2,
      };
      assertPath(path(values, 5), reference(adam(0.5, 0.9, 0.01, 0.1, 0.2, false), 5), 1e-13);
    });

    it('adamw decays the parameter itself, by 0.01 by default', () => {
      assertPath(path({ 'optimizer.type': 'adamw' }, 5), reference(adam(0.9, 0.999, 1e-8, 0.1, 0.01, true), 5), 1e-13);
      const [first] = path({ 'optimizer.type': 'adamw', 'optimizer.weightDecay': 0.5 });
      // θ·(1 − 0.1·0.5) − 0.1·g/(|g| + ε), with g taken before the decay.
      assertClose(first, [0.95 - 0.2 / (2 + 1e-8), -0.95 + 0.4 / (4 + 1e-8)], 1e-15);
    });
  });

  describe('rmsprop', () => {
    // v ← α·v + (1 − α)·g²; b ← μ·b + g/(√v + ε), θ ← θ − γ·b (μ > 0), else θ ← θ − γ·g/(√v + ε).
    function rmsprop(alpha: number, eps: number, lr: number, momentum: number, wd: number): Update {
      const v = [0, 0];
      const b = [0, 0];
      return (theta, g) =>
        theta.map((th, i) => {
          const gi = g[i] + wd * th;
          v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
          if (momentum > 0) {
            b[i] = momentum * b[i] + gi / (Math.sqrt(v[i]) + eps);
            return th - lr * b[i];
          }
          return th - (lr * gi) / (Math.sqrt(v[i]) + eps);
        });
    }

    it('first step divides by √(0.01·g²) + ε with the default α 0.99, no momentum', () => {
      const [first] = path({ 'optimizer.type': 'rmsprop' });
      assertClose(first, [1 - 0.2 / (0.2 + 1e-8), -1 + 0.4 / (0.4 + 1e-8)], 1e-14, 'first', 1);
      assertPath(path({ 'optimizer.type': 'rmsprop' }, 5), reference(rmsprop(0.99, 1e-8, 0.1, 0, 0), 5), 1e-13);
    });

    it('with momentum (its buffer starts at zero), α and weight decay', () => {
      const values = { 'optimizer.type': 'rmsprop', 'optimizer.momentum': 0.8, 'optimizer.alpha': 0.9, 'optimizer.weightDecay': 0.05 };
      assertPath(path(values, 5), reference(rmsprop(0.9, 1e-8, 0.1, 0.8, 0.05), 5), 1e-13);
    });
  });

  describe('adagrad', () => {
    // s ← s + g², θ ← θ − γ·g/(√s + ε), ε defaults to 1e-10.
    function adagrad(eps: number, lr: number, wd: number): Update {
      const s = [0, 0];
      return (theta, g) =>
        theta.map((th, i) => {
          const gi = g[i] + wd * th;
          s[i] += gi * gi;
          return th - (lr * gi) / (Math.sqrt(s[i]) + eps);
        });
    }

    it('first step is γ·sign(g) up to ε, then follows the documented algorithm', () => {
      const [first] = path({ 'optimizer.type': 'adagrad' });
      assertClose(first, [1 - 0.2 / (2 + 1e-10), -1 + 0.4 / (4 + 1e-10)], 1e-15);
      assertPath(path({ 'optimizer.type': 'adagrad' }, 5), reference(adagrad(1e-10, 0.1, 0), 5), 1e-13);
    });

    it('with eps and weight decay', () => {
      const values = { 'optimizer.type': 'adagrad', 'optimizer.eps': 0.1, 'optimizer.weightDecay': 0.3 };
      assertPath(path(values, 5), reference(adagrad(0.1, 0.1, 0.3), 5), 1e-13);
    });
  });

  it('each optimizer starts with empty state', () => {
    const { settings } = resolveSettings([{ source: 'test', values: { 'optimizer.type': 'adam' } }]);
    const a = createOptimizer(settings);
    const p = new Float64Array([1, -1]);
    a.step(p, new Float64Array([2, -4]), 0.1);
    const fresh = createOptimizer(settings);
    const q = new Float64Array([1, -1]);
    fresh.step(q, new Float64Array([2, -4]), 0.1);
    assert.deepEqual(Array.from(q), Array.from(p));
  });
});
