// The preview webview in headless Chromium (WebGL on SwiftShader), in a
// page built by the same previewHtml() as the real panel, fed the messages
// the host sends. Assertions are on pixels, posted messages and readouts;
// expected values come from the scene data computed in sceneData.ts.
// Screenshots land in test-output/webview/ for people to look at.

import * as assert from 'node:assert/strict';
import type { RenderedMessage, WebviewMessage } from '../../src/shared/protocol';
import { Harness } from './harness';
import { decodePng, differingFraction, distinctColours, isPng, pixel, type Image } from './png';
import { makeScene, SGDR, STEPS } from './sceneData';

function restartsIn(scene: ReturnType<typeof makeScene>): number {
  return scene.runs.reduce((n, r) => n + r.restarts.length, 0);
}

async function seek(h: Harness, step: number): Promise<void> {
  await h.page.locator('#scrub').fill(String(step));
  await nextFrames(h);
}

/** Waits two animation frames, so a requested render has reached the screen. */
async function nextFrames(h: Harness): Promise<void> {
  await h.call('nextFrames');
}

async function stepReadout(h: Harness): Promise<number> {
  return Number((await h.text('#readout-step')).split('/')[0]);
}

async function canvasImage(h: Harness, name?: string): Promise<Image> {
  return decodePng(await h.canvasShot(name));
}

/** Numbers in a readout cell of the legend, row `run` (0-based), column `column`. */
async function cell(h: Harness, run: number, column: 'η' | 'loss' | 'position' | 'cycle'): Promise<string> {
  const index = { η: 3, loss: 4, position: 5, cycle: 6 }[column];
  return h.text(`#legend tbody tr:nth-child(${run + 1}) td:nth-child(${index})`);
}

/** Asks for the picture as the host's export command does, and decodes the PNG the webview sends back. */
async function exportImage(h: Harness, requestId: number): Promise<Image> {
  const before = (await h.posted()).length;
  await h.send({ type: 'requestImage', requestId });
  const reply = await h.waitForPosted((m) => (m.type === 'image' || m.type === 'imageError') && m.requestId === requestId, before);
  assert.equal(reply.type, 'image', JSON.stringify(reply));
  const png = (reply as WebviewMessage & { type: 'image' }).png;
  assert.ok(isPng(png));
  return decodePng(png);
}

function close(actual: number, expected: number, relative: number): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-12);
}

describe('webview: preview in headless Chromium', function () {
  let h: Harness;
  let rendered: RenderedMessage;
  const scene = makeScene({ runs: 2, compare: true });

  before(async () => {
    h = await Harness.open();
    rendered = await h.showScene(scene);
  });

  after(async () => {
    if (h) await h.close();
  });

  it('says it is ready, then reports the scene it drew', async () => {
    const posted = await h.posted();
    assert.equal(posted[0].type, 'ready');
    assert.deepEqual(rendered, {
      type: 'rendered',
      revision: 1,
      runs: 3,
      restarts: restartsIn(scene),
      vertices: 128 * 128,
      resolution: 128,
    });
  });

  it('draws the surface: the 3D view has many colours, and not only the background', async () => {
    const image = await canvasImage(h, 'initial-dark');
    assert.ok(distinctColours(image) > 300, `only ${distinctColours(image)} colours`);
    const [r, g, b] = pixel(image, 2, 2);
    let surface = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      if (Math.abs(image.data[i] - r) + Math.abs(image.data[i + 1] - g) + Math.abs(image.data[i + 2] - b) > 30) surface++;
    }
    const covered = surface / (image.width * image.height);
    assert.ok(covered > 0.1, `only ${(covered * 100).toFixed(1)}% of the view differs from the background`);
  });

  it('draws one restart marker per restart sent, for every scene', async () => {
    assert.equal(rendered.restarts, 2 * 3); // SGDR restarts at 50, 150 and 350 in each of the two SGDR runs; none for constant
    const four = makeScene({ revision: 2, runs: 4 });
    const r = await h.showScene(four);
    assert.equal(r.restarts, 4 * 3);
    assert.equal(r.runs, 4);
    rendered = await h.showScene({ ...scene, revision: 3 });
    assert.equal(rendered.restarts, 6);
  });

  it('keeps the camera and playhead when the same scene comes again', async () => {
    await seek(h, 60);
    const before = await canvasImage(h);
    rendered = await h.showScene({ ...scene, revision: 10 });
    await h.call('nextFrames');
    assert.equal(differingFraction(before, await canvasImage(h), 2), 0);
    assert.equal(await stepReadout(h), 60);
  });

  it('redraws a new surface of the same resolution, holes included (buffers rewritten in place)', async () => {
    await h.page.locator('#top-view').click();
    await h.call('nextFrames');
    const centre = async () => {
      const image = await canvasImage(h);
      return pixel(image, image.width >> 1, image.height >> 1);
    };
    const solid = await centre();
    assert.notDeepEqual(solid, [0x1e, 0x1e, 0x1e]);
    await h.showScene(makeScene({ revision: 11, runs: 2, compare: true, hole: { x: 0, y: 0, r: 1.5 } }));
    assert.deepEqual(await centre(), [0x1e, 0x1e, 0x1e]);
    await h.canvasShot('same-resolution-hole');
    rendered = await h.showScene({ ...scene, revision: 12 });
    assert.deepEqual(await centre(), solid);
    await h.page.locator('#reset-view').click();
  });

  it('steps and scrubs to exactly the step asked for, and the readouts follow', async () => {
    await seek(h, 0);
    await h.page.locator('#step-forward').click();
    await h.page.locator('#step-forward').click();
    await h.page.locator('#step-forward').click();
    assert.equal(await stepReadout(h), 3);
    await h.page.locator('#step-back').click();
    assert.equal(await stepReadout(h), 2);

    await seek(h, 200);
    assert.equal(await stepReadout(h), 200);
    const run = scene.runs[0];
    // η(200): cycle 3 began at 150 and lasts 200 steps, so η = ½η_max(1 + cos(π·50/200)).
    const eta = 0.5 * SGDR.etaMax * (1 + Math.cos(Math.PI * 0.25));
    assert.ok(close(Number(await cell(h, 0, 'η')), eta, 1e-3));
    assert.ok(close(Number(await cell(h, 0, 'loss')), run.points[3 * 200 + 2], 1e-3));
    assert.equal(await cell(h, 0, 'cycle'), '3');
    const [x, y] = (await cell(h, 0, 'position')).match(/-?[\d.e-]+/g)!.map(Number);
    assert.ok(close(x, run.points[600], 1e-3) && close(y, run.points[601], 1e-3));
    await seek(h, 49);
    assert.equal(await cell(h, 0, 'cycle'), '1');
    await seek(h, 50);
    assert.equal(await cell(h, 0, 'cycle'), '2');
  });

  it('moves the head while playing and stops when paused', async () => {
    await seek(h, 0);
    const still = await canvasImage(h);
    await h.page.locator('#play').click();
    await h.page.waitForTimeout(600);
    const moving = await canvasImage(h, 'playing');
    const playedTo = await stepReadout(h);
    assert.ok(playedTo > 5, `only reached step ${playedTo}`);
    assert.ok(differingFraction(still, moving) > 0.001, 'the picture did not change while playing');

    await h.page.locator('#play').click(); // pause
    const pausedAt = await stepReadout(h);
    const a = await canvasImage(h);
    await h.page.waitForTimeout(400);
    assert.equal(await stepReadout(h), pausedAt);
    const b = await canvasImage(h);
    assert.equal(differingFraction(a, b, 2), 0, 'the picture changed while paused');
    assert.ok(pausedAt < STEPS);
  });

  it('makes a restart stand out: crossing one changes the picture far more than two ordinary steps', async () => {
    const picture = async (step: number, name?: string) => {
      await seek(h, step);
      return canvasImage(h, name);
    };
    // Two steps mid-cycle (140 → 142) against two steps across the restart at 150 (149 → 151).
    const ordinary = differingFraction(await picture(140), await picture(142));
    const across = differingFraction(await picture(149, 'restart-before'), await picture(151, 'restart-after'));
    assert.ok(across > 3 * ordinary, `across the restart ${across}, ordinary ${ordinary}`);
  });

  it('keyboard: Space plays and pauses, arrows step, when the view has focus', async () => {
    await seek(h, 10);
    await h.page.locator('#view canvas').focus();
    await h.page.keyboard.press('Space');
    await h.page.waitForTimeout(500);
    await h.page.keyboard.press('Space');
    const played = await stepReadout(h);
    assert.ok(played > 10, `Space did not play (step ${played})`);
    await seek(h, 10);
    await h.page.locator('#view canvas').focus();
    await h.page.keyboard.press('ArrowRight');
    await h.page.keyboard.press('ArrowRight');
    assert.equal(await stepReadout(h), 12);
    await h.page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await stepReadout(h), 2);
  });

  it('draws both charts, each with a playhead line', async () => {
    for (const id of ['#chart-lr', '#chart-loss']) {
      const image = decodePng(await h.page.locator(`${id} canvas`).screenshot());
      assert.ok(distinctColours(image) > 10, `${id} looks empty`);
      assert.equal(await h.page.locator(`${id} .playhead`).count(), 1);
    }
    await h.page.locator('#chart-lr').screenshot({ path: 'test-output/webview/chart-lr.png' });
  });

  it('moves the charts\' playhead lines with the step, in proportion', async () => {
    const x = async () => (await h.page.locator('#chart-lr .playhead').boundingBox())!.x;
    await seek(h, 0);
    const at0 = await x();
    await seek(h, 175);
    const atHalf = await x();
    await seek(h, 350);
    const atEnd = await x();
    assert.ok(at0 < atHalf && atHalf < atEnd);
    // The x scale is linear in the step: half way in steps is half way in pixels.
    assert.ok(Math.abs(atHalf - (at0 + atEnd) / 2) <= 1, `${at0}, ${atHalf}, ${atEnd}`);
    // Charts are rebuilt on a theme change or a log switch; the playhead stays put.
    await h.page.locator('#log-loss').click();
    await h.page.locator('#chart-loss .u-title', { hasText: 'loss (log scale)' }).waitFor();
    await h.call('nextFrames');
    // At the last step the line sits on the right edge of the plotting area.
    const over = (await h.page.locator('#chart-loss .u-over').boundingBox())!;
    const line = (await h.page.locator('#chart-loss .playhead').boundingBox())!;
    assert.ok(Math.abs(line.x - (over.x + over.width)) <= 1.5, `playhead at ${line.x}, plot ends at ${over.x + over.width}`);
    await h.page.locator('#log-loss').click();
  });

  it('switches the loss chart to a log scale and persists the choice', async () => {
    await h.page.locator('#log-loss').click();
    await h.page.locator('#chart-loss .u-title', { hasText: 'loss (log scale)' }).waitFor();
    await h.waitForState<{ logLossChart: boolean }>((state) => state.logLossChart);
    await h.page.locator('#log-loss').click();
  });

  it('follows a theme change live: the background changes', async () => {
    const dark = pixel(await canvasImage(h), 2, 2);
    assert.deepEqual(dark, [0x1e, 0x1e, 0x1e]);
    await h.setTheme('light');
    await h.page.waitForTimeout(150);
    const light = await canvasImage(h, 'light-theme');
    assert.deepEqual(pixel(light, 2, 2), [255, 255, 255]);
    await h.pageShot('page-light');
    await h.setTheme('high-contrast');
    await h.page.waitForTimeout(150);
    assert.deepEqual(pixel(await canvasImage(h, 'high-contrast'), 2, 2), [0, 0, 0]);
    await h.setTheme('dark');
    await h.page.waitForTimeout(150);
    assert.deepEqual(pixel(await canvasImage(h), 2, 2), [0x1e, 0x1e, 0x1e]);
  });

  it('rejects a malformed message with a logged reason and keeps working', async () => {
    const before = (await h.posted()).length;
    await h.send({ ...scene, revision: 'two' });
    const rejected = (await h.waitForPosted((m) => m.type === 'rejected', before)) as WebviewMessage & { type: 'rejected' };
    assert.equal(rejected.reason, 'revision: expected an integer in [0, 9007199254740991]');
    const bad = makeScene({ revision: 9 });
    await h.send({ ...bad, surface: { ...bad.surface, heights: new Float32Array(10) } });
    const second = (await h.waitForPosted((m) => m.type === 'rejected' && m.reason.includes('heights'), before)) as WebviewMessage & {
      type: 'rejected';
    };
    assert.match(second.reason, /surface\.heights: expected a Float32Array of length 16384/);
    await h.send({ type: 'launchMissiles' });
    await h.waitForPosted((m) => m.type === 'rejected' && m.reason.includes('launchMissiles'), before);
    const warnings = await h.harnessValue<string[]>('warnings');
    assert.ok(warnings.some((w) => w.includes('revision')));
    assert.ok(!(await h.posted()).slice(before).some((m) => m.type === 'rendered'));
    assert.deepEqual(h.errors, []);
  });

  it('draws a run that stopped at a non-finite loss, up to where it was', async () => {
    const base = makeScene({ revision: 13 });
    const run = base.runs[0];
    const n = 41; // stopped after 40 updates: its last point has loss Infinity, then NaN position
    const points = run.points.slice(0, 3 * n);
    points.set([NaN, NaN, Infinity], 3 * (n - 1));
    const stopped = { ...run, points, lr: run.lr.slice(0, n), grad: run.grad.slice(0, 2 * n), restarts: [], stopped: { step: 40, reason: 'the loss is not finite' } };
    const r = await h.showScene({ ...base, runs: [stopped, ...scene.runs] });
    assert.equal(r.runs, 4);
    await seek(h, 100);
    assert.equal(await cell(h, 0, 'loss'), 'Infinity');
    assert.ok(distinctColours(await canvasImage(h, 'stopped-run')) > 300);
    assert.deepEqual(h.errors, []);
    rendered = await h.showScene({ ...scene, revision: 14 });
  });

  it('draws a surface with no finite sample (all hole) without failing', async () => {
    const base = makeScene({ revision: 15 });
    const heights = new Float32Array(base.surface.heights.length).fill(NaN);
    const r = await h.showScene({ ...base, surface: { ...base.surface, heights, min: Infinity, max: -Infinity, nonFinite: heights.length } });
    assert.equal(r.vertices, 128 * 128);
    assert.deepEqual(h.errors, []);
    rendered = await h.showScene({ ...scene, revision: 16 });
  });

  it('on an error keeps the last picture and shows the message with its 1-based line', async () => {
    await seek(h, 30);
    const before = await exportImage(h, 100);
    await h.send({ type: 'error', revision: 4, message: "unknown name 'xy' (did you mean x*y?)", line: 3, column: 7, count: 2 });
    const banner = h.page.locator('#banner');
    await banner.waitFor({ state: 'visible' });
    assert.equal(await banner.textContent(), "Line 4: unknown name 'xy' (did you mean x*y?) (and 1 more)");
    await h.pageShot('error-banner');
    const after = await exportImage(h, 101);
    assert.equal(differingFraction(before, after, 2), 0, 'the picture changed on an error');
    rendered = await h.showScene({ ...scene, revision: 5 });
    assert.equal(await banner.isVisible(), false);
  });

  it('exports the picture as PNG bytes on request', async () => {
    const image = await exportImage(h, 7);
    const size = await h.call<number[]>('canvasSize');
    assert.deepEqual([image.width, image.height], size);
    assert.ok(distinctColours(image) > 300);
  });

  it('starts a run where the surface is clicked, and saves that start on request', async () => {
    await h.page.locator('#top-view').click();
    await h.page.waitForTimeout(100);
    const disabled = () => h.call<boolean>('isDisabled', 'save-start');
    assert.equal(await disabled(), true);
    const box = (await h.page.locator('#view canvas').boundingBox())!;
    const before = (await h.posted()).length;
    // Top view looks straight down at the domain's centre, (0, 0) for [-5, 5]²; the
    // surface there is about 170/890 of the way up, so perspective shifts it little.
    await h.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const start = (await h.waitForPosted((m) => m.type === 'startRun', before)) as WebviewMessage & { type: 'startRun' };
    assert.ok(Math.abs(start.x) < 0.3 && Math.abs(start.y) < 0.3, `clicked the centre, got (${start.x}, ${start.y})`);
    assert.equal(await disabled(), false);
    await h.page.locator('#save-start').click();
    const save = (await h.waitForPosted((m) => m.type === 'saveStart', before)) as WebviewMessage & { type: 'saveStart' };
    assert.deepEqual([save.x, save.y], [start.x, start.y]);

    const extra = makeScene({ runs: 4 }).runs[3];
    await h.send({ type: 'extraRun', run: { ...extra, extra: true, label: 'clicked' } });
    await h.page.locator('#legend tbody tr').nth(3).waitFor();
    await h.pageShot('top-view-extra-run');
  });

  it('a drag orbits the camera instead of starting a run', async () => {
    const box = (await h.page.locator('#view canvas').boundingBox())!;
    const before = (await h.posted()).length;
    const a = await canvasImage(h);
    await h.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await h.page.mouse.down();
    await h.page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 6 });
    await h.page.mouse.up();
    await h.page.waitForTimeout(100);
    assert.ok(differingFraction(a, await canvasImage(h)) > 0.05, 'the view did not orbit');
    assert.ok(!(await h.posted()).slice(before).some((m) => m.type === 'startRun'));
    await h.page.locator('#reset-view').click();
  });

  it('rebuilds the scene after the WebGL context is lost and restored', async () => {
    await seek(h, 120);
    const before = await canvasImage(h);
    await h.call('loseContext');
    await h.page.waitForFunction('__harness.contextLost()');
    // Nothing to export meanwhile: the host gets an error reply, not silence.
    const sent = (await h.posted()).length;
    await h.send({ type: 'requestImage', requestId: 8 });
    const reply = await h.waitForPosted((m) => m.type === 'imageError' && m.requestId === 8, sent);
    assert.match((reply as WebviewMessage & { type: 'imageError' }).message, /WebGL context is lost/);
    await h.call('restoreContext');
    await h.page.waitForFunction('!__harness.contextLost()');
    await h.page.waitForTimeout(200);
    const after = await canvasImage(h, 'after-context-restore');
    assert.ok(distinctColours(after) > 300, 'the view is blank after the context came back');
    assert.ok(differingFraction(before, after, 12) < 0.02, 'the restored picture differs from the one before');
    // And it still draws new scenes.
    const r = await h.showScene({ ...scene, revision: 6 });
    assert.equal(r.restarts, restartsIn(scene));
  });

  it('reported no Content Security Policy violation and no page error', async () => {
    assert.deepEqual(await h.harnessValue<string[]>('violations'), []);
    assert.deepEqual(h.errors, []);
  });
});

describe('webview: surfaces with holes, log scale and view state', function () {
  let h: Harness;

  before(async () => {
    h = await Harness.open({ theme: 'light' });
  });

  after(async () => {
    if (h) await h.close();
  });

  it('leaves a hole where the loss is not finite', async () => {
    const scene = makeScene({ resolution: 96, hole: { x: 0, y: 0, r: 1.5 } });
    assert.ok(scene.surface.nonFinite > 0);
    await h.showScene(scene);
    await h.page.locator('#top-view').click();
    await h.page.waitForTimeout(100);
    const image = await canvasImage(h, 'hole-top-view');
    // Straight down on the centre of the hole: the background shows through.
    assert.deepEqual(pixel(image, image.width >> 1, image.height >> 1), [255, 255, 255]);
    // Beside the hole, 3 units right of the centre (0.6 of the half-width), there is surface.
    const side = pixel(image, Math.round(image.width / 2 + 0.55 * (image.height / 2) * 0.6), image.height >> 1);
    assert.notDeepEqual(side, [255, 255, 255]);
  });

  it('draws a log-scale surface and a large one with four runs', async () => {
    const r = await h.showScene(makeScene({ revision: 2, resolution: 256, runs: 4, heightScale: 'log' }));
    assert.equal(r.vertices, 256 * 256);
    await h.page.locator('#reset-view').click();
    await seek(h, 160);
    const image = await canvasImage(h, 'log-256-four-runs');
    assert.ok(distinctColours(image) > 300);
    await h.pageShot('page-log-256-four-runs');
  });

  it('saves the camera and playhead, and restores them from init', async () => {
    await seek(h, 77);
    await h.page.locator('#top-view').click();
    const saved = await h.waitForState<{ camera: { position: number[] }; step: number; playing: boolean }>(
      (state) => state.step === 77 && state.camera.position[2] > 3,
    );
    assert.equal(saved.playing, false);

    // A reloaded page: the host sends init with the saved state, then the scene.
    await h.page.reload();
    await h.waitForPosted((m) => m.type === 'ready');
    await h.send({ type: 'init', state: { camera: saved.camera, step: 77, playing: false, logLossChart: true } });
    await h.showScene(makeScene({ revision: 1 }));
    assert.equal(await stepReadout(h), 77);
    assert.equal(await h.page.locator('#chart-loss .u-title').textContent(), 'loss (log scale)');
    const [, height] = await h.call<number[]>('canvasSize');
    assert.ok(height > 0);
    // A new scene (an edit) keeps the playhead where it was.
    await seek(h, 90);
    await h.showScene(makeScene({ revision: 2 }));
    assert.equal(await stepReadout(h), 90);
 
    // Shown again without a host init, the webview restores its own saved state.
    await h.page.reload();
    await h.waitForPosted((m) => m.type === 'ready');
    await h.showScene(makeScene({ revision: 1 }));
    assert.equal(await stepReadout(h), 90);

    // A panel restored while playing goes on playing from where it was.
    await h.page.reload();
    await h.waitForPosted((m) => m.type === 'ready');
    await h.send({ type: 'init', state: { camera: null, step: 40, playing: true, logLossChart: false } });
    await h.showScene(makeScene({ revision: 1 }));
    const resumed = await stepReadout(h);
    assert.ok(resumed >= 40 && resumed < 40 + 30, `resumed at ${resumed}`);
    await h.page.waitForFunction(`Number(document.querySelector('#readout-step').textContent.split('/')[0]) > ${resumed}`);
  });
});
