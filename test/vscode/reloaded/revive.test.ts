import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, engine, nextRender, previewTabs, replaceText, screenshot, until, workspaceUri } from '../helpers';

// Runs in the window the harness reloaded after prepare.ts left the preview
// of himmelblau.loss open: VS Code restores the panel and hands it, with its
// saved state, to the extension's WebviewPanelSerializer.
describe('after a window reload', () => {
  it('revives the preview of the same document, beside the editor, and it follows edits again', async () => {
    const ll = await api();
    const uri = workspaceUri('himmelblau.loss');
    await until(() => ll.previews().some((p) => p.document === uri.toString()), 'the preview of himmelblau.loss is revived', 30_000);
    assert.equal(previewTabs().length, 1, 'one preview, not a duplicate');
    assert.equal(ll.previews()[0].viewColumn, vscode.ViewColumn.Two);

    const document = await vscode.workspace.openTextDocument(uri);
    const rendered = nextRender(ll, uri);
    const edited = document.getText().replace('@start (0, 0)', '@start (0, 0)\n@start (-3, 3)');
    await replaceText(document, edited);
    assert.equal((await rendered).runs, engine.simulate(edited).runs.length, 'the runs of the edited file');
    await screenshot('revived');
  });
});
