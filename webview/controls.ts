// The toolbar: playback (play/pause, step back/forward, speed, scrub), the
// view buttons, "save start" and the log-scale switch for the loss chart.
// This is the ONLY module that imports the UI toolkit: the toolkit is
// archived upstream, and a swap to @vscode-elements/elements must stay a
// change to this file alone. Everything else talks to the `Controls` class.

import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  type Button,
  type Checkbox,
  type Dropdown,
} from '@vscode/webview-ui-toolkit';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption());

export interface ControlEvents {
  togglePlay(): void;
  stepBy(delta: number): void;
  seek(step: number): void;
  setSpeed(multiplier: number): void;
  resetView(): void;
  topView(): void;
  saveStart(): void;
  setLogLoss(on: boolean): void;
}

const SPEEDS = [0.25, 0.5, 1, 2, 4];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, text: string, onClick: () => void, appearance: 'primary' | 'secondary' = 'secondary'): Button {
  const b = document.createElement('vscode-button') as Button;
  b.setAttribute('appearance', appearance);
  b.setAttribute('aria-label', label);
  b.title = label;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

export class Controls {
  readonly element: HTMLElement;
  private readonly play: Button;
  private readonly saveStartButton: Button;
  private readonly slider: HTMLInputElement;
  private readonly stepLabel: HTMLOutputElement;
  private readonly logLoss: Checkbox;

  constructor(events: ControlEvents, logLoss: boolean) {
    this.element = el('div', 'toolbar');
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Playback and view');

    this.play = button('Play (Space)', 'Play', () => events.togglePlay(), 'primary');
    this.play.id = 'play';
    const back = button('Step back (Left arrow)', '◀ Step', () => events.stepBy(-1));
    back.id = 'step-back';
    const forward = button('Step forward (Right arrow)', 'Step ▶', () => events.stepBy(1));
    forward.id = 'step-forward';

    const speedLabel = el('label', 'field', 'Speed');
    const speed = document.createElement('vscode-dropdown') as Dropdown;
    speed.id = 'speed';
    speed.setAttribute('aria-label', 'Playback speed');
    for (const s of SPEEDS) {
      const option = document.createElement('vscode-option');
      option.setAttribute('value', String(s));
      option.textContent = `${s}×`;
      if (s === 1) option.setAttribute('selected', '');
      speed.appendChild(option);
    }
    speed.addEventListener('change', () => events.setSpeed(Number(speed.value)));
    speedLabel.appendChild(speed);

    const scrub = el('label', 'field scrub', 'Step');
    this.slider = el('input');
    this.slider.id = 'scrub';
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.max = '0';
    this.slider.step = '1';
    this.slider.value = '0';
    this.slider.setAttribute('aria-label', 'Step (scrub)');
    this.slider.addEventListener('input', () => events.seek(Number(this.slider.value)));
    this.stepLabel = el('output', 'step-value', '0');
    this.stepLabel.id = 'readout-step';
    this.stepLabel.setAttribute('aria-live', 'off');
    scrub.append(this.slider, this.stepLabel);

    const reset = button('Reset view', 'Reset view', () => events.resetView());
    reset.id = 'reset-view';
    const top = button('Top-down view', 'Top view', () => events.topView());
    top.id = 'top-view';
    this.saveStartButton = button('Write an @start line for the last clicked point', 'Save start', () => events.saveStart());
    this.saveStartButton.id = 'save-start';
    this.saveStartButton.disabled = true;

    this.logLoss = document.createElement('vscode-checkbox') as Checkbox;
    this.logLoss.id = 'log-loss';
    this.logLoss.textContent = 'Log loss chart';
    this.logLoss.checked = logLoss;
    this.logLoss.addEventListener('change', () => events.setLogLoss(this.logLoss.checked));

    const playback = el('div', 'group');
    playback.append(this.play, back, forward, speedLabel);
    const view = el('div', 'group');
    view.append(reset, top, this.saveStartButton, this.logLoss);
    this.element.append(playback, scrub, view);

    // Shortcuts apply when nothing that takes keys itself has focus.
    window.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target !== document.body && target.tagName !== 'CANVAS') return;
      if (e.key === ' ') events.togglePlay();
      else if (e.key === 'ArrowLeft') events.stepBy(e.shiftKey ? -10 : -1);
      else if (e.key === 'ArrowRight') events.stepBy(e.shiftKey ? 10 : 1);
      else return;
      e.preventDefault();
    });
  }

  setPlaying(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-label', playing ? 'Pause (Space)' : 'Play (Space)');
    this.play.setAttribute('aria-pressed', String(playing));
  }

  setStep(step: number, max: number): void {
    this.slider.max = String(max);
    this.slider.value = String(step);
    this.stepLabel.textContent = `${step} / ${max}`;
  }

  setSaveStartEnabled(enabled: boolean): void {
    this.saveStartButton.disabled = !enabled;
  }

  setLogLoss(on: boolean): void {
    this.logLoss.checked = on;
  }
}
