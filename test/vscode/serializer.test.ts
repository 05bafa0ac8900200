import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LossLandscapeApi } from '../../src/host/api';
import { VIEW_TYPE, api, closeAllEditors } from './helpers';

// VS Code calling the serializer after a real window reload is checked by
// reloaded/revive.test.ts (the code-server harness reloads the window).
describe('serializer', () => {
  let ll: LossLandscapeApi;

  before(async () => {
    ll = await api();
    await closeAllEditors();
  });

  it('closes a restored panel whose document it cannot tell, instead of leaving it blank', async () => {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Preview never-previewed.loss', vscode.ViewColumn.One);
    const disposed = new Promise<void>((resolve) => panel.onDidDispose(() => resolve()));
    await ll.serializer.deserializeWebviewPanel(panel, { camera: null, step: 0, playing: false, logLossChart: false });
    await disposed;
    assert.equal(ll.previews().length, 0);
  });
});
