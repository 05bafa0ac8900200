// The extension's entry point: wiring only. Each feature lives in src/host/.

import * as vscode from 'vscode';
import { ApiEvents, type LossLandscapeApi } from './host/api';
import { DidYouMeanFixes } from './host/codeActions';
import { OpenPreviewLens } from './host/codeLens';
import { copyScheduleAsCode } from './host/commands/copyScheduleAsCode';
import { exportImage } from './host/commands/exportImage';
import { exportTrajectory } from './host/commands/exportTrajectory';
import { newFile } from './host/commands/newFile';
import { showPreview } from './host/commands/showPreview';
import { LossCompletions } from './host/completion';
import { Configuration } from './host/configuration';
import { DiagnosticsReporter } from './host/diagnostics';
import { LossHover } from './host/hover';
import { COMMANDS, LANGUAGE_ID, VIEW_TYPE } from './host/ids';
import { PREVIEW_DEBOUNCE_MS } from './host/preview';
import { PreviewManager } from './host/previewManager';

export function activate(context: vscode.ExtensionContext): LossLandscapeApi {
  const log = vscode.window.createOutputChannel('Loss Landscape', { log: true });
  const events = new ApiEvents();
  const configuration = new Configuration((problem, text) => {
    log.warn(text);
    void vscode.window.showWarningMessage(text);
    events.warnedSetting.fire({ key: problem.key, message: text });
  });
  const manager = new PreviewManager({
    extensionUri: context.extensionUri,
    configuration,
    events,
    log,
    memento: context.workspaceState,
  });
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };

  context.subscriptions.push(
    log,
    events,
    configuration,
    manager,
    new DiagnosticsReporter(),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, manager),
    vscode.languages.registerCodeActionsProvider(selector, new DidYouMeanFixes(), DidYouMeanFixes.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new LossCompletions(), ...LossCompletions.triggerCharacters),
    vscode.languages.registerHoverProvider(selector, new LossHover()),
    vscode.languages.registerCodeLensProvider(selector, new OpenPreviewLens()),
    vscode.commands.registerCommand(COMMANDS.showPreview, (arg?: unknown) => showPreview(manager, false, arg)),
    vscode.commands.registerCommand(COMMANDS.showPreviewToSide, (arg?: unknown) => showPreview(manager, true, arg)),
    vscode.commands.registerCommand(COMMANDS.newFile, (arg?: unknown) => newFile(context.extensionUri, manager, arg)),
    vscode.commands.registerCommand(COMMANDS.exportTrajectory, (arg?: unknown) => exportTrajectory(configuration, manager, arg)),
    vscode.commands.registerCommand(COMMANDS.exportImage, (arg?: unknown) => exportImage(manager, events, arg)),
    vscode.commands.registerCommand(COMMANDS.copyScheduleAsCode, (arg?: unknown) => copyScheduleAsCode(configuration, manager, arg)),
  );

  return {
    onDidRender: events.rendered.event,
    onDidShowError: events.shownError.event,
    onDidWarnSetting: events.warnedSetting.event,
    previews: () => manager.list(),
    serializer: manager,
    viewType: VIEW_TYPE,
    previewDebounceMs: PREVIEW_DEBOUNCE_MS,
  };
}

export function deactivate(): void {}
