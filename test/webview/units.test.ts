// The webview's pure parts, in plain Node: height scale rule, axis ticks,
// colormap, playhead arithmetic and the page's Content Security Policy.
// Expected values are worked out by hand in each test.

import * as assert from 'node:assert/strict';
import { viridisBytes } from '../../webview/colormap';
import { Frame, resolveHeightScale } from '../../webview/frame';
import { cycleAt, Playback } from '../../webview/playback';
import { decadeTicks, niceTicks } from '../../webview/ticks';
import { contentSecurityPolicy, previewHtml } from '../../src/shared/previewHtml';

const domain = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };

describe('webview: height scale', () => {
  it('auto picks log when the range is more than ten times the median height above the minimum', () => {
    // median 1, range 1000: a linear scale would put half the surface in the bottom 0.1%.
    assert.equal(resolveHeightScale('auto', new Float32Array([0, 1, 1, 1, 1000]), 0, 1000), 'log');
    // median 5, range 10: evenly spread, linear.
    assert.equal(resolveHeightScale('auto', new Float32Array([0, 5, 10]), 0, 10), 'linear');
  });

  it('auto ignores non-finite samples and an explicit setting always wins', () => {
    assert.equal(resolveHeightScale('auto', new Float32Array([NaN, 0, 1, 1, 1, 1000, Infinity]), 0, 1000), 'log');
    assert.equal(resolveHeightScale('linear', new Float32Array([0, 1, 1, 1, 1000]), 0, 1000), 'linear');
    assert.equal(resolveHeightScale('log', new Float32Array([0, 5, 10]), 0, 10), 'log');
    assert.equal(resolveHeightScale('auto', new Float32Array([3, 3]), 3, 3), 'linear');
  });

  it('maps loss to normalized height: linear is a straight line, log is log1p(f − min) / log1p(max − min)', () => {
    const linear = new Frame(domain, 10, 30, 'linear');
    assert.equal(linear.level(10), 0);
    assert.equal(linear.level(20), 0.5);
    assert.equal(linear.level(30), 1);
    // range e² − 1: log1p(range) = 2, and f − min = e − 1 gives log1p = 1, half way.
    const log = new Frame(domain, 0, Math.E ** 2 - 1, 'log');
    assert.ok(Math.abs(log.level(Math.E - 1) - 0.5) < 1e-12);
    // Below the surface minimum (a path off the grid) stays below the floor.
    assert.ok(log.level(-1) < 0);
  });

  it('maps the domain onto [-1, 1] on both axes and back', () => {
    const f = new Frame(domain, 0, 1, 'linear');
    assert.equal(f.worldX(-2), -1);
    assert.equal(f.worldX(2), 1);
    assert.equal(f.worldY(1), 0);
    assert.equal(f.paramX(0), 0);
    assert.equal(f.paramY(-1), -1);
  });
});

describe('webview: axis ticks', () => {
  it('chooses round steps of 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual(niceTicks(-5, 5, 5).values, [-4, -2, 0, 2, 4]);
    assert.deepEqual(niceTicks(0, 1, 5).values, [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    assert.equal(niceTicks(0, 1, 5).decimals, 1);
    assert.deepEqual(niceTicks(-2, 3, 5).values, [-2, -1, 0, 1, 2, 3]);
  });

  it('puts log-axis ticks at the minimum and round powers of ten, at least 0.08 of the height apart', () => {
    // log1p(3600) = 8.189: 1 sits at 0.085 (kept), 0.1 at 0.012 (too close to the minimum).
    assert.deepEqual(decadeTicks(0, 3600), [0, 1, 10, 100, 1000]);
    // From −1: zero at log1p(1)/log1p(100) = 0.150, 1 at 0.238, 10 at 0.538; 100 is above the maximum.
    assert.deepEqual(decadeTicks(-1, 99), [-1, 0, 1, 10]);
    assert.deepEqual(decadeTicks(5, 5), [5]);
  });
});

describe('webview: colormap', () => {
  it('is viridis at its published end and middle points', () => {
    const out = new Uint8Array(3);
    viridisBytes(0, out, 0);
    assert.deepEqual([...out], [68, 1, 84]); // #440154
    viridisBytes(0.5, out, 0);
    assert.deepEqual([...out], [38, 130, 142]); // #26828e
    viridisBytes(1, out, 0);
    assert.deepEqual([...out], [253, 231, 37]); // #fde725
    viridisBytes(NaN, out, 0);
    assert.deepEqual([...out], [68, 1, 84]);
  });
});

describe('webview: playback', () => {
  it('advances speed × elapsed steps, carrying fractions, and pauses at the end', () => {
    const p = new Playback();
    p.setMax(100);
    p.baseSpeed = 60;
    p.play();
    p.tick(1000); // the first tick only starts the clock
    assert.equal(p.step, 0);
    for (let t = 1100; t <= 2000; t += 100) p.tick(t);
    assert.equal(p.step, 60); // 1 s at 60 steps/s
    p.multiplier = 0.25;
    for (let t = 2100; t <= 3000; t += 100) p.tick(t); // 15 steps/s, 1.5 steps per tick: fractions carried
    assert.equal(p.step, 75);
    p.multiplier = 4;
    for (let t = 3100; t <= 4000; t += 100) p.tick(t);
    assert.equal(p.step, 100);
    assert.equal(p.playing, false);
  });

  it('seeks and steps within [0, max], and playing from the end starts over', () => {
    const p = new Playback();
    p.setMax(10);
    p.seek(12.4);
    assert.equal(p.step, 10);
    p.stepBy(-3);
    assert.equal(p.step, 7);
    p.stepBy(-20);
    assert.equal(p.step, 0);
    p.seek(10);
    p.play();
    assert.equal(p.step, 0);
    assert.equal(p.playing, true);
  });

  it('counts SGDR cycles from 1, a new one starting at each restart step', () => {
    assert.equal(cycleAt([50, 150], 0), 1);
    assert.equal(cycleAt([50, 150], 49), 1);
    assert.equal(cycleAt([50, 150], 50), 2);
    assert.equal(cycleAt([50, 150], 150), 3);
    assert.equal(cycleAt([], 300), 1);
  });
});

describe('webview: page and Content Security Policy', () => {
  it('allows nothing by default, scripts only by nonce, and no inline or eval', () => {
    const csp = contentSecurityPolicy('https://res.example', 'abc123');
    const directives = new Map(csp.split(';').map((d) => { const [k, ...v] = d.trim().split(/\s+/); return [k, v]; }));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-abc123'"]);
    assert.deepEqual(directives.get('img-src'), ['https://res.example', 'data:', 'blob:']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads the script with the nonce and escapes every attribute value', () => {
    const html = previewHtml({ cspSource: 'https://res.example', nonce: 'n0nce', scriptUri: 'https://res.example/a"b.js', styleUri: 'https://res.example/s.css' });
    assert.match(html, /<script nonce="n0nce" src="https:\/\/res.example\/a&quot;b.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/res.example\/s.css">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
