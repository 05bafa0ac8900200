import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LossLandscapeApi } from '../../src/host/api';
import { EXTENSION_ID, api, closeAllEditors, engine, nextRender, openFixture, workspaceUri } from './helpers';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function read(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

// Save dialogs cannot be answered in a test, so every export gets its target.
describe('commands', () => {
  let ll: LossLandscapeApi;
  let rosenbrock: vscode.TextDocument;

  before(async () => {
    ll = await api();
    await closeAllEditors();
    rosenbrock = (await openFixture('rosenbrock.loss')).document;
  });
  after(closeAllEditors);

  it('exports the trajectory as the JSON of `simulate`', async () => {
    const target = workspaceUri('rosenbrock.trajectory.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('lossLandscape.exportTrajectory', {
      target,
      format: 'json',
      document: rosenbrock.uri,
    });
    assert.equal(written?.toString(), target.toString());
    const json = JSON.parse(new TextDecoder().decode(await read(target)));
    assert.deepEqual(json.params, ['x', 'y']);
    assert.equal(json.runs.length, 2, 'one run per @start line');
    // Each run begins at its @start point; a run that does not stop has steps + 1 points.
    assert.deepEqual([json.runs[0].points[0].x, json.runs[0].points[0].y], [-1.5, 2.5]);
    assert.deepEqual([json.runs[1].points[0].x, json.runs[1].points[0].y], [1.5, -0.5]);
    for (const run of json.runs) {
      if (run.stopped === null) assert.equal(run.points.length, 351);
      run.points.forEach((p: { step: number }, k: number) => assert.equal(p.step, k));
    }
  });

  it('exports the trajectory as CSV, one row per point with a run column', async () => {
    const target = workspaceUri('rosenbrock.trajectory.csv');
    await vscode.commands.executeCommand('lossLandscape.exportTrajectory', { target, format: 'csv', document: rosenbrock.uri });
    const [header, ...rows] = parseCsv(new TextDecoder().decode(await read(target)));
    for (const column of ['run', 'step', 'x', 'y', 'loss', 'lr']) assert.ok(header.includes(column), `a ${column} column in ${header}`);
    const runs = engine.simulate(rosenbrock.getText()).runs;
    assert.equal(rows.length, runs.reduce((n, r) => n + r.points.length, 0), 'one row per simulated point');
    for (const row of rows) assert.equal(row.length, header.length, `a full row: ${row}`);
    const at = (name: string) => header.indexOf(name);
    assert.equal(new Set(rows.map((r) => r[at('run')])).size, 2, 'two runs told apart by the run column');
    assert.deepEqual([Number(rows[0][at('x')]), Number(rows[0][at('y')])], [-1.5, 2.5], 'the first row is the first @start');
  });

  it('exports the preview as a PNG image', async () => {
    const target = workspaceUri('rosenbrock.png');
    const written = await vscode.commands.executeCommand<vscode.Uri>('lossLandscape.exportImage', { target, document: rosenbrock.uri });
    assert.equal(written?.toString(), target.toString());
    const png = await read(target);
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    // IHDR, the first chunk, holds the width and height (big-endian) at bytes 16 and 20.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    assert.equal(new TextDecoder().decode(png.subarray(12, 16)), 'IHDR');
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    assert.ok(width >= 100 && height >= 100, `a picture of the scene, not a placeholder (${width}×${height})`);
    assert.ok(png.byteLength > 5000, `a drawn scene compresses to more than a blank canvas (${png.byteLength} bytes)`);
  });

  it('copies the schedule as PyTorch, timm and Keras code', async () => {
    // himmelblau.loss sets schedule.t0 = 40; tMult and etaMin stay at their defaults (2 and 0).
    const himmelblau = (await openFixture('himmelblau.loss')).document;
    const expectations: Record<string, RegExp[]> = {
      pytorch: [/CosineAnnealingWarmRestarts\(/, /T_0\s*=\s*40\b/, /T_mult\s*=\s*2\b/],
      timm: [/CosineLRScheduler\(/, /t_initial\s*=\s*40\b/],
      keras: [/CosineDecayRestarts\(/, /first_decay_steps\s*=\s*40\b/, /t_mul\s*=\s*2(\.0)?\b/],
    };
    for (const [library, patterns] of Object.entries(expectations)) {
      const snippet = await vscode.commands.executeCommand<string>('lossLandscape.copyScheduleAsCode', { library, document: himmelblau.uri });
      assert.equal(await vscode.env.clipboard.readText(), snippet, `the ${library} snippet is on the clipboard`);
      for (const pattern of patterns) assert.match(snippet, pattern, `${library}: ${pattern}`);
    }
  });

  it('opens a new file from the gallery with its preview', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const example = new TextDecoder().decode(await read(vscode.Uri.joinPath(extension.extensionUri, 'examples', 'rosenbrock.loss')));
    let uri: vscode.Uri | undefined;
    const rendered = new Promise<void>((resolve, reject) => {
      // The document's URI is known only when the command returns; its preview may draw before that.
      const timer = setTimeout(() => reject(new Error('no render of the new file')), 45_000);
      const seen: string[] = [];
      const check = () => {
        if (uri && seen.includes(uri.toString())) {
          clearTimeout(timer);
          listener.dispose();
          resolve();
        }
      };
      const listener = ll.onDidRender((r) => {
        seen.push(r.document);
        check();
      });
      void Promise.resolve().then(async () => {
        uri = await vscode.commands.executeCommand<vscode.Uri>('lossLandscape.newFile', { example: 'rosenbrock' });
        check();
      });
    });
    await rendered;
    assert.ok(uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri?.toString());
    assert.ok(editor, 'the new document is open in an editor');
    assert.equal(editor.document.languageId, 'loss');
    assert.equal(editor.document.getText(), example);
    assert.equal(ll.previews().filter((p) => p.document === uri?.toString()).length, 1);
  });
});
