// Surface sampling in a worker thread, with the worker bundled from its
// source as esbuild.mjs bundles it, so the test needs no prior build.

import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CANCELLED, SurfaceSampler } from '../../../src/host/surfaceSampler';
import type { Surface } from '../../../src/shared/protocol';
import { extensionWithWorker } from './workerBundle';

describe('surface sampler (worker thread)', function () {
  this.timeout(60_000);
  let dir: string;
  let workerPath: string;
  let sampler: SurfaceSampler;

  before(async () => {
    dir = await extensionWithWorker();
    workerPath = join(dir, 'dist', 'surfaceWorker.js');
  });
  beforeEach(() => (sampler = new SurfaceSampler(workerPath)));
  afterEach(() => sampler.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('samples the grid of the design: heights[j·n + i] = loss(x_i, y_j), both ends included', async () => {
    const surface = (await sampler.sample('loss = x + 10 y', { x: [0, 3], y: [-30, 0] }, 4)) as Surface;
    assert.notEqual(surface, CANCELLED);
    // x_i = 0, 1, 2, 3 and y_j = -30, -20, -10, 0.
    const expected: number[] = [];
    for (const y of [-30, -20, -10, 0]) for (const x of [0, 1, 2, 3]) expected.push(x + 10 * y);
    assert.deepEqual([...surface.heights], expected);
    assert.equal(surface.resolution, 4);
    assert.equal(surface.min, -300);
    assert.equal(surface.max, 3);
    assert.equal(surface.nonFinite, 0);
  });

  it('counts non-finite samples and stores them as NaN', async () => {
    const surface = (await sampler.sample('loss = log(x)', { x: [-1, 1], y: [0, 1] }, 3)) as Surface;
    // x = -1 (NaN), 0 (-Infinity), 1 (0) on each of the 3 rows.
    assert.equal(surface.nonFinite, 6);
    assert.ok(Number.isNaN(surface.heights[0]) && Number.isNaN(surface.heights[1]));
    assert.equal(surface.heights[2], 0);
  });

  it('a newer job cancels the running one; the newer one still completes', async () => {
    const slow = 'loss = sin(x) cos(y) + exp(-x^2) log1p(y^2) + hypot(x, y, x y)';
    const first = sampler.sample(slow, { x: [-2, 2], y: [-2, 2] }, 1024);
    const second = sampler.sample('loss = x', { x: [0, 1], y: [0, 1] }, 2);
    assert.equal(await first, CANCELLED);
    const surface = (await second) as Surface;
    assert.deepEqual([...surface.heights], [0, 1, 0, 1]);
  });

  it('reports a source with no loss as an error, and keeps working afterwards', async () => {
    await assert.rejects(sampler.sample('# nothing', { x: [0, 1], y: [0, 1] }, 2), /no loss/);
    const surface = (await sampler.sample('loss = y', { x: [0, 1], y: [0, 1] }, 2)) as Surface;
    assert.deepEqual([...surface.heights], [0, 0, 1, 1]);
  });

  it('dispose cancels the running job', async () => {
    const job = sampler.sample('loss = x', { x: [0, 1], y: [0, 1] }, 512);
    sampler.dispose();
    assert.equal(await job, CANCELLED);
  });
});
