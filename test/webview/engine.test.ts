// The webview fed what the extension host really sends: files compiled and
// simulated by the engine and packed by the host's own scene builder, so a
// drift between what the engine produces and what the webview draws shows
// up here. Expected counts come from the engine's runs as sent.

import * as assert from 'node:assert/strict';
import { engineScene } from './engineScene';
import { Harness } from './harness';
import { decodePng, distinctColours, pixel } from './png';

const rosenbrock = `# Rosenbrock's banana valley, noisy SGD so restarts kick the runs
@domain x: [-2, 2], y: [-1, 3]
@start (-1.5, 2.5)
@start (1.5, -0.5)
@set schedule.etaMax = 0.001
@set schedule.t0 = 40
@set simulation.steps = 300
@set simulation.gradientNoise = 2
loss = (1 - x)^2 + 100 (y - x^2)^2
`;

describe('webview: scenes from the real engine', function () {
  let h: Harness;

  before(async () => {
    h = await Harness.open();
  });

  after(async () => {
    if (h) await h.close();
  });

  it('draws a simulated Rosenbrock scene with one restart marker per restart of its runs', async () => {
    const scene = engineScene(rosenbrock, 160);
    const restarts = scene.runs.reduce((n, r) => n + r.restarts.length, 0);
    assert.ok(restarts > 0, 'the SGDR runs restart');
    const rendered = await h.showScene(scene);
    assert.equal(rendered.restarts, restarts);
    assert.equal(rendered.runs, scene.runs.length);
    assert.equal(rendered.vertices, 160 * 160);
    await h.page.locator('#scrub').fill('125');
    await h.call('nextFrames');
    const image = decodePng(await h.canvasShot('engine-rosenbrock'));
    assert.ok(distinctColours(image) > 300);
    await h.pageShot('page-engine-rosenbrock');
    // The readouts show the engine's numbers at the playhead.
    const loss = Number(await h.text('#legend tbody tr:nth-child(1) td:nth-child(4)'));
    const expected = scene.runs[0].points[3 * 125 + 2];
    assert.ok(Math.abs(loss - expected) <= 1e-3 * Math.abs(expected), `${loss} vs ${expected}`);
  });

  it('leaves the part of the domain where the loss is not finite empty', async () => {
    // sqrt(x) is NaN for x < 0: the left half of the domain is a hole.
    const half = engineScene('@domain x: [-1, 1], y: [-1, 1]\n@start (0.5, 0.5)\nloss = sqrt(x) + y^2\n', 64, 2);
    assert.equal(half.surface.nonFinite, 32 * 64); // x_i = -1 + 2i/63 < 0 for i = 0..31
    await h.showScene(half);
    await h.page.locator('#top-view').click();
    await h.call('nextFrames');
    const image = decodePng(await h.canvasShot('engine-sqrt-hole'));
    const y = image.height >> 1;
    const background = pixel(image, 2, 2);
    // A quarter of the way across the box from the left is inside the hole; three quarters is on the surface.
    const boxHalf = image.height * 0.3;
    assert.deepEqual(pixel(image, Math.round(image.width / 2 - boxHalf / 2), y), background);
    assert.notDeepEqual(pixel(image, Math.round(image.width / 2 + boxHalf / 2), y), background);
  });
});
