// lossLandscape.newFile: a new untitled `.loss` document from the gallery of
// classic test functions (the extension's examples/ folder), with its
// preview to the side. `{ example: 'rosenbrock' }` skips the quick pick.
// Returns the new document's Uri.

import * as vscode from 'vscode';
import { describeExample, exampleId, type GalleryEntry } from '../gallery';
import { LANGUAGE_ID } from '../ids';
import type { PreviewManager } from '../previewManager';
import { commandOptions } from './target';

interface Example extends GalleryEntry {
  source: string;
}

async function loadGallery(extensionUri: vscode.Uri): Promise<Example[]> {
  const folder = vscode.Uri.joinPath(extensionUri, 'examples');
  const examples: Example[] = [];
  for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
    const id = exampleId(name);
    if (!id) continue;
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    examples.push({ ...describeExample(id, source), source });
  }
  return examples.sort((a, b) => a.label.localeCompare(b.label));
}

export async function newFile(extensionUri: vscode.Uri, manager: PreviewManager, arg: unknown): Promise<vscode.Uri | undefined> {
  const gallery = await loadGallery(extensionUri);
  const wanted = commandOptions(arg).example;
  let example: Example | undefined;
  if (wanted !== undefined) {
    example = gallery.find((e) => e.id === wanted);
    if (!example) {
      void vscode.window.showErrorMessage(
        `Loss Landscape: no example named ${JSON.stringify(wanted)}; the gallery has ${gallery.map((e) => e.id).join(', ')}.`,
      );
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      gallery.map((e) => ({ label: e.label, detail: e.detail, example: e })),
      { title: 'New Loss File', placeHolder: 'A classic test function', matchOnDetail: true },
    );
    if (!picked) return undefined;
    example = picked.example;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: example.source });
  await vscode.window.showTextDocument(document);
  manager.show(document.uri, vscode.ViewColumn.Beside, true);
  return document.uri;
}
