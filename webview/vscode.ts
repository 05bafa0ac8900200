// The one handle on VS Code's webview API. acquireVsCodeApi may be called
// only once per page, so everything that posts or persists goes through here.

import type { ViewState, WebviewMessage } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function savedState(): unknown {
  return api.getState();
}

export function saveState(state: ViewState): void {
  api.setState(state);
}
