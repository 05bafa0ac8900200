// One preview panel for one `.loss` document. It follows the document's
// edits and the settings (debounced; a newer update makes older work stale
// and the surface worker's job is cancelled), keeps the last good picture
// when the file breaks (and sends the first error), answers the webview's
// messages after validating them, and frees everything when the panel
// closes. Created and revived through the same constructor (see
// previewManager.ts), with one options object.

import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { compile, resolveDomain } from '../engine';
import { compileDocument, type Compiled } from './documents';
import { previewHtml } from '../shared/previewHtml';
import {
  parseWebviewMessage,
  type ErrorMessage,
  type HostMessage,
  type SceneMessage,
  type ViewState,
  type WebviewMessage,
} from '../shared/protocol';
import type { ApiEvents } from './api';
import type { Configuration } from './configuration';
import { checkCompiled, extraRun, planScene, sceneMessage, type FileError, type ScenePlan } from './scene';
import { startInsertion } from './startLine';
import { CANCELLED, SurfaceSampler } from './surfaceSampler';
import { documentName, previewTitle } from './previewIdentity';

/** Edits and settings changes closer together than this make one update. */
export const PREVIEW_DEBOUNCE_MS = 200;
/** How long exportImage waits for the webview's PNG. */
export const IMAGE_TIMEOUT_MS = 15_000;

export interface PreviewOptions {
  panel: vscode.WebviewPanel;
  document: vscode.Uri;
  extensionUri: vscode.Uri;
  configuration: Configuration;
  events: ApiEvents;
  log: vscode.LogOutputChannel;
  /** The view state VS Code kept across a reload, already validated; null for a new panel. */
  restoredState: ViewState | null;
}

/** The webview may load only the built assets. */
export function previewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

interface ImageRequest {
  resolve(png: Uint8Array): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class Preview implements vscode.Disposable {
  readonly document: vscode.Uri;
  /** The document's URI string, the preview's identity. */
  readonly key: string;
  readonly panel: vscode.WebviewPanel;
  private readonly options: PreviewOptions;
  private readonly sampler: SurfaceSampler;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private isDisposed = false;

  private revision = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last text seen, so the preview keeps working after its editor closes. */
  private source: string | undefined;
  /** What the last good update computed, for extra runs and "save start". */
  private current: ScenePlan | undefined;

  private ready = false;
  private initState: ViewState | null;
  /** Re-sent when the webview (re)loads: the last picture, and the error shown over it. */
  private lastScene: SceneMessage | undefined;
  private lastError: ErrorMessage | undefined;
  private readonly imageRequests = new Map<number, ImageRequest>();
  private unsentImageRequests: number[] = [];
  private nextImageRequest = 1;

  constructor(options: PreviewOptions) {
    this.options = options;
    this.panel = options.panel;
    this.document = options.document;
    this.key = options.document.toString();
    this.initState = options.restoredState;
    this.sampler = new SurfaceSampler(vscode.Uri.joinPath(options.extensionUri, 'dist', 'surfaceWorker.js').fsPath);

    const webview = this.panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: previewResourceRoots(options.extensionUri) };
    this.panel.title = previewTitle(this.key);
    this.panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'loss-icon.svg');
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('hex'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview.css')).toString(),
    });

    this.subscriptions.push(
      webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.key && e.contentChanges.length > 0) this.schedule();
      }),
      options.configuration.onDidChange(() => this.schedule()),
    );
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, PREVIEW_DEBOUNCE_MS);
  }

  /** Recomputes the scene now; an update started later makes this one stale. */
  async update(): Promise<void> {
    const revision = ++this.revision;
    const stale = () => this.isDisposed || revision !== this.revision;
    try {
      const { source, compiled } = await this.readSource();
      if (stale()) return;
      const checked = checkCompiled(compiled);
      if (checked.error) {
        this.showError(revision, checked.error);
        return;
      }
      const settings = this.options.configuration.resolve(this.document, compiled.file.settings);
      // The worker samples while this thread simulates the runs; Promise.all
      // so that a failure of either is caught below, not left unhandled.
      const sampling = this.sampler.sample(source, resolveDomain(compiled.file, settings), settings.surface.resolution);
      const [plan, surface] = await Promise.all([Promise.resolve().then(() => planScene(checked.loss, compiled.file, settings)), sampling]);
      if (surface === CANCELLED || stale()) return;
      this.current = plan;
      const scene = sceneMessage(revision, documentName(this.key), plan, surface);
      this.lastScene = scene;
      this.lastError = undefined;
      this.post(scene);
    } catch (e) {
      // Nothing a user types should get here; if it does, say so instead of failing silently.
      if (stale()) return;
      const message = e instanceof Error ? e.message : String(e);
      this.options.log.error(`preview of ${this.key}: ${message}`);
      this.showError(revision, { message, line: 0, column: 0, count: 1 });
    }
  }

  /** The document's text and its compile (shared with the language features while it is open). */
  private async readSource(): Promise<{ source: string; compiled: Compiled }> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.key);
    if (open) {
      this.source = open.getText();
      return { source: this.source, compiled: compileDocument(open) };
    }
    this.source ??= (await vscode.workspace.openTextDocument(this.document)).getText();
    return { source: this.source, compiled: compile(this.source) };
  }

  private showError(revision: number, error: FileError): void {
    const message: ErrorMessage = { type: 'error', revision, ...error };
    this.lastError = message;
    this.post(message);
    this.options.events.shownError.fire({ document: this.key, message: error.message, line: error.line });
  }

  private post(message: HostMessage): void {
    if (this.ready && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.options.log.warn(`preview of ${this.key}: rejected a message from the webview: ${parsed.reason}`);
      return;
    }
    this.handle(parsed.message);
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.onReady();
        break;
      case 'rendered': {
        const { revision, runs, restarts, vertices, resolution } = message;
        this.options.events.rendered.fire({ document: this.key, revision, runs, restarts, vertices, resolution });
        break;
      }
      case 'startRun':
        this.startRun(message.x, message.y);
        break;
      case 'saveStart':
        void this.saveStart(message.x, message.y);
        break;
      case 'image':
        this.settleImage(message.requestId, (r) => r.resolve(message.png));
        break;
      case 'imageError':
        this.settleImage(message.requestId, (r) => r.reject(new Error(`the preview could not export an image: ${message.message}`)));
        break;
      case 'rejected':
        this.options.log.warn(`preview of ${this.key}: the webview rejected a message: ${message.reason}`);
        break;
    }
  }

  /** The webview (re)loaded: give it the restored view state, then what it should show. */
  private onReady(): void {
    this.ready = true;
    this.post({ type: 'init', state: this.initState });
    // Later reloads of the same panel restore their own state with getState().
    this.initState = null;
    if (this.lastScene) this.post(this.lastScene);
    if (this.lastError) this.post(this.lastError);
    for (const requestId of this.unsentImageRequests) this.post({ type: 'requestImage', requestId });
    this.unsentImageRequests = [];
  }

  private startRun(x: number, y: number): void {
    const run = this.current && extraRun(this.current, x, y);
    if (run) this.post({ type: 'extraRun', run });
  }

  /** Writes `@start (x, y)` into the document with an undoable edit. */
  private async saveStart(x: number, y: number): Promise<void> {
    const domain = this.current?.domain;
    if (!domain) return;
    const document = await vscode.workspace.openTextDocument(this.document);
    const at = startInsertion(document.getText(), x, y, domain);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(this.document, new vscode.Position(at.line, at.character), at.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(`Loss Landscape: could not add the start point to ${documentName(this.key)}.`);
    }
  }

  /** The picture as PNG bytes, from the webview; rejects on an error reply or after a timeout. */
  requestImage(timeoutMs = IMAGE_TIMEOUT_MS): Promise<Uint8Array> {
    if (this.isDisposed) return Promise.reject(new Error('the preview is closed'));
    const requestId = this.nextImageRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.imageRequests.delete(requestId);
        reject(new Error(`the preview sent no image within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.imageRequests.set(requestId, { resolve, reject, timer });
      if (this.ready) this.post({ type: 'requestImage', requestId });
      else this.unsentImageRequests.push(requestId);
    });
  }

  private settleImage(requestId: number, settle: (r: ImageRequest) => void): void {
    const request = this.imageRequests.get(requestId);
    if (!request) return;
    this.imageRequests.delete(requestId);
    clearTimeout(request.timer);
    settle(request);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    clearTimeout(this.timer);
    this.sampler.dispose();
    for (const [id, request] of this.imageRequests) this.settleImage(id, () => request.reject(new Error('the preview was closed')));
    this.subscriptions.forEach((s) => s.dispose());
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}
