// Axis labels in the default view: none cut off by the canvas's edge and
// none overlapping another, at the view sizes a preview panel gives (a
// narrow side panel, a wide editor area) and for both height scales. The
// real LandscapeScene is drawn in a page of its own (test/webview/page/labels.js),
// which reports each drawn label's box on screen; its pictures are saved
// under test-output/webview/ for people to look at.

import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { engineScene } from './engineScene';
import { launchChromium } from '../../scripts/chromium.mjs';
import { screenshotDir } from './harness';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

// The classic example file: sampled 128×128, its minimum 6.238e-5 sits just
// below the loss tick 1 on a log scale, so on a small canvas their labels meet.
const rosenbrock = `@domain x: [-2, 2], y: [-1, 3]
@start (-1.5, 2.5)
@start (1.5, -0.5)
a = 1
b = 100
sq(u) = u * u
loss = sq(a - x) + b * sq(y - x^2)
`;

/** Canvas sizes: the 3D view of a 560×820 side panel, of a 1400×900 editor area, of a short panel and of a tall narrow one. */
const SIZES: [number, number][] = [
  [560, 544],
  [1400, 682],
  [560, 400],
  [400, 640],
];

const PAGE = `<!doctype html>
<html style="--vscode-font-family: system-ui, 'DejaVu Sans', sans-serif">
<body class="vscode-dark" style="margin: 0">
<style>#view canvas { display: block; width: 100%; height: 100%; }</style>
</body>
</html>`;

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('webview: axis labels in the default view', function () {
  let browser: Browser;
  let bundle: string;

  before(async () => {
    const built = await esbuild.build({
      entryPoints: [join(__dirname, 'page', 'labels.js')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'warning',
    });
    bundle = built.outputFiles[0].text;
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
  });

  const scene = engineScene(rosenbrock, 128);
  for (const heightScale of ['linear', 'log'] as const) {
    const message = { ...scene, heightScale, runs: [], surface: { ...scene.surface, heights: Array.from(scene.surface.heights) } };
    for (const [width, height] of SIZES) {
      it(`are inside a ${width}×${height} canvas and apart, ${heightScale} scale`, async () => {
        const page = await browser.newPage({ viewport: { width, height } });
        try {
          await page.setContent(PAGE);
          await page.addScriptTag({ content: bundle });
          const boxes = await page.evaluate(
            ({ message, width, height }) =>
              (globalThis as unknown as { __labels: { show(m: unknown, w: number, h: number): Box[] } }).__labels.show(message, width, height),
            { message, width, height },
          );
          mkdirSync(screenshotDir, { recursive: true });
          writeFileSync(join(screenshotDir, `labels-${width}x${height}-${heightScale}.png`), await page.locator('#view canvas').screenshot());
          // Eighteen are placed (five ticks on each axis, two names, the loss title): at most three
          // may give way, so hiding labels wholesale cannot pass for keeping them apart.
          assert.ok(boxes.length >= 15, `only ${boxes.length} labels are drawn`);
          for (const b of boxes) {
            assert.ok(b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height, `label ${JSON.stringify(b)} is cut off by the canvas`);
          }
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              assert.ok(!overlap(boxes[i], boxes[j]), `labels ${JSON.stringify(boxes[i])} and ${JSON.stringify(boxes[j])} overlap`);
            }
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});
