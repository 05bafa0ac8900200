// What the integration tests share: the extension's test API, the fixture
// workspace, waiting for events with a clear timeout message, and the
// engine (dist/engine.js) for expected values computed independently of the
// preview pipeline.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { LossLandscapeApi, PreviewReport } from '../../src/host/api';

export const EXTENSION_ID = 'loss-landscape.loss-landscape-explorer';
export const VIEW_TYPE = 'lossLandscape.preview';

/** The project root: out/test/vscode is three levels down. */
export const root = resolve(__dirname, '..', '..', '..');

// The built engine the extension bundles, loaded as plain Node code (no `vscode`).
export const engine: typeof import('../../src/engine') = require(join(root, 'dist', 'engine.js'));

export async function api(): Promise<LossLandscapeApi> {
  const extension = vscode.extensions.getExtension<LossLandscapeApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture in the first editor column and focuses it. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** Closes every editor and extra group, first dropping unsaved edits so that no "Save?" dialog blocks the run. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllGroups');
}

/**
 * The first event that satisfies `accept`, listening from now: call it
 * before the action that should cause the event, await it after.
 */
export function nextEvent<T>(event: vscode.Event<T>, accept: (e: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
    }, timeoutMs);
    const listener = event((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      listener.dispose();
      resolvePromise(e);
    });
  });
}

/** Polls until `test` holds: for state VS Code updates asynchronously (visibility, activation). */
export async function until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every event that satisfies `accept` while `during` runs and for `quietMs` after. */
export async function eventsDuring<T>(event: vscode.Event<T>, accept: (e: T) => boolean, quietMs: number, during: () => Thenable<unknown>): Promise<T[]> {
  const seen: T[] = [];
  const listener = event((e) => {
    if (accept(e)) seen.push(e);
  });
  try {
    await during();
    await new Promise((r) => setTimeout(r, quietMs));
  } finally {
    listener.dispose();
  }
  return seen;
}

/** The next 'rendered' report from the preview of `document`. */
export function nextRender(ll: LossLandscapeApi, document: vscode.Uri, what = `a render of ${document.path}`): Promise<PreviewReport> {
  return nextEvent(ll.onDidRender, (r) => r.document === document.toString(), what);
}

/** Resolves once the document's diagnostics satisfy `accept` (checked now and on every change). */
export function diagnosticsWhere(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return nextEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && accept(vscode.languages.getDiagnostics(uri)),
    what,
  ).then(() => vscode.languages.getDiagnostics(uri));
}

export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.path}`);
}

/** Restarts summed over runs, as the engine simulates the file with these settings. */
export function expectedRestarts(source: string, settings: Record<string, unknown> = {}): number {
  return engine.simulate(source, settings).runs.reduce((n, run) => n + run.restarts.length, 0);
}

/** The preview tabs open in the whole window, whatever their group. */
export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

/**
 * Asks the code-server harness, which watches the console for these lines,
 * to answer in a file of its output dir, and waits for that file. Undefined
 * elsewhere (desktop VS Code has no such harness).
 */
async function askHarness(command: string, name: string, extension: string, argument?: string): Promise<string | undefined> {
  const dir = process.env.LL_HARNESS_DIR;
  if (!dir) return undefined;
  const file = join(dir, `${name}.${extension}`);
  console.log(`ll:${command} ${name}${argument === undefined ? '' : ` ${argument}`}`);
  const deadline = Date.now() + 30_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the harness wrote no ${file}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return file;
}

/** A picture of the workbench, kept in test-output/vscode/. */
export function screenshot(name: string): Promise<string | undefined> {
  return askHarness('screenshot', name, 'png');
}

/**
 * Presses keys in the workbench as a user would, in Playwright's notation, chords
 * separated by spaces ('Control+K V'). False where there is no harness to press them.
 */
export async function pressKeys(name: string, keys: string): Promise<boolean> {
  return (await askHarness('press', name, 'json', keys)) !== undefined;
}

/** What the preview webview shows of its view state (read from its DOM by the harness). */
export interface PreviewInspection {
  step?: string;
  logLossChart?: boolean;
  error?: string;
}

export async function inspectPreview(name: string): Promise<PreviewInspection | undefined> {
  const file = await askHarness('inspect-preview', name, 'json');
  return file === undefined ? undefined : JSON.parse(readFileSync(file, 'utf8'));
}
