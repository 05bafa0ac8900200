// The preview's cost in headless Chromium with software WebGL (SwiftShader),
// at the size the issue names: a 256² surface with 4 runs. Prints the frame
// time while playing (against the 16.7 ms budget of 60 fps) and how long a
// new scene takes from message to "rendered" (one animation frame after it
// is drawn, so it includes up to a frame of waiting), with the same resolution
// (buffers rewritten in place) and with a new one (geometry rebuilt).
// Software GL on 2 cores is far slower than a GPU: read the numbers as an
// upper bound, and the ratios between them as the point.

import { Harness } from '../test/webview/harness';
import { makeScene } from '../test/webview/sceneData';

const PLAY_MS = 3000;
const UPDATES = 5;

function stats(values: number[]): { mean: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, p95: sorted[Math.floor(0.95 * (sorted.length - 1))] };
}

/** From the message reaching the page to the webview's "rendered", on the page's clock (the harness's own transfer excluded). */
async function sceneTime(h: Harness, revision: number, resolution: number): Promise<number> {
  await h.showScene(makeScene({ revision, resolution, runs: 4 }));
  return h.call<number>('renderLatency');
}

export async function runWebviewBench(): Promise<void> {
  const h = await Harness.open({ width: 1280, height: 800 });
  try {
    let revision = 1;
    await sceneTime(h, revision++, 256); // warm-up: shader compilation, first allocation
    const same: number[] = [];
    const rebuilt: number[] = [];
    for (let i = 0; i < UPDATES; i++) same.push(await sceneTime(h, revision++, 256));
    for (let i = 0; i < UPDATES; i++) {
      rebuilt.push(await sceneTime(h, revision++, i % 2 === 0 ? 255 : 256));
    }
    await h.page.locator('#scrub').fill('0');
    await h.page.locator('#play').click();
    const frames = await h.call<number[]>('frameTimes', PLAY_MS);
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    const f = stats(intervals);
    const s = stats(same);
    const r = stats(rebuilt);
    console.log('\nwebview: 256² surface, 4 runs, headless Chromium (SwiftShader software WebGL)');
    console.log(`  frame time while playing   mean ${f.mean.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms  (${(1000 / f.mean).toFixed(0)} fps; ${(f.mean / (1000 / 60)).toFixed(2)}× the 60 fps budget)`);
    console.log(`  scene update, same resolution (buffers reused)  mean ${s.mean.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
    console.log(`  scene update, new resolution (rebuilt)          mean ${r.mean.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms  (${(r.mean / s.mean).toFixed(2)}× same-resolution)`);
  } finally {
    await h.close();
  }
}
