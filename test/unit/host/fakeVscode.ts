// The slice of the `vscode` API that preview.ts uses, faked in plain Node so
// the preview's message handling can be unit-tested without an editor (the
// integration suite in test/vscode runs the real thing). Installed in place
// of the 'vscode' module by installFakeVscode().

import Module from 'node:module';
import { join } from 'node:path';

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
};

export function fakeDocument(uri: Uri, text: string): FakeDocument {
  const doc: FakeDocument = { uri, text, getText: () => doc.text };
  return doc;
}

/** Edits a document and tells the listeners, as VS Code does on a keystroke. */
export function editDocument(doc: FakeDocument, text: string): void {
  doc.text = text;
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
