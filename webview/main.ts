// The preview webview: lays out the page, wires the scene, charts, readouts
// and controls to the playhead, and speaks the protocol with the host.
// Every message from the host is validated; a malformed one is rejected
// with its reason (logged here and posted back), never thrown on.

import './style.css';
import { parseHostMessage, type HostMessage, type SceneMessage, type ViewState } from '../src/shared/protocol';
import { Charts } from './charts';
import { Controls } from './controls';
import { Playback } from './playback';
import { Readouts } from './readouts';
import { LandscapeScene } from './scene';
import { restoreViewState, StateSaver } from './state';
import { readTheme, watchTheme } from './theme';
import { post } from './vscode';

function div(className: string, id?: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = className;
  if (id) d.id = id;
  return d;
}

const app = document.getElementById('app') ?? document.body;
const initial = restoreViewState();
let theme = readTheme();
const playback = new Playback();
let logLoss = initial.logLossChart;
let lastPick: { x: number; y: number } | null = null;
let pendingStep = initial.step;
let hasScene = false;
let loopScheduled = false;
let params: [string, string] = ['x', 'y'];

const saver = new StateSaver(
  (): ViewState => ({ camera: scene.getCamera(), step: playback.step, playing: playback.playing, logLossChart: logLoss }),
);

const controls = new Controls(
  {
    togglePlay: () => {
      playback.toggle();
      afterPlaybackChange();
    },
    stepBy: (d) => {
      playback.stepBy(d);
      afterPlaybackChange();
    },
    seek: (s) => {
      playback.seek(s);
      afterPlaybackChange();
    },
    setSpeed: (m) => {
      playback.multiplier = m;
    },
    resetView: () => scene.resetView(),
    topView: () => scene.topView(),
    saveStart: () => {
      if (lastPick) post({ type: 'saveStart', x: lastPick.x, y: lastPick.y });
    },
    setLogLoss: (on) => {
      logLoss = on;
      charts.setLogLoss(on);
      // A click is one write, not a stream: save now, so a reload right after it keeps it.
      saver.flush();
    },
  },
  logLoss,
);

const banner = div('banner', 'banner');
banner.setAttribute('role', 'alert');
banner.hidden = true;
const view = div('view', 'view');
const title = div('title', 'title');
const readouts = new Readouts();
// The title sits top-left, the legend bottom-left: the default view leaves
// that corner empty, while the top-left is where the loss axis rises.
readouts.element.classList.add('overlay', 'bottom');
title.classList.add('overlay', 'top');
const chartsRow = div('charts');
const lrHost = div('chart', 'chart-lr');
const lossHost = div('chart', 'chart-loss');
chartsRow.append(lrHost, lossHost);
app.append(controls.element, view, chartsRow);
// Over the picture, not above it: showing an error must not resize the view it keeps.
view.append(title, readouts.element, banner);

const scene = new LandscapeScene(view, theme, {
  pick: (x, y) => {
    lastPick = { x, y };
    controls.setSaveStartEnabled(true);
    post({ type: 'startRun', x, y });
  },
  cameraChanged: () => saver.schedule(),
  restored: () => console.info('Loss Landscape: WebGL context restored; scene rebuilt'),
});
const charts = new Charts(lrHost, lossHost, theme, logLoss);
// State writes are coalesced; the last one must not be lost when the panel goes away.
window.addEventListener('pagehide', () => saver.flush());
scene.setCamera(initial.camera);
if (initial.playing) playback.play();

watchTheme((t) => {
  theme = t;
  scene.applyTheme(t);
  charts.setTheme(t);
  readouts.setRuns(scene.allRuns, params, t);
  readouts.setStep(playback.step);
});

/** Shows the playhead everywhere it appears. */
function showStep(): void {
  scene.setStep(playback.step);
  charts.setStep(playback.step);
  readouts.setStep(playback.step);
  controls.setStep(playback.step, playback.max);
}

function afterPlaybackChange(): void {
  showStep();
  controls.setPlaying(playback.playing);
  saver.schedule();
  // Before the first scene there is nothing to play through; onScene starts the loop.
  if (playback.playing && hasScene) scheduleLoop();
}

function scheduleLoop(): void {
  if (loopScheduled) return;
  loopScheduled = true;
  requestAnimationFrame(loop);
}

function loop(now: number): void {
  loopScheduled = false;
  if (playback.tick(now)) {
    showStep();
    scene.render();
    saver.schedule();
  }
  if (playback.playing) scheduleLoop();
  else controls.setPlaying(false);
}

function runLength(): number {
  return Math.max(0, ...scene.allRuns.map((r) => r.lr.length - 1));
}

function onScene(message: SceneMessage): void {
  banner.hidden = true;
  params = message.params;
  title.textContent = message.title;
  scene.setScene(message);
  playback.baseSpeed = message.speed;
  playback.setMax(runLength());
  if (!hasScene) {
    // The restored playhead applies to the first scene; later scenes keep the current one.
    hasScene = true;
    playback.step = Math.min(pendingStep, playback.max);
  }
  charts.setRuns(scene.allRuns);
  readouts.setRuns(scene.allRuns, params, theme);
  showStep();
  controls.setPlaying(playback.playing);
  if (playback.playing) scheduleLoop();
  scene.render();
  app.removeAttribute('aria-busy');
  // Posted a frame later, once the picture has reached the screen.
  requestAnimationFrame(() => {
    const stats = scene.stats;
    post({
      type: 'rendered',
      revision: message.revision,
      runs: stats.runs,
      restarts: stats.restarts,
      vertices: stats.vertices,
      resolution: message.surface.resolution,
    });
  });
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'scene':
      onScene(message);
      break;
    case 'error': {
      const more = message.count > 1 ? ` (and ${message.count - 1} more)` : '';
      banner.textContent = `Line ${message.line + 1}: ${message.message}${more}`;
      banner.hidden = false;
      break;
    }
    case 'extraRun':
      scene.addRun(message.run);
      playback.setMax(runLength());
      charts.setRuns(scene.allRuns);
      readouts.setRuns(scene.allRuns, params, theme);
      showStep();
      break;
    case 'init': {
      const s = message.state;
      if (!s) break;
      scene.setCamera(s.camera);
      logLoss = s.logLossChart;
      controls.setLogLoss(logLoss);
      charts.setLogLoss(logLoss);
      if (hasScene) playback.seek(s.step);
      else pendingStep = s.step;
      if (s.playing) playback.play();
      afterPlaybackChange();
      break;
    }
    case 'requestImage':
      scene.png().then(
        (png) => post({ type: 'image', requestId: message.requestId, png }),
        (e: unknown) => post({ type: 'imageError', requestId: message.requestId, message: (e as Error).message }),
      );
      break;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Loss Landscape: rejected a message from the host: ${parsed.reason}`);
    post({ type: 'rejected', reason: parsed.reason });
    return;
  }
  handle(parsed.message);
});

post({ type: 'ready' });
