import * as assert from 'node:assert/strict';

/**
 * Asserts |actual − expected| ≤ tolerance·max(|expected|, scale), elementwise
 * for arrays: relative for large values, and relative to `scale` (the size of
 * the quantities in play) near zero, where a relative error means nothing.
 */
export function assertClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tolerance: number,
  what = '',
  scale = 1e-300,
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  assert.equal(a.length, e.length, `${what} length`);
  for (let i = 0; i < e.length; i++) {
    const limit = tolerance * Math.max(Math.abs(e[i]), scale);
    if (!(Math.abs(a[i] - e[i]) <= limit)) {
      assert.fail(`${what}[${i}]: ${a[i]} is not within ${tolerance} (relative) of ${e[i]}`);
    }
  }
}
