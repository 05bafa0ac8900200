// Compiler diagnostics in the Problems panel, as the user types: debounced,
// with the exact ranges the compiler gives.

import * as vscode from 'vscode';
import type { Diagnostic } from '../language/diagnostics';
import { compileDocument } from './documents';
import { LANGUAGE_ID } from './ids';

/** Typing faster than this re-checks once, after the pause. */
export const DIAGNOSTICS_DEBOUNCE_MS = 200;

export const DIAGNOSTIC_SOURCE = 'loss';

export function toRange(d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(d.line, d.column, d.endLine, d.endColumn);
}

function toVsDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(d), d.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export class DiagnosticsReporter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(LANGUAGE_ID);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    ];
    vscode.workspace.textDocuments.forEach((d) => this.check(d));
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(document);
      }, DIAGNOSTICS_DEBOUNCE_MS),
    );
  }

  private check(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID || document.isClosed) return;
    this.collection.set(document.uri, compileDocument(document).diagnostics.map(toVsDiagnostic));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}
