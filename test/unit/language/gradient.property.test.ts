// Property: on random smooth expressions at random points, the exact
// gradient agrees with a central difference. (The test may use finite
// differences; the product never does.)
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { compile } from '../../../src/language/compile';

// Smooth, bounded building blocks, so values stay moderate and the central difference is accurate.
const leaf = fc.oneof(fc.constant('x'), fc.constant('y'), fc.integer({ min: 1, max: 3 }).map(String));
const expr = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})(${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a} / (2 + cos(${b}))`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'sigmoid', 'softplus'), tie('e')).map(([f, a]) => `${f}(${a})`),
    tie('e').map((a) => `exp(tanh(${a}))`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `log(2 + sin(${a}))`),
    tie('e').map((a) => `hypot(${a}, 1)`),
    tie('e').map((a) => `tanh(${a})^3`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `atan2(${a}, 2 + sin(${b}))`),
  ),
}));

describe('language: gradient property', () => {
  it('matches central differences at random smooth points', () => {
    const coord = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(expr.e, coord, coord, (source, x, y) => {
        const { loss, diagnostics } = compile(`${source} + 0*x*y`);
        assert.ok(loss, `${source}: ${JSON.stringify(diagnostics)}`);
        const g = new Float64Array(2);
        loss.valueAndGradient(x, y, g);
        const h = 1e-5;
        const dx = (loss.value(x + h, y) - loss.value(x - h, y)) / (2 * h);
        const dy = (loss.value(x, y + h) - loss.value(x, y - h)) / (2 * h);
        const scale = 1 + Math.abs(loss.value(x, y));
        assert.ok(Math.abs(g[0] - dx) <= 1e-5 * (scale + Math.abs(dx)), `d/dx of ${source} at (${x}, ${y}): ${g[0]} vs ${dx}`);
        assert.ok(Math.abs(g[1] - dy) <= 1e-5 * (scale + Math.abs(dy)), `d/dy of ${source} at (${x}, ${y}): ${g[1]} vs ${dy}`);
      }),
      { numRuns: 300, seed: 20170424 },
    );
  });
});
