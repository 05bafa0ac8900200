// The edit-to-scene latency bench, inside the real VS Code (started by
// bench/vscode.ts through the integration harness with LL_VSCODE_SUITE=bench):
// from a programmatic edit of a .loss document to the webview's 'rendered'
// report of the new scene, at two surface resolutions. The numbers go to
// LL_BENCH_FILE; bench/vscode.ts prints them. Mocha runs it only for its hooks
// and timeouts: a slow machine reports a larger number, never a failure.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PreviewReport } from '../../../src/host/api';
import { api, closeAllEditors, nextEvent, nextRender } from '../helpers';

const EDITS = 20;
const WARM_UP = 3;

export interface LatencyResult {
  resolution: number;
  /** Milliseconds from each edit to its render, in order. */
  samples: number[];
  /**
   * Milliseconds from each breaking edit to the host's error report: the same
   * debounce and compile without sampling, transfer or drawing, so the
   * difference says where the rest of the time goes.
   */
  hostOnly: number[];
}

const results: LatencyResult[] = [];

/** Applies an edit of line 3 (`a = ...`) and resolves with the milliseconds until `event` fires. */
async function timeEdit(document: vscode.TextDocument, text: string, event: Promise<unknown>): Promise<number> {
  const start = performance.now();
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(3).range, text);
  await vscode.workspace.applyEdit(edit);
  await event;
  return performance.now() - start;
}

/** A bowl whose depth `a` each edit changes, so every edit means a new surface to sample and draw. */
function source(resolution: number, a: number): string {
  return `@domain x: [-3, 3], y: [-3, 3]\n@start (2.5, -2)\n@set surface.resolution = ${resolution}\na = ${a}\nloss = a x^2 + y^2 + sin(3x) cos(3y)\n`;
}

describe('edit-to-scene latency', function () {
  this.timeout(600_000);

  after(async () => {
    const file = process.env.LL_BENCH_FILE;
    const ll = await api();
    if (file) writeFileSync(file, JSON.stringify({ debounceMs: ll.previewDebounceMs, results }));
    await closeAllEditors();
  });

  for (const resolution of [128, 512]) {
    it(`${resolution}² surface`, async () => {
      const ll = await api();
      const document = await vscode.workspace.openTextDocument({ language: 'loss', content: source(resolution, 1) });
      await vscode.window.showTextDocument(document);
      const first = nextRender(ll, document.uri);
      await vscode.commands.executeCommand('lossLandscape.showPreviewToSide');
      await first;

      // A new value of `a` is a keystroke-sized edit.
      const samples: number[] = [];
      for (let i = 0; i < WARM_UP + EDITS; i++) {
        let report: PreviewReport | undefined;
        const rendered = nextRender(ll, document.uri).then((r) => (report = r));
        const ms = await timeEdit(document, `a = ${(1 + (i + 1) / 100).toFixed(2)}`, rendered);
        if (report?.resolution !== resolution) throw new Error(`rendered at ${report?.resolution}², expected ${resolution}²`);
        if (i >= WARM_UP) samples.push(ms);
      }
      // A dangling operator breaks the file: the host reports the error without drawing; then repair it.
      const hostOnly: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const shown = nextEvent(ll.onDidShowError, (e) => e.document === document.uri.toString(), 'the error report');
        hostOnly.push(await timeEdit(document, 'a = 1 +', shown));
        await timeEdit(document, 'a = 1', nextRender(ll, document.uri));
      }
      results.push({ resolution, samples, hostOnly });
      await closeAllEditors();
    });
  }
});
