// Owns every preview panel: one per document, kept in a store keyed by the
// document's URI. It is also the WebviewPanelSerializer, so a new panel
// (`show`) and a panel VS Code restores after a reload
// (`deserializeWebviewPanel`) go through the same `add`, with validated state.

import * as vscode from 'vscode';
import { parseViewState, type ViewState } from '../shared/protocol';
import type { ApiEvents, PreviewInfo } from './api';
import type { Configuration } from './configuration';
import { LANGUAGE_ID, VIEW_TYPE } from './ids';
import { Preview, previewResourceRoots } from './preview';
import { documentForRevivedPanel, previewTitle } from './previewIdentity';

const RECORD_KEY = 'lossLandscape.previewedDocuments';

export interface PreviewManagerOptions {
  extensionUri: vscode.Uri;
  configuration: Configuration;
  events: ApiEvents;
  log: vscode.LogOutputChannel;
  /** Where the previewed documents are recorded for the next window reload. */
  memento: vscode.Memento;
}

export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  /** The preview whose panel was focused last. */
  private lastActive: Preview | undefined;
  private closingAll = false;

  constructor(private readonly options: PreviewManagerOptions) {}

  /** Shows the document's preview, creating it if there is none. */
  show(document: vscode.Uri, viewColumn: vscode.ViewColumn, preserveFocus: boolean): Preview {
    const existing = this.previews.get(document.toString());
    if (existing) {
      existing.panel.reveal(viewColumn, preserveFocus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      previewTitle(document.toString()),
      { viewColumn, preserveFocus },
      // Kept alive while hidden so the animation, camera and an exportImage request survive tab switches.
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: previewResourceRoots(this.options.extensionUri) },
    );
    return this.add(panel, document, null);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const taken = new Set(this.previews.keys());
    // The recorded documents first; then any open `.loss` document with the panel's title.
    const open = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID).map((d) => d.uri.toString());
    const uri = documentForRevivedPanel(panel.title, [...this.recorded(), ...open], taken);
    if (!uri) {
      this.options.log.warn(`could not tell which document the restored panel '${panel.title}' showed; closing it`);
      panel.dispose();
      return;
    }
    let restored: ViewState | null = null;
    if (state !== undefined && state !== null) {
      try {
        restored = parseViewState(state);
      } catch (e) {
        this.options.log.warn(`ignoring the restored view state of ${uri}: ${(e as Error).message}`);
      }
    }
    this.add(panel, vscode.Uri.parse(uri), restored);
  }

  private add(panel: vscode.WebviewPanel, document: vscode.Uri, restoredState: ViewState | null): Preview {
    const { extensionUri, configuration, events, log } = this.options;
    const preview = new Preview({ panel, document, extensionUri, configuration, events, log, restoredState });
    this.previews.set(preview.key, preview);
    this.lastActive = preview;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = preview;
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview.key);
      if (this.lastActive === preview) this.lastActive = undefined;
      if (!this.closingAll) void this.record();
    });
    void this.record();
    return preview;
  }

  get(document: vscode.Uri): Preview | undefined {
    return this.previews.get(document.toString());
  }

  /** The preview the user is looking at: the focused panel, else the one focused last. */
  activePreview(): Preview | undefined {
    for (const p of this.previews.values()) if (p.panel.active) return p;
    return this.lastActive;
  }

  list(): PreviewInfo[] {
    return [...this.previews.values()].map((p) => ({ document: p.key, viewColumn: p.panel.viewColumn, visible: p.panel.visible }));
  }

  private recorded(): string[] {
    const value = this.options.memento.get<unknown>(RECORD_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  private record(): Thenable<void> {
    return this.options.memento.update(RECORD_KEY, [...this.previews.keys()]);
  }

  dispose(): void {
    // Not recorded: panels closing with the window must be revived after the reload.
    this.closingAll = true;
    [...this.previews.values()].forEach((p) => p.dispose());
  }
}
