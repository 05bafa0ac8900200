// lossLandscape.exportImage: the preview's picture as PNG (the webview renders
// it; the host writes it with workspace.fs). Arguments: a Uri (the document)
// or { target?, document? }. Opens the preview first if there is none.
// Returns the written file's Uri.

import * as vscode from 'vscode';
import type { ApiEvents } from '../api';
import type { Preview } from '../preview';
import type { PreviewManager } from '../previewManager';
import { saveTarget } from './saveTarget';
import { commandOptions, requireDocument } from './target';

/** How long a preview opened for the export may take to draw its first scene. */
export const FIRST_RENDER_TIMEOUT_MS = 30_000;

function firstRender(events: ApiEvents, preview: Preview): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the preview did not draw within ${FIRST_RENDER_TIMEOUT_MS / 1000} s`));
    }, FIRST_RENDER_TIMEOUT_MS);
    const listener = events.rendered.event((r) => {
      if (r.document !== preview.key) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

export async function exportImage(manager: PreviewManager, events: ApiEvents, arg: unknown): Promise<vscode.Uri | undefined> {
  const options = commandOptions(arg);
  const document = requireDocument(arg, manager);
  if (!document) return undefined;
  const target = await saveTarget(options, document, '.png', { PNG: ['png'] });
  if (!target) return undefined;
  try {
    let preview = manager.get(document);
    if (!preview) {
      preview = manager.show(document, vscode.ViewColumn.Beside, true);
      await firstRender(events, preview);
    }
    const png = await preview.requestImage();
    await vscode.workspace.fs.writeFile(target, png);
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(`Loss Landscape: cannot export the image: ${(e as Error).message}`);
    return undefined;
  }
}
