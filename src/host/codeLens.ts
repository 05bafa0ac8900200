// "Open Preview" above the line that defines the loss.

import * as vscode from 'vscode';
import { compileDocument } from './documents';
import { COMMANDS } from './ids';

export class OpenPreviewLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const line = compileDocument(document).file.lossLine;
    if (line === null || line < 0 || line >= document.lineCount) return [];
    return [
      new vscode.CodeLens(document.lineAt(line).range, {
        title: 'Open Preview',
        tooltip: 'Open the loss landscape preview to the side',
        command: COMMANDS.showPreviewToSide,
        arguments: [document.uri],
      }),
    ];
  }
}
