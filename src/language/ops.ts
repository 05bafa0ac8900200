// The operations of the compiled graph: for each, its value as a JavaScript
// expression and its local derivatives (the reverse-mode rule, beside the
// forward one, as in micrograd). The derivative rules follow PyTorch's
// autograd formulas (tools/autograd/derivatives.yaml), including its choices
// at kinks. Argument strings are always compiler-chosen variable names or
// numeric literals, never text from the user's file.

export type OpName =
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow' | 'square'
  | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne'
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'atan2'
  | 'sinh' | 'cosh' | 'tanh' | 'exp' | 'log' | 'log2' | 'log10' | 'log1p' | 'expm1'
  | 'sqrt' | 'cbrt' | 'abs' | 'sign' | 'floor' | 'ceil' | 'round'
  | 'min' | 'max' | 'hypot' | 'mod' | 'clamp' | 'sigmoid' | 'softplus' | 'relu' | 'if';

/**
 * One term of the backward sweep: `adjoint[arg] += expr`, only `when` the
 * condition holds (for operations that select one of their arguments).
 */
export interface Contribution {
  arg: number;
  expr: string;
  when?: string;
}

export interface OpSpec {
  /** Number of arguments; -1 for any number (at least one). */
  arity: number;
  forward(a: readonly string[]): string;
  /**
   * Terms adding this node's adjoint `g` to its arguments' adjoints, given the
   * node's value `out`. Absent for operations with zero gradient everywhere
   * (comparisons, floor, ceil, round, sign), which then pass nothing back.
   */
  backward?(g: string, out: string, a: readonly string[]): Contribution[];
}

const unary = (f: (u: string) => string, d?: (g: string, out: string, u: string) => string): OpSpec => ({
  arity: 1,
  forward: (a) => f(a[0]),
  backward: d && ((g, out, a) => [{ arg: 0, expr: d(g, out, a[0]) }]),
});

const comparison = (op: string): OpSpec => ({ arity: 2, forward: (a) => `(${a[0]} ${op} ${a[1]} ? 1 : 0)` });

export const OPS: Readonly<Record<OpName, OpSpec>> = {
  add: { arity: 2, forward: (a) => `(${a[0]} + ${a[1]})`, backward: (g) => [{ arg: 0, expr: g }, { arg: 1, expr: g }] },
  sub: { arity: 2, forward: (a) => `(${a[0]} - ${a[1]})`, backward: (g) => [{ arg: 0, expr: g }, { arg: 1, expr: `-${g}` }] },
  mul: {
    arity: 2,
    forward: (a) => `(${a[0]} * ${a[1]})`,
    backward: (g, _, a) => [{ arg: 0, expr: `${g} * ${a[1]}` }, { arg: 1, expr: `${g} * ${a[0]}` }],
  },
  // d(a/b)/da = 1/b, d(a/b)/db = -a/b²
  div: {
    arity: 2,
    forward: (a) => `(${a[0]} / ${a[1]})`,
    backward: (g, _, a) => [{ arg: 0, expr: `${g} / ${a[1]}` }, { arg: 1, expr: `-${g} * ${a[0]} / (${a[1]} * ${a[1]})` }],
  },
  neg: unary((u) => `(-${u})`, (g) => `-${g}`),
  // d(a^b)/da = b·a^(b-1), taken as 0 when b = 0; d(a^b)/db = a^b·ln a, taken as 0 when a = 0 and b >= 0 (PyTorch's pow_backward).
  pow: {
    arity: 2,
    forward: (a) => `Math.pow(${a[0]}, ${a[1]})`,
    backward: (g, out, a) => [
      { arg: 0, expr: `(${a[1]} === 0 ? 0 : ${g} * ${a[1]} * Math.pow(${a[0]}, ${a[1]} - 1))` },
      { arg: 1, expr: `((${a[0]} === 0 && ${a[1]} >= 0) ? 0 : ${g} * ${out} * Math.log(${a[0]}))` },
    ],
  },
  // u^2, the commonest power, as a product: d(u²)/du = 2u.
  square: unary((u) => `(${u} * ${u})`, (g, _, u) => `${g} * 2 * ${u}`),
  lt: comparison('<'),
  le: comparison('<='),
  gt: comparison('>'),
  ge: comparison('>='),
  eq: comparison('==='),
  ne: comparison('!=='),
  sin: unary((u) => `Math.sin(${u})`, (g, _, u) => `${g} * Math.cos(${u})`),
  cos: unary((u) => `Math.cos(${u})`, (g, _, u) => `-${g} * Math.sin(${u})`),
  // d tan u = 1 + tan²u
  tan: unary((u) => `Math.tan(${u})`, (g, out) => `${g} * (1 + ${out} * ${out})`),
  // d asin u = 1/sqrt(1 - u²), d acos u = -1/sqrt(1 - u²), d atan u = 1/(1 + u²)
  asin: unary((u) => `Math.asin(${u})`, (g, _, u) => `${g} / Math.sqrt(1 - ${u} * ${u})`),
  acos: unary((u) => `Math.acos(${u})`, (g, _, u) => `-${g} / Math.sqrt(1 - ${u} * ${u})`),
  atan: unary((u) => `Math.atan(${u})`, (g, _, u) => `${g} / (1 + ${u} * ${u})`),
  // d atan2(y, x) = (x dy - y dx) / (x² + y²)
  atan2: {
    arity: 2,
    forward: (a) => `Math.atan2(${a[0]}, ${a[1]})`,
    backward: (g, _, [y, x]) => [
      { arg: 0, expr: `${g} * ${x} / (${x} * ${x} + ${y} * ${y})` },
      { arg: 1, expr: `-${g} * ${y} / (${x} * ${x} + ${y} * ${y})` },
    ],
  },
  sinh: unary((u) => `Math.sinh(${u})`, (g, _, u) => `${g} * Math.cosh(${u})`),
  cosh: unary((u) => `Math.cosh(${u})`, (g, _, u) => `${g} * Math.sinh(${u})`),
  // d tanh u = 1 - tanh²u
  tanh: unary((u) => `Math.tanh(${u})`, (g, out) => `${g} * (1 - ${out} * ${out})`),
  exp: unary((u) => `Math.exp(${u})`, (g, out) => `${g} * ${out}`),
  log: unary((u) => `Math.log(${u})`, (g, _, u) => `${g} / ${u}`),
  log2: unary((u) => `Math.log2(${u})`, (g, _, u) => `${g} / (${u} * Math.LN2)`),
  log10: unary((u) => `Math.log10(${u})`, (g, _, u) => `${g} / (${u} * Math.LN10)`),
  log1p: unary((u) => `Math.log1p(${u})`, (g, _, u) => `${g} / (1 + ${u})`),
  expm1: unary((u) => `Math.expm1(${u})`, (g, out) => `${g} * (${out} + 1)`),
  // d sqrt u = 1/(2 sqrt u); d cbrt u = 1/(3 cbrt(u)²)
  sqrt: unary((u) => `Math.sqrt(${u})`, (g, out) => `${g} / (2 * ${out})`),
  cbrt: unary((u) => `Math.cbrt(${u})`, (g, out) => `${g} / (3 * ${out} * ${out})`),
  // d|u| = sign(u), 0 at 0 (PyTorch's sgn).
  abs: unary((u) => `Math.abs(${u})`, (g, _, u) => `${g} * Math.sign(${u})`),
  sign: unary((u) => `Math.sign(${u})`),
  floor: unary((u) => `Math.floor(${u})`),
  ceil: unary((u) => `Math.ceil(${u})`),
  // Half to even, as torch.round: Math.round rounds halves up, so step back from an odd result.
  round: unary((u) => `((Math.round(${u}) - ${u} === 0.5 && Math.round(${u}) % 2 !== 0) ? Math.round(${u}) - 1 : Math.round(${u}))`),
  // Binary min/max (the variadic built-ins are chains of these, left to right). The gradient goes
  // to b only when b is strictly better, so ties go to the first argument (torch.where(b < a, b, a)).
  min: {
    arity: 2,
    forward: (a) => `Math.min(${a[0]}, ${a[1]})`,
    backward: (g, _, a) => [
      { arg: 0, expr: g, when: `!(${a[1]} < ${a[0]})` },
      { arg: 1, expr: g, when: `${a[1]} < ${a[0]}` },
    ],
  },
  max: {
    arity: 2,
    forward: (a) => `Math.max(${a[0]}, ${a[1]})`,
    backward: (g, _, a) => [
      { arg: 0, expr: g, when: `!(${a[1]} > ${a[0]})` },
      { arg: 1, expr: g, when: `${a[1]} > ${a[0]}` },
    ],
  },
  // d hypot = a_i / hypot (NaN at the origin, as PyTorch).
  hypot: {
    arity: -1,
    forward: (a) => `Math.hypot(${a.join(', ')})`,
    backward: (g, out, a) => a.map((u, arg) => ({ arg, expr: `${g} * ${u} / ${out}` })),
  },
  // mod(a, b) = a - b·floor(a/b): d/da = 1, d/db = -floor(a/b) (PyTorch's remainder).
  mod: {
    arity: 2,
    forward: (a) => `(${a[0]} - ${a[1]} * Math.floor(${a[0]} / ${a[1]}))`,
    backward: (g, _, a) => [{ arg: 0, expr: g }, { arg: 1, expr: `-${g} * Math.floor(${a[0]} / ${a[1]})` }],
  },
  // PyTorch's clamp with tensor bounds: u inside [lo, hi] (bounds included) gets the gradient, else the bound crossed.
  clamp: {
    arity: 3,
    forward: ([u, lo, hi]) => `Math.min(Math.max(${u}, ${lo}), ${hi})`,
    backward: (g, _, [u, lo, hi]) => [
      { arg: 0, expr: g, when: `${u} >= ${lo} && ${u} <= ${hi}` },
      { arg: 1, expr: g, when: `${u} < ${lo}` },
      { arg: 2, expr: g, when: `${u} > ${hi}` },
    ],
  },
  // d sigmoid = sigmoid·(1 - sigmoid)
  sigmoid: unary((u) => `(1 / (1 + Math.exp(-${u})))`, (g, out) => `${g} * (1 - ${out}) * ${out}`),
  // PyTorch's softplus (beta 1, threshold 20): u itself above 20; d = e^u / (e^u + 1).
  softplus: unary(
    (u) => `(${u} > 20 ? ${u} : Math.log1p(Math.exp(${u})))`,
    (g, _, u) => `(${u} > 20 ? ${g} : ${g} * Math.exp(${u}) / (Math.exp(${u}) + 1))`,
  ),
  relu: {
    arity: 1,
    forward: (a) => `Math.max(${a[0]}, 0)`,
    backward: (g, _, a) => [{ arg: 0, expr: g, when: `${a[0]} > 0` }],
  },
  // if(c, a, b): a when c is neither 0 nor NaN. Only the branch taken is differentiated.
  if: {
    arity: 3,
    forward: ([c, a, b]) => `((${c} !== 0 && ${c} === ${c}) ? ${a} : ${b})`,
    backward: (g, _, [c]) => [
      { arg: 1, expr: g, when: `${c} !== 0 && ${c} === ${c}` },
      { arg: 2, expr: g, when: `!(${c} !== 0 && ${c} === ${c})` },
    ],
  },
};

/** Does this operation route its adjoint to one argument by a condition? Nodes below it may get no gradient at all. */
export function selects(op: OpName): boolean {
  return op === 'min' || op === 'max' || op === 'clamp' || op === 'relu' || op === 'if';
}

/** A JavaScript literal for a number, exact (String round-trips float64) and safe to splice into an expression. */
export function literal(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (v === Infinity) return '(1 / 0)';
  if (v === -Infinity) return '(-1 / 0)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

const evaluators = new Map<string, (...args: number[]) => number>();

/**
 * The value of an operation on numbers, used for constant folding. It is
 * compiled from the same forward expression as the generated code (built
 * only from this table, never from user text), so folded and run-time
 * results agree to the bit.
 */
export function evaluate(op: OpName, args: readonly number[]): number {
  const key = `${op}/${args.length}`;
  let f = evaluators.get(key);
  if (!f) {
    const names = args.map((_, i) => `a${i}`);
    f = new Function(...names, `"use strict"; return ${OPS[op].forward(names)};`) as (...xs: number[]) => number;
    evaluators.set(key, f);
  }
  return f(...args);
}
