// What activate() returns: a small API for the integration suite (and the
// edit-to-scene latency benchmark) to observe the previews from inside the
// extension host.

import * as vscode from 'vscode';

export interface PreviewReport {
  /** The document's URI string. */
  document: string;
  revision: number;
  runs: number;
  restarts: number;
  vertices: number;
  resolution: number;
}

export interface PreviewErrorReport {
  document: string;
  message: string;
  /** 0-based. */
  line: number;
}

export interface SettingWarning {
  key: string;
  message: string;
}

export interface PreviewInfo {
  document: string;
  viewColumn: number | undefined;
  visible: boolean;
}

export interface LossLandscapeApi {
  /** Fired on each 'rendered' from a webview. */
  onDidRender: vscode.Event<PreviewReport>;
  /** Fired when the host sends an 'error' to a preview. */
  onDidShowError: vscode.Event<PreviewErrorReport>;
  /** Fired with each invalid-setting warning notification. */
  onDidWarnSetting: vscode.Event<SettingWarning>;
  previews(): PreviewInfo[];
  /** What VS Code calls after a reload. */
  serializer: vscode.WebviewPanelSerializer;
  viewType: string;
  /** How long a preview waits after an edit before it recomputes (the latency bench prints it). */
  previewDebounceMs: number;
}

/** The emitters behind the API's events, fired by the previews and the configuration. */
export class ApiEvents implements vscode.Disposable {
  readonly rendered = new vscode.EventEmitter<PreviewReport>();
  readonly shownError = new vscode.EventEmitter<PreviewErrorReport>();
  readonly warnedSetting = new vscode.EventEmitter<SettingWarning>();

  dispose(): void {
    this.rendered.dispose();
    this.shownError.dispose();
    this.warnedSetting.dispose();
  }
}
