// lossLandscape.copyScheduleAsCode: the document's schedule and optimizer
// (user settings and its `@set` lines) as PyTorch, timm or Keras code, copied
// to the clipboard; `{ library: 'timm' }` skips the quick pick. Returns the
// snippet.

import * as vscode from 'vscode';
import { compile } from '../../engine';
import type { Configuration } from '../configuration';
import type { PreviewManager } from '../previewManager';
import { LIBRARY_LABELS, SNIPPET_LIBRARIES, isSnippetLibrary, scheduleSnippet, type SnippetLibrary } from '../snippets';
import { commandOptions, documentText, targetDocument } from './target';

async function pickLibrary(wanted: unknown): Promise<SnippetLibrary | undefined> {
  if (wanted !== undefined) {
    if (isSnippetLibrary(wanted)) return wanted;
    void vscode.window.showErrorMessage(
      `Loss Landscape: unknown library ${JSON.stringify(wanted)}; expected one of ${SNIPPET_LIBRARIES.join(', ')}.`,
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    SNIPPET_LIBRARIES.map((library) => ({ label: LIBRARY_LABELS[library], library })),
    { title: 'Copy Schedule as Code', placeHolder: 'Library' },
  );
  return picked?.library;
}

export async function copyScheduleAsCode(configuration: Configuration, manager: PreviewManager, arg: unknown): Promise<string | undefined> {
  const library = await pickLibrary(commandOptions(arg).library);
  if (!library) return undefined;
  const document = targetDocument(arg, manager);
  // Without a document, the schedule of the user's settings alone. A broken
  // file still has its valid `@set` values.
  const fileSettings = document ? compile(await documentText(document)).file.settings : {};
  const snippet = scheduleSnippet(library, configuration.resolve(document, fileSettings));
  await vscode.env.clipboard.writeText(snippet);
  void vscode.window.showInformationMessage(`Loss Landscape: copied the schedule as ${LIBRARY_LABELS[library]} code.`);
  return snippet;
}
