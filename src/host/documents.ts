// One compile per document version, shared by diagnostics, quick fixes,
// completion, hover, CodeLens and the preview, so a keystroke is compiled
// once however many features ask.

import type * as vscode from 'vscode';
import { compile } from '../engine';

export type Compiled = ReturnType<typeof compile>;

const cache = new WeakMap<vscode.TextDocument, { version: number; compiled: Compiled }>();

export function compileDocument(document: vscode.TextDocument): Compiled {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit.compiled;
  const compiled = compile(document.getText());
  cache.set(document, { version: document.version, compiled });
  return compiled;
}
