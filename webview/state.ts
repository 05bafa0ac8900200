// The view state that survives scene updates and window reloads (camera,
// playhead, playing, log loss chart). Restored from the webview's own
// getState() on load and from the host's `init` (after a reload the host
// is the one that kept it); either source is validated before use.
// Writes are coalesced: playback changes the step every frame, and
// setState serialises the whole object each time.

import { parseViewState, type ViewState } from '../src/shared/protocol';
import { saveState, savedState } from './vscode';

const SAVE_DELAY_MS = 300;

export function defaultViewState(): ViewState {
  return { camera: null, step: 0, playing: false, logLossChart: false };
}

/** The webview's own saved state, or the default when there is none or it is malformed. */
export function restoreViewState(): ViewState {
  const saved = savedState();
  if (saved === undefined || saved === null) return defaultViewState();
  try {
    return parseViewState(saved);
  } catch (e) {
    console.warn(`Loss Landscape: ignoring saved view state: ${(e as Error).message}`);
    return defaultViewState();
  }
}

export class StateSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly read: () => ViewState) {}

  /** Saves soon; many calls within the delay make one write. */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    saveState(this.read());
  }
}
