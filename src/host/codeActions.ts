// Quick fixes for the compiler's "did you mean" hints: each replacement text
// the compiler offers for a diagnostic's range becomes one code action.

import * as vscode from 'vscode';
import { compileDocument } from './documents';
import { DIAGNOSTIC_SOURCE, toRange } from './diagnostics';

export class DidYouMeanFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const shown = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (shown.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of compileDocument(document).diagnostics) {
      if (!d.fixes) continue;
      const range = toRange(d);
      // The compiler's diagnostic that VS Code is asking about: same range, same message.
      const target = shown.find((s) => s.range.isEqual(range) && s.message === d.message);
      if (!target) continue;
      d.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(`Change to '${fix}'`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, range, fix);
        action.diagnostics = [target];
        action.isPreferred = i === 0;
        actions.push(action);
      });
    }
    return actions;
  }
}
