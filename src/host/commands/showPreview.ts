// lossLandscape.showPreview / showPreviewToSide: open (or reveal) the
// document's preview; returns the document's URI string.

import * as vscode from 'vscode';
import type { PreviewManager } from '../previewManager';
import { activeLossEditor, requireDocument } from './target';

export async function showPreview(manager: PreviewManager, toSide: boolean, arg: unknown): Promise<string | undefined> {
  const document = requireDocument(arg, manager);
  if (!document) return undefined;
  const column = toSide ? vscode.ViewColumn.Beside : (activeLossEditor()?.viewColumn ?? vscode.ViewColumn.Active);
  // To the side, focus stays in the editor, as Markdown's preview does.
  return manager.show(document, column, toSide).key;
}
