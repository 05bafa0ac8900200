import * as assert from 'node:assert/strict';
import { sampleSurface } from '../../../src/engine/surface';

const domain = { x: [-1, 2] as [number, number], y: [0, 4] as [number, number] };

describe('sampleSurface', () => {
  it('samples row-major with y outer, including both ends of each range', () => {
    const s = sampleSurface({ value: (x, y) => 10 * x + y }, domain, 4);
    // x = −1, 0, 1, 2; y = 0, 4/3, 8/3, 4.
    assert.equal(s.heights.length, 16);
    assert.equal(s.heights[0], -10);
    assert.equal(s.heights[3], 20);
    assert.equal(s.heights[4], Math.fround(-10 + 4 / 3));
    assert.equal(s.heights[15], 24);
    assert.equal(s.heights[2 * 4 + 1], Math.fround(8 / 3));
    assert.equal(s.min, -10);
    assert.equal(s.max, 24);
    assert.equal(s.nonFinite, 0);
  });

  it('stores non-finite samples as NaN, counts them and leaves them out of min and max', () => {
    // log(x) is NaN for x < 0, −Infinity at 0; 1e39 overflows float32.
    const s = sampleSurface({ value: (x, y) => (y > 3 ? 1e39 : Math.log(x)) }, domain, 4);
    // Rows y = 0, 4/3, 8/3: x = −1 NaN, x = 0 −Infinity, x = 1 → 0, x = 2 → ln 2. Row y = 4: all 1e39.
    assert.equal(s.nonFinite, 3 * 2 + 4);
    assert.ok(Number.isNaN(s.heights[0]) && Number.isNaN(s.heights[1]) && Number.isNaN(s.heights[12]));
    assert.equal(s.min, 0);
    assert.equal(s.max, Math.fround(Math.LN2));
  });

  it('reports NaN extremes when nothing is finite', () => {
    const s = sampleSurface({ value: () => NaN }, domain, 16);
    assert.equal(s.nonFinite, 256);
    assert.ok(Number.isNaN(s.min) && Number.isNaN(s.max));
  });
});
