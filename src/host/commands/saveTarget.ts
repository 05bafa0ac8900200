// Where an export is written: the `target` option (scripts and tests, which
// cannot answer a dialog), else the host's save dialog, next to the document.

import * as vscode from 'vscode';
import { documentName } from '../previewIdentity';
import { optionalUri, type Options } from './target';

export async function saveTarget(
  options: Options,
  document: vscode.Uri,
  suffix: string,
  filters: Record<string, string[]>,
): Promise<vscode.Uri | undefined> {
  const given = optionalUri(options, 'target');
  if (given) return given;
  const base = documentName(document.toString()).replace(/\.loss$/, '');
  const folder = document.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document, '..');
  const name = `${base}${suffix}`;
  return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters });
}
