import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LossLandscapeApi } from '../../src/host/api';
import { api, closeAllEditors, expectedRestarts, nextRender, openFixture, pressKeys, previewTabs, screenshot, until, workspaceUri } from './helpers';

describe('preview panel', () => {
  let ll: LossLandscapeApi;
  let editor: vscode.TextEditor;
  const previewsOf = (uri: vscode.Uri) => ll.previews().filter((p) => p.document === uri.toString());

  before(async () => {
    ll = await api();
    await closeAllEditors();
    editor = await openFixture('rosenbrock.loss');
  });
  after(closeAllEditors);

  it('opens beside the editor and reports the runs, restarts and vertices it drew', async () => {
    const uri = editor.document.uri;
    const rendered = nextRender(ll, uri);
    const key = await vscode.commands.executeCommand<string>('lossLandscape.showPreviewToSide');
    assert.equal(key, uri.toString());
    const report = await rendered;

    // Two @start lines and `@set simulation.compare = []`: one SGDR run each.
    assert.equal(report.runs, 2);
    assert.equal(report.restarts, expectedRestarts(editor.document.getText()));
    assert.equal(report.resolution, 128, 'the default surface.resolution');
    assert.ok(report.vertices >= 128 * 128, `the surface alone has 128² vertices; ${report.vertices} drawn`);

    const previews = previewsOf(uri);
    assert.equal(previews.length, 1);
    assert.equal(previews[0].viewColumn, vscode.ViewColumn.Two, 'beside the editor in column one');
    assert.equal(previewTabs().length, 1);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the focus stays in the editor');
    await screenshot('preview');
  });

  it('reveals the same panel when asked again instead of opening another', async () => {
    const uri = editor.document.uri;
    // Cover the preview with another editor in its column.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('bowl.loss')), vscode.ViewColumn.Two);
    await until(() => previewsOf(uri)[0]?.visible === false, 'the covered preview is hidden');

    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('lossLandscape.showPreviewToSide');
    await until(() => previewsOf(uri)[0]?.visible === true, 'the preview is visible again');
    assert.equal(previewsOf(uri).length, 1);
    assert.equal(previewTabs().length, 1);
  });

  it('gives each document its own panel', async () => {
    const other = await openFixture('himmelblau.loss');
    const rendered = nextRender(ll, other.document.uri);
    await vscode.commands.executeCommand('lossLandscape.showPreviewToSide');
    await rendered;
    assert.equal(previewTabs().length, 2);
    assert.deepEqual(ll.previews().map((p) => p.document).sort(), [editor.document.uri.toString(), other.document.uri.toString()].sort());
  });

  // Only the code-server harness presses keys; elsewhere these two skip.
  for (const [keys, column, where] of [
    ['Control+K V', vscode.ViewColumn.Two, 'to the side'],
    ['Control+Shift+V', vscode.ViewColumn.One, 'in place of the editor'],
  ] as const) {
    it(`opens the preview ${where} with ${keys}, as Markdown does`, async function () {
      await closeAllEditors();
      const focused = await openFixture('bowl.loss');
      const rendered = nextRender(ll, focused.document.uri);
      if (!(await pressKeys(`keys-${column}`, keys))) this.skip();
      await rendered;
      assert.equal(previewsOf(focused.document.uri)[0]?.viewColumn, column);
    });
  }
});
