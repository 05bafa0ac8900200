// Which document a command acts on. Menus pass the document's Uri as the
// first argument; scripts and tests pass an options object; otherwise the
// active `.loss` editor, else the focused (or last focused) preview.

import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../ids';
import type { PreviewManager } from '../previewManager';

export type Options = Record<string, unknown>;

const NO_DOCUMENT = 'Loss Landscape: open a .loss file (or its preview) first.';

/** The options object of a command's first argument ({} for a Uri or nothing). */
export function commandOptions(arg: unknown): Options {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as Options) : {};
}

export function optionalUri(options: Options, name: string): vscode.Uri | undefined {
  const v = options[name];
  if (v === undefined) return undefined;
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string') return vscode.Uri.parse(v, true);
  throw new Error(`'${name}' must be a Uri`);
}

export function activeLossEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === LANGUAGE_ID ? editor : undefined;
}

export function targetDocument(arg: unknown, manager: PreviewManager): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return optionalUri(commandOptions(arg), 'document') ?? activeLossEditor()?.document.uri ?? manager.activePreview()?.document;
}

/** The target document, or undefined after telling the user to open one. */
export function requireDocument(arg: unknown, manager: PreviewManager): vscode.Uri | undefined {
  const document = targetDocument(arg, manager);
  if (!document) void vscode.window.showWarningMessage(NO_DOCUMENT);
  return document;
}

export async function documentText(document: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(document)).getText();
}
