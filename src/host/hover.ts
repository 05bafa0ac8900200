// Hover docs in `.loss` files (the text is hoverModel.ts).

import * as vscode from 'vscode';
import { compileDocument } from './documents';
import { hoverMarkdown, settingHoverMarkdown } from './hoverModel';

export class LossHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const setKey = document.getWordRangeAtPosition(position, /[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+/);
    if (setKey && /^\s*@set\s+$/.test(document.lineAt(position.line).text.slice(0, setKey.start.character))) {
      const text = settingHoverMarkdown(document.getText(setKey));
      return text ? new vscode.Hover(new vscode.MarkdownString(text), setKey) : undefined;
    }
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_]\w*/);
    if (!range) return undefined;
    const text = hoverMarkdown(document.getText(range), compileDocument(document).file);
    return text ? new vscode.Hover(new vscode.MarkdownString(text), range) : undefined;
  }
}
