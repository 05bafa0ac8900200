// Reads the `lossLandscape.*` settings VS Code holds (user, workspace, folder,
// and their `[loss]` language-specific variants), validates them against the
// settings table, and warns once per invalid key; the preview and the
// commands always get a complete, valid Settings object.

import * as vscode from 'vscode';
import { CONFIGURATION_PREFIX, type Settings, type SettingProblem } from '../settings/settings';
import { SettingWarnings, documentSettings, userLayer, warningText } from './settingsLayers';
import { LANGUAGE_ID } from './ids';

export class Configuration implements vscode.Disposable {
  private readonly warnings = new SettingWarnings();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any `lossLandscape.*` setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly warn: (problem: SettingProblem, text: string) => void) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIGURATION_PREFIX)) return;
      // Warn now, not only when a preview or command next reads the settings.
      this.resolve(undefined);
      this.changed.fire();
    });
    this.resolve(undefined);
  }

  /** The settings for a document (or none): defaults < settings < the file's `@set` values. */
  resolve(scope: vscode.Uri | undefined, fileSettings: Readonly<Record<string, unknown>> = {}): Settings {
    const config = vscode.workspace.getConfiguration(CONFIGURATION_PREFIX, { uri: scope, languageId: LANGUAGE_ID });
    const user = userLayer((key) => {
      const i = config.inspect(key);
      if (!i) return undefined;
      // The most specific scope that sets the key wins, as VS Code's own `get`;
      // null is a value here (e.g. momentum: null = PyTorch's default).
      const scopes = [
        i.workspaceFolderLanguageValue,
        i.workspaceLanguageValue,
        i.globalLanguageValue,
        i.workspaceFolderValue,
        i.workspaceValue,
        i.globalValue,
      ];
      return scopes.find((v) => v !== undefined);
    });
    const { settings, problems } = documentSettings(user, fileSettings);
    for (const problem of this.warnings.update(problems)) this.warn(problem, warningText(problem));
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
