// The slice of the `vscode` API that preview.ts uses, faked in plain Node so
// the preview's message handling can be unit-tested without an editor (the
// integration suite in test/vscode runs the real thing). Installed in place
// of the 'vscode' module by installFakeVscode().

import Module from 'node:module';
import { join } from 'node:path';
import type { HostMessage } from '../../../src/shared/protocol';

type Listener<T> = (e: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const m = /^(\w+):\/\/(.*)$/.exec(text);
    if (!m) throw new Error(`not a URI: ${text}`);
    return new Uri(m[1], m[2]);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class WorkspaceEdit {
  readonly inserts: { uri: Uri; position: Position; text: string }[] = [];
  insert(uri: Uri, position: Position, text: string): void {
    this.inserts.push({ uri, position, text });
  }
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
  /** Increases with every edit, as VS Code's does (compiles are cached by it). */
  version: number;
  text: string;
  getText(): string;
}

/** The documents the fake workspace holds, and what was done to them. */
export const state = {
  documents: [] as FakeDocument[],
  appliedEdits: [] as WorkspaceEdit[],
  warnings: [] as string[],
  changes: new EventEmitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
  /** What `getConfiguration('lossLandscape').inspect(key)` returns, by key. */
  inspections: {} as Record<string, Record<string, unknown>>,
  configurationChanges: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  panels: [] as FakePanel[],
};

export type FakePanel = ReturnType<typeof fakePanel>;

/** A webview panel that records what the host posts; `send` plays the webview. */
export function fakePanel(title = '', viewColumn = 2) {
  const received = new EventEmitter<unknown>();
  const disposed = new EventEmitter<void>();
  const viewState = new EventEmitter<{ webviewPanel: unknown }>();
  const posted: HostMessage[] = [];
  const revealed: unknown[] = [];
  let isDisposed = false;
  const panel = {
    title,
    iconPath: undefined as unknown,
    viewColumn,
    visible: true,
    active: false,
    webview: {
      options: {} as { enableScripts?: boolean; localResourceRoots?: Uri[] },
      html: '',
      cspSource: 'https://webview.test',
      asWebviewUri: (uri: Uri) => uri,
      postMessage: async (m: HostMessage) => {
        posted.push(m);
        return true;
      },
      onDidReceiveMessage: received.event,
    },
    onDidDispose: disposed.event,
    onDidChangeViewState: viewState.event,
    reveal: (column: unknown) => revealed.push(column),
    dispose: () => {
      if (isDisposed) return;
      isDisposed = true;
      disposed.fire();
    },
  };
  return { panel, posted, revealed, send: (m: unknown) => received.fire(m), isDisposed: () => isDisposed };
}

export function fakeDocument(uri: Uri, text: string): FakeDocument {
  const doc: FakeDocument = { uri, languageId: 'loss', version: 1, text, getText: () => doc.text };
  return doc;
}

/** Edits a document and tells the listeners, as VS Code does on a keystroke. */
export function editDocument(doc: FakeDocument, text: string): void {
  doc.text = text;
  doc.version++;
  state.changes.fire({ document: doc, contentChanges: [{}] });
}

export const workspace = {
  get textDocuments() {
    return state.documents;
  },
  onDidChangeTextDocument: state.changes.event,
  async openTextDocument(uri: Uri) {
    const doc = state.documents.find((d) => d.uri.toString() === uri.toString());
    if (!doc) throw new Error(`no document ${uri.toString()}`);
    return doc;
  },
  getConfiguration(section: string) {
    return { inspect: (key: string) => state.inspections[`${section}.${key}`] };
  },
  onDidChangeConfiguration: state.configurationChanges.event,
  async applyEdit(edit: WorkspaceEdit) {
    state.appliedEdits.push(edit);
    return true;
  },
};

export const window = {
  createWebviewPanel(_viewType: string, title: string, show: { viewColumn: number }) {
    const created = fakePanel(title, show.viewColumn);
    state.panels.push(created);
    return created.panel;
  },
  async showWarningMessage(text: string) {
    state.warnings.push(text);
    return undefined;
  },
};

/** Makes `require('vscode')` load this module. */
export function installFakeVscode(): void {
  const m = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const original = m._resolveFilename;
  m._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? __filename : original.call(this, request, ...rest);
  };
}
