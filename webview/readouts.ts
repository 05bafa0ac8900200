// The legend of runs, which doubles as the readouts at the playhead: per run
// its colour, label, η, loss, position and SGDR cycle; below it the key to
// the markers and arrows. Rebuilt per scene; updated in place per step.

import type { RunData } from '../src/shared/protocol';
import { GRADIENT_COLOR, RESTART_COLOR, VELOCITY_COLOR } from './paths';
import { cycleAt } from './playback';
import type { Theme } from './theme';
import { formatValue } from './ticks';

interface Row {
  run: RunData;
  lr: HTMLTableCellElement;
  loss: HTMLTableCellElement;
  position: HTMLTableCellElement;
  cycle: HTMLTableCellElement;
}

function cell(row: HTMLTableRowElement, text = '', className = ''): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

export class Readouts {
  readonly element: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly key: HTMLElement;
  private rows: Row[] = [];
  private params: [string, string] = ['x', 'y'];

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'legend';
    this.element.id = 'legend';
    const table = document.createElement('table');
    table.setAttribute('aria-label', 'Runs at the playhead');
    const head = table.createTHead().insertRow();
    for (const h of ['', 'run', 'η', 'loss', 'position', 'cycle']) {
      const th = document.createElement('th');
      th.textContent = h;
      th.scope = 'col';
      head.appendChild(th);
    }
    this.body = table.createTBody();
    this.key = document.createElement('div');
    this.key.className = 'key';
    this.element.append(table, this.key);
  }

  setRuns(runs: readonly RunData[], params: [string, string], theme: Theme): void {
    this.params = params;
    this.body.replaceChildren();
    this.rows = runs.map((run, i) => {
      const tr = this.body.insertRow();
      const swatch = cell(tr, '', 'swatch');
      const dot = document.createElement('span');
      dot.className = 'dot';
      dot.style.background = theme.runColors[i % theme.runColors.length];
      swatch.appendChild(dot);
      const label = cell(tr, run.label, 'label');
      if (run.stopped) label.title = `stopped at step ${run.stopped.step}: ${run.stopped.reason}`;
      return { run, lr: cell(tr, '', 'num'), loss: cell(tr, '', 'num'), position: cell(tr, '', 'num'), cycle: cell(tr, '', 'num') };
    });
    this.key.replaceChildren(
      keyItem('●', theme.runColors[0], 'snapshot (end of a cycle)'),
      keyItem('◆', RESTART_COLOR, 'restart (first step at η max)', 'outlined'),
      keyItem('⌒', theme.runColors[0], 'jump'),
      keyItem('➜', GRADIENT_COLOR, '−∇f'),
      keyItem('➜', VELOCITY_COLOR, 'velocity (step)'),
    );
  }

  setStep(step: number): void {
    for (const row of this.rows) {
      const n = row.run.lr.length;
      const k = Math.min(step, n - 1);
      const p = row.run.points;
      row.lr.textContent = formatValue(row.run.lr[k]);
      row.loss.textContent = formatValue(p[3 * k + 2]);
      row.position.textContent = `${this.params[0]} ${formatValue(p[3 * k])}, ${this.params[1]} ${formatValue(p[3 * k + 1])}`;
      row.cycle.textContent = row.run.restarts.length > 0 || row.run.schedule === 'sgdr' ? String(cycleAt(row.run.restarts, k)) : '–';
    }
  }
}

function keyItem(symbol: string, color: string, text: string, markClass = ''): HTMLElement {
  const item = document.createElement('span');
  item.className = 'key-item';
  const mark = document.createElement('span');
  mark.textContent = symbol;
  mark.className = markClass;
  mark.style.color = color;
  item.append(mark, ` ${text}`);
  return item;
}
