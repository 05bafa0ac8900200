// Every built-in's value and derivative at several points, against
// derivatives worked by hand (written out below, independently of ops.ts),
// and PyTorch's conventions at kinks (DESIGN.md section 2).
import * as assert from 'node:assert/strict';
import { BUILTINS, CONSTANTS } from '../../../src/language/builtins';
import { at, close } from './helpers';

type Case = { expr: string; points: [number, number][]; value: (x: number, y: number) => number; grad: (x: number, y: number) => [number, number] };

const sech2 = (u: number) => 1 / Math.cosh(u) ** 2;
const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));

const CASES: Record<string, Case> = {
  sin: { expr: 'sin(x)', points: [[0, 0], [Math.PI / 6, 0], [2, 0]], value: (x) => Math.sin(x), grad: (x) => [Math.cos(x), 0] },
  cos: { expr: 'cos(x)', points: [[0, 0], [Math.PI / 3, 0], [-1, 0]], value: (x) => Math.cos(x), grad: (x) => [-Math.sin(x), 0] },
  tan: { expr: 'tan(x)', points: [[0, 0], [Math.PI / 4, 0], [-1, 0]], value: (x) => Math.tan(x), grad: (x) => [1 / Math.cos(x) ** 2, 0] },
  asin: { expr: 'asin(x)', points: [[0, 0], [0.5, 0], [-0.9, 0]], value: (x) => Math.asin(x), grad: (x) => [1 / Math.sqrt(1 - x * x), 0] },
  acos: { expr: 'acos(x)', points: [[0, 0], [0.5, 0], [-0.9, 0]], value: (x) => Math.acos(x), grad: (x) => [-1 / Math.sqrt(1 - x * x), 0] },
  atan: { expr: 'atan(x)', points: [[0, 0], [1, 0], [-3, 0]], value: (x) => Math.atan(x), grad: (x) => [1 / (1 + x * x), 0] },
  // atan2(y, x) = θ: dθ/dy = x/(x²+y²), dθ/dx = -y/(x²+y²)
  atan2: {
    expr: 'atan2(y, x)',
    points: [[1, 1], [-1, 2], [3, -4]],
    value: (x, y) => Math.atan2(y, x),
    grad: (x, y) => [-y / (x * x + y * y), x / (x * x + y * y)],
  },
  sinh: { expr: 'sinh(x)', points: [[0, 0], [1, 0], [-2, 0]], value: (x) => Math.sinh(x), grad: (x) => [Math.cosh(x), 0] },
  cosh: { expr: 'cosh(x)', points: [[0, 0], [1, 0], [-2, 0]], value: (x) => Math.cosh(x), grad: (x) => [Math.sinh(x), 0] },
  tanh: { expr: 'tanh(x)', points: [[0, 0], [0.5, 0], [-2, 0]], value: (x) => Math.tanh(x), grad: (x) => [sech2(x), 0] },
  exp: { expr: 'exp(x)', points: [[0, 0], [1, 0], [-2, 0]], value: (x) => Math.exp(x), grad: (x) => [Math.exp(x), 0] },
  log: { expr: 'log(x)', points: [[1, 0], [Math.E, 0], [0.25, 0]], value: (x) => Math.log(x), grad: (x) => [1 / x, 0] },
  ln: { expr: 'ln(x)', points: [[1, 0], [Math.E, 0], [0.25, 0]], value: (x) => Math.log(x), grad: (x) => [1 / x, 0] },
  log2: { expr: 'log2(x)', points: [[1, 0], [8, 0], [0.5, 0]], value: (x) => Math.log2(x), grad: (x) => [1 / (x * Math.LN2), 0] },
  log10: { expr: 'log10(x)', points: [[1, 0], [100, 0], [0.1, 0]], value: (x) => Math.log10(x), grad: (x) => [1 / (x * Math.LN10), 0] },
  log1p: { expr: 'log1p(x)', points: [[0, 0], [1e-10, 0], [3, 0]], value: (x) => Math.log1p(x), grad: (x) => [1 / (1 + x), 0] },
  expm1: { expr: 'expm1(x)', points: [[0, 0], [1e-10, 0], [2, 0]], value: (x) => Math.expm1(x), grad: (x) => [Math.exp(x), 0] },
  sqrt: { expr: 'sqrt(x)', points: [[4, 0], [2, 0], [0.25, 0]], value: (x) => Math.sqrt(x), grad: (x) => [0.5 / Math.sqrt(x), 0] },
  // d cbrt(u) = 1/(3 u^(2/3)), the same on both sides of 0
  cbrt: { expr: 'cbrt(x)', points: [[8, 0], [-27, 0], [2, 0]], value: (x) => Math.cbrt(x), grad: (x) => [1 / (3 * Math.abs(x) ** (2 / 3)), 0] },
  abs: { expr: 'abs(x)', points: [[-2, 0], [3, 0], [0, 0]], value: (x) => Math.abs(x), grad: (x) => [x > 0 ? 1 : x < 0 ? -1 : 0, 0] },
  sign: { expr: 'sign(x)', points: [[-2, 0], [3, 0], [0, 0]], value: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), grad: () => [0, 0] },
  floor: { expr: 'floor(x)', points: [[-2.5, 0], [3.7, 0], [1, 0]], value: (x) => [-3, 3, 1][[-2.5, 3.7, 1].indexOf(x)], grad: () => [0, 0] },
  ceil: { expr: 'ceil(x)', points: [[-2.5, 0], [3.2, 0], [1, 0]], value: (x) => [-2, 4, 1][[-2.5, 3.2, 1].indexOf(x)], grad: () => [0, 0] },
  // halves to even, as torch.round
  round: {
    expr: 'round(x)',
    points: [[0.5, 0], [1.5, 0], [2.5, 0], [-2.5, 0], [-3.5, 0], [2.4, 0], [-2.6, 0]],
    value: (x) => new Map([[0.5, 0], [1.5, 2], [2.5, 2], [-2.5, -2], [-3.5, -4], [2.4, 2], [-2.6, -3]]).get(x) as number,
    grad: () => [0, 0],
  },
  min: { expr: 'min(x, y)', points: [[1, 2], [3, -1], [2, 2]], value: (x, y) => (x <= y ? x : y), grad: (x, y) => (y < x ? [0, 1] : [1, 0]) },
  max: { expr: 'max(x, y)', points: [[1, 2], [3, -1], [2, 2]], value: (x, y) => (x >= y ? x : y), grad: (x, y) => (y > x ? [0, 1] : [1, 0]) },
  // d(a^b) = b a^(b-1) da + a^b ln(a) db
  pow: { expr: 'pow(x, y)', points: [[2, 3], [0.5, -2], [3, 0.5]], value: (x, y) => x ** y, grad: (x, y) => [y * x ** (y - 1), x ** y * Math.log(x)] },
  // d hypot(a, b) = (a da + b db)/hypot
  hypot: { expr: 'hypot(x, y)', points: [[3, 4], [-5, 12], [1, 0]], value: (x, y) => Math.sqrt(x * x + y * y), grad: (x, y) => [x / Math.sqrt(x * x + y * y), y / Math.sqrt(x * x + y * y)] },
  // mod(a, b) = a - b floor(a/b): d/da = 1, d/db = -floor(a/b)
  mod: {
    expr: 'mod(x, y)',
    points: [[5, 3], [-1, 3], [5, -3], [5.5, 2]],
    value: (x, y) => new Map([['5,3', 2], ['-1,3', 2], ['5,-3', -1], ['5.5,2', 1.5]]).get(`${x},${y}`) as number,
    grad: (x, y) => [1, -Math.floor(x / y)],
  },
  clamp: {
    expr: 'clamp(x, -1, y)',
    points: [[0.5, 2], [-3, 2], [5, 2], [-1, 2], [2, 2]],
    value: (x, y) => (x < -1 ? -1 : x > y ? y : x),
    grad: (x, y) => (x > y ? [0, 1] : x < -1 ? [0, 0] : [1, 0]), // bounds included in the range
  },
  sigmoid: { expr: 'sigmoid(x)', points: [[0, 0], [2, 0], [-3, 0]], value: (x) => sigmoid(x), grad: (x) => [sigmoid(x) * (1 - sigmoid(x)), 0] },
  // softplus = log(1 + e^u), d = e^u/(1 + e^u) = sigmoid(u); u itself above 20, as PyTorch
  softplus: {
    expr: 'softplus(x)',
    points: [[0, 0], [2, 0], [-3, 0], [30, 0]],
    value: (x) => (x > 20 ? x : Math.log(1 + Math.exp(x))),
    grad: (x) => [x > 20 ? 1 : sigmoid(x), 0],
  },
  relu: { expr: 'relu(x)', points: [[2, 0], [-1, 0], [0, 0]], value: (x) => (x > 0 ? x : 0), grad: (x) => [x > 0 ? 1 : 0, 0] },
  if: {
    expr: 'if(x > 0, x^2, 3y)',
    points: [[2, 1], [-1, 1], [0, 5]],
    value: (x, y) => (x > 0 ? x * x : 3 * y),
    grad: (x) => (x > 0 ? [2 * x, 0] : [0, 3]),
  },
};

describe('language: built-in functions', () => {
  it('has a test for every built-in', () => {
    assert.deepEqual(BUILTINS.map((b) => b.name).sort(), Object.keys(CASES).sort());
  });
  it('gives every built-in a signature and a doc', () => {
    for (const b of BUILTINS) {
      assert.ok(b.signature.startsWith(b.name + '('), b.name);
      assert.ok(b.doc.length > 10, b.name);
    }
    assert.deepEqual(
      CONSTANTS.map((c) => [c.name, c.value]),
      [['pi', Math.PI], ['e', Math.E], ['tau', 2 * Math.PI]],
    );
  });
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: value and derivative at ${c.points.map((p) => `(${p})`).join(' ')}`, () => {
      for (const [x, y] of c.points) {
        const r = at(c.expr, x, y);
        close(r.value, c.value(x, y), `${c.expr} at (${x}, ${y})`, 1e-14);
        const [gx, gy] = c.grad(x, y);
        close(r.grad[0], gx, `d/dx ${c.expr} at (${x}, ${y})`, 1e-13);
        close(r.grad[1], gy, `d/dy ${c.expr} at (${x}, ${y})`, 1e-13);
      }
    });
  }
});

describe('language: gradients at kinks and infinities (PyTorch conventions)', () => {
  const cases: [string, number, number, number, [number, number]][] = [
    // [expression, x, y, value, gradient]
    ['log(x) + y', 0, 0, -Infinity, [Infinity, 1]], // reverse mode: the infinite partial stays in x
    ['sqrt(x) + y', 0, 0, 0, [Infinity, 1]],
    ['x^2 + y', 0, 0, 0, [0, 1]],
    ['x^0 + y', 0, 0, 1, [0, 1]], // b = 0: no gradient, even where a^(b-1) is infinite
    ['x^0.5 + y', 0, 0, 0, [Infinity, 1]],
    ['pow(x, y)', 0, 2, 0, [0, 0]], // a = 0, b >= 0: the exponent's partial is 0, not 0·(-inf)
    ['abs(x) + y', 0, 1, 1, [0, 1]],
    ['relu(x) + y', 0, 1, 1, [0, 1]],
    ['max(x, y)', 1, 1, 1, [1, 0]], // ties: the whole gradient to the first argument
    ['min(x, y)', 1, 1, 1, [1, 0]],
    ['max(y, x, x)', 1, 1, 1, [0, 1]],
    ['max(1, x, y)', 2, 2, 2, [1, 0]],
    ['min(x, y, 0)', 0, 0, 0, [1, 0]],
    ['if(x > 0, log(x), 0) + y', 0, 0, 0, [0, 1]], // only the branch taken is differentiated
    ['max(0, log(x)) + y', 0, 0, 0, [0, 1]],
    ['if(0/0, x, 2y)', 1, 1, 2, [0, 2]], // NaN condition takes the else branch
    ['if(x - 1, 5x, 7y)', 1, 1, 7, [0, 7]], // 0 condition takes the else branch
    ['floor(x) + ceil(y)', 1.5, 1.5, 3, [0, 0]],
    ['clamp(x, y, 3)', 1, 1, 1, [1, 0]], // at the lower bound: the gradient goes to u
    ['clamp(x, y, 3)', 0, 1, 1, [0, 1]],
    ['hypot(x, y)', 0, 0, 0, [NaN, NaN]], // a/hypot at the origin, as PyTorch
  ];
  for (const [src, x, y, v, g] of cases) {
    it(`${src} at (${x}, ${y}): value ${v}, gradient [${g}]`, () => {
      const r = at(src, x, y);
      assert.ok(Object.is(r.value, v), `value ${r.value}`);
      assert.deepEqual(r.grad, g);
    });
  }
});
