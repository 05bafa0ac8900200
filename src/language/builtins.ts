// The built-in functions and constants of the `.loss` language, as users see
// them: arity for checking calls, and the signature and doc shown on hover and
// in completion. Their values and derivatives are defined in ops.ts.

export interface Builtin {
  name: string;
  minArgs: number;
  /** Infinity for variadic functions. */
  maxArgs: number;
  /** e.g. 'atan2(y, x)' */
  signature: string;
  /** One or two sentences, including the gradient convention at kinks. */
  doc: string;
}

function fn(signature: string, doc: string, maxArgs?: number): Builtin {
  const name = signature.slice(0, signature.indexOf('('));
  const inner = signature.slice(name.length + 1, -1);
  const variadic = inner.includes('...');
  const count = inner === '' ? 0 : inner.split(',').length;
  const minArgs = variadic ? 1 : count;
  return { name, minArgs, maxArgs: maxArgs ?? (variadic ? Infinity : count), signature, doc };
}

export const BUILTINS: readonly Builtin[] = [
  fn('sin(u)', 'Sine of u (radians).'),
  fn('cos(u)', 'Cosine of u (radians).'),
  fn('tan(u)', 'Tangent of u (radians).'),
  fn('asin(u)', 'Arcsine of u, in [-π/2, π/2]; NaN outside [-1, 1].'),
  fn('acos(u)', 'Arccosine of u, in [0, π]; NaN outside [-1, 1].'),
  fn('atan(u)', 'Arctangent of u, in (-π/2, π/2).'),
  fn('atan2(y, x)', 'Angle of the point (x, y) from the positive x axis, in [-π, π]. Note the order: y first.'),
  fn('sinh(u)', 'Hyperbolic sine of u.'),
  fn('cosh(u)', 'Hyperbolic cosine of u.'),
  fn('tanh(u)', 'Hyperbolic tangent of u.'),
  fn('exp(u)', 'e to the power u.'),
  fn('log(u)', 'Natural logarithm of u (same as ln); -Infinity at 0, NaN below.'),
  fn('ln(u)', 'Natural logarithm of u (same as log); -Infinity at 0, NaN below.'),
  fn('log2(u)', 'Base-2 logarithm of u.'),
  fn('log10(u)', 'Base-10 logarithm of u.'),
  fn('log1p(u)', 'log(1 + u), accurate for small u.'),
  fn('expm1(u)', 'exp(u) - 1, accurate for small u.'),
  fn('sqrt(u)', 'Square root of u; its derivative is Infinity at 0.'),
  fn('cbrt(u)', 'Cube root of u (negative for negative u).'),
  fn('abs(u)', 'Absolute value |u|. Gradient at 0 is 0, as in PyTorch.'),
  fn('sign(u)', 'Sign of u: -1, 0 or 1. Its gradient is 0 everywhere, as in PyTorch.'),
  fn('floor(u)', 'Largest integer ≤ u. Its gradient is 0 everywhere, as in PyTorch.'),
  fn('ceil(u)', 'Smallest integer ≥ u. Its gradient is 0 everywhere, as in PyTorch.'),
  fn('round(u)', 'Nearest integer, halves to even (2.5 → 2), as torch.round. Its gradient is 0 everywhere.'),
  fn('min(a, ...)', 'Smallest argument. The whole gradient goes to the first argument attaining the minimum.'),
  fn('max(a, ...)', 'Largest argument. The whole gradient goes to the first argument attaining the maximum.'),
  fn('pow(a, b)', 'a to the power b, the same as a^b.'),
  fn('hypot(a, ...)', 'sqrt(a² + b² + ...) without overflow; its gradient is a/hypot(...) per argument (NaN at 0, as in PyTorch).'),
  fn('mod(a, b)', 'a − b·floor(a/b): the result has the sign of b, as Python\'s %. Gradient 1 for a, −floor(a/b) for b.'),
  fn('clamp(u, lo, hi)', 'u limited to [lo, hi]. Gradient goes to u inside the range (bounds included), to lo below it and to hi above it.'),
  fn('sigmoid(u)', 'Logistic function 1 / (1 + e^−u).'),
  fn('softplus(u)', 'log(1 + e^u), a smooth relu (u itself above 20, as PyTorch).'),
  fn('relu(u)', 'max(u, 0). Gradient at 0 is 0, as in PyTorch.'),
  fn('if(cond, a, b)', 'a when cond is neither 0 nor NaN, else b. Only the branch taken is differentiated; cond has no gradient.'),
];

export const CONSTANTS: readonly { name: string; value: number; doc: string }[] = [
  { name: 'pi', value: Math.PI, doc: 'π, the ratio of a circle\'s circumference to its diameter.' },
  { name: 'e', value: Math.E, doc: 'Euler\'s number, the base of the natural logarithm.' },
  { name: 'tau', value: 2 * Math.PI, doc: 'τ = 2π, one full turn in radians.' },
];

/** Built-ins by name; a Map, so names like `constructor` are simply absent. */
export const BUILTIN_BY_NAME: ReadonlyMap<string, Builtin> = new Map(BUILTINS.map((b) => [b.name, b]));
export const CONSTANT_BY_NAME: ReadonlyMap<string, { name: string; value: number; doc: string }> = new Map(
  CONSTANTS.map((c) => [c.name, c]),
);
