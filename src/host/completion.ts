// Completion in `.loss` files (the choice of items is completionModel.ts).

import * as vscode from 'vscode';
import { completionItems, type ItemKind } from './completionModel';
import { compileDocument } from './documents';

const KINDS: Record<ItemKind, vscode.CompletionItemKind> = {
  function: vscode.CompletionItemKind.Function,
  constant: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  setting: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  directive: vscode.CompletionItemKind.Keyword,
};

export class LossCompletions implements vscode.CompletionItemProvider {
  // Directives after '@', setting keys after 'schedule.' and the like; words trigger the rest as usual.
  static readonly triggerCharacters = ['@', '.'];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const items = completionItems(prefix, compileDocument(document).file);
    // After '@' the item replaces the '@' and the word typed after it.
    const directive = /@\w*$/.exec(prefix);
    return items.map((item) => {
      const c = new vscode.CompletionItem(item.label, KINDS[item.kind]);
      c.detail = item.detail;
      if (item.documentation) c.documentation = new vscode.MarkdownString(item.documentation);
      if (item.snippet) c.insertText = new vscode.SnippetString(item.snippet);
      if (item.kind === 'directive' && directive) {
        c.range = new vscode.Range(position.line, position.character - directive[0].length, position.line, position.character);
      }
      return c;
    });
  }
}
