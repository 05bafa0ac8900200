// The window before the reload (stage 'prepare' of the code-server harness):
// not a test, the setup of one. It opens himmelblau.loss and its preview,
// waits until the preview has drawn, and tells the harness, which then
// reloads the window; the reloaded window runs revive.test.ts.
import * as vscode from 'vscode';
import { api, closeAllEditors, nextRender, workspaceUri } from '../helpers';

export async function prepareReload(): Promise<void> {
  const ll = await api();
  // The workbench restores what the suite's window left open: start from nothing.
  await closeAllEditors();
  const document = await vscode.workspace.openTextDocument(workspaceUri('himmelblau.loss'));
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  const rendered = nextRender(ll, document.uri);
  await vscode.commands.executeCommand('lossLandscape.showPreviewToSide');
  await rendered;
  console.log('ll:reload');
  // The reload ends this extension host; if it never comes, fail rather than hang.
  await new Promise((r) => setTimeout(r, 60_000));
  throw new Error('the harness did not reload the window');
}
