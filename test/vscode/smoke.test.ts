import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness', () => {
  it('runs inside a VS Code extension host with a workspace open', () => {
    assert.ok(vscode.version.length > 0);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
