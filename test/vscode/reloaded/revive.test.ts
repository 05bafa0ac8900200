import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, engine, inspectPreview, nextRender, previewTabs, replaceText, screenshot, until, workspaceUri, type PreviewInspection } from '../helpers';

// Runs in the window the harness reloaded after prepare.ts left the preview
// of himmelblau.loss open (and the harness changed its view state): VS Code
// restores the panel and hands it, with that state, to the extension's
// WebviewPanelSerializer. Only the code-server harness runs it.
describe('after a window reload', () => {
  it('revives the preview of the same document beside the editor, with its view state, and it follows edits again', async () => {
    const ll = await api();
    const uri = workspaceUri('himmelblau.loss');
    await until(() => ll.previews().some((p) => p.document === uri.toString()), 'the preview of himmelblau.loss is revived', 30_000);
    assert.equal(previewTabs().length, 1, 'one preview, not a duplicate');
    assert.equal(ll.previews()[0].viewColumn, vscode.ViewColumn.Two);

    // Before the reload the harness stepped the playback and ticked "log loss chart" (runCodeServer.mjs).
    const before: PreviewInspection = JSON.parse(readFileSync(join(process.env.LL_HARNESS_DIR ?? '', 'before-reload.json'), 'utf8'));
    assert.match(before.step ?? '', /^3 \//, 'the harness changed the view state');
    assert.equal(before.logLossChart, true);
    let after = await inspectPreview('after-reload');
    // The restored state reaches the webview with its first scene: look again until it has.
    const same = () => JSON.stringify(after) === JSON.stringify(before);
    for (let i = 0; i < 50 && !same(); i++) after = await inspectPreview(`after-reload-${i}`);
    assert.deepEqual(after, before, 'the revived preview shows the view state it had');

    const document = await vscode.workspace.openTextDocument(uri);
    const rendered = nextRender(ll, uri);
    const edited = document.getText().replace('@start (0, 0)', '@start (0, 0)\n@start (-3, 3)');
    await replaceText(document, edited);
    assert.equal((await rendered).runs, engine.simulate(edited).runs.length, 'the runs of the edited file');
    await screenshot('revived');
  });
});
