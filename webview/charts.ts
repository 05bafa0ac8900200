// The 2D charts under the scene, drawn with uPlot: η(t) and the loss against
// the step (linear or log), one series per run in the run's colour, both
// with the restarts marked (so the loss's response to each one lines up with
// η's jump) and a cursor line at the playhead. Moving the
// playhead moves one element (a CSS transform), without redrawing a chart.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { RunData } from '../src/shared/protocol';
import { withAlpha, type Theme } from './theme';
import { formatTick, formatValue } from './ticks';

const CHART_HEIGHT = 150;

interface Chart {
  plot: uPlot;
  playhead: HTMLDivElement;
}

export class Charts {
  private lr: Chart | null = null;
  private loss: Chart | null = null;
  private runs: readonly RunData[] = [];
  private step = 0;

  constructor(
    private readonly lrHost: HTMLElement,
    private readonly lossHost: HTMLElement,
    private theme: Theme,
    private logLoss: boolean,
  ) {
    new ResizeObserver(() => this.resize()).observe(lrHost);
  }

  setRuns(runs: readonly RunData[]): void {
    this.runs = runs;
    this.rebuild();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.rebuild();
  }

  setLogLoss(on: boolean): void {
    this.logLoss = on;
    this.rebuild();
  }

  setStep(step: number): void {
    this.step = step;
    for (const chart of [this.lr, this.loss]) if (chart) placePlayhead(chart.playhead, chart.plot, step);
  }

  private rebuild(): void {
    this.lr?.plot.destroy();
    this.loss?.plot.destroy();
    this.lr = this.loss = null;
    if (this.runs.length === 0) return;
    const length = Math.max(...this.runs.map((r) => r.lr.length));
    const x = Array.from({ length }, (_, k) => k);
    const lrData = this.runs.map((r) => x.map((k) => (k < r.lr.length ? r.lr[k] : null)));
    const lossData = this.runs.map((r) =>
      x.map((k) => {
        const v = k < r.lr.length ? r.points[3 * k + 2] : NaN;
        return Number.isFinite(v) ? v : null;
      }),
    );
    const restarts = [...new Set(this.runs.flatMap((r) => r.restarts))];
    this.lr = this.create(this.lrHost, 'learning rate η(t)', [x, ...lrData], { distr: 1 }, restarts);
    this.loss = this.create(this.lossHost, this.logLoss ? 'loss (log scale)' : 'loss', [x, ...lossData], this.lossScale(lossData), restarts);
  }

  /** Log10 when every loss is positive; otherwise arcsinh, which is log-like away from zero and accepts zero and negatives. */
  private lossScale(series: (number | null)[][]): uPlot.Scale {
    if (!this.logLoss) return { distr: 1 };
    let minAbs = Infinity;
    let maxAbs = 0;
    let positive = true;
    for (const s of series) {
      for (const v of s) {
        if (v === null) continue;
        if (v <= 0) positive = false;
        const a = Math.abs(v);
        if (a > 0 && a < minAbs) minAbs = a;
        if (a > maxAbs) maxAbs = a;
      }
    }
    if (positive) return { distr: 3 };
    const threshold = Number.isFinite(minAbs) ? Math.max(minAbs, maxAbs * 1e-6) : 1;
    return { distr: 4, asinh: Math.pow(10, Math.floor(Math.log10(threshold))) };
  }

  private create(host: HTMLElement, title: string, data: uPlot.AlignedData, yScale: uPlot.Scale, restarts: number[]): Chart {
    const t = this.theme;
    const axis: uPlot.Axis = {
      stroke: t.muted,
      grid: { stroke: withAlpha(t.muted, 0.18), width: 1 },
      ticks: { stroke: withAlpha(t.muted, 0.4), width: 1 },
      font: `11px ${t.fontFamily}`,
    };
    const playhead = document.createElement('div');
    playhead.className = 'playhead';
    playhead.style.background = t.accent;
    const plot = new uPlot(
      {
        title,
        width: Math.max(120, host.clientWidth),
        height: CHART_HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: yScale },
        axes: [{ ...axis }, { ...axis, size: 56, values: yLabels }],
        series: [
          { label: 'step' },
          ...this.runs.map((r, i) => ({
            label: r.label,
            stroke: t.runColors[i % t.runColors.length],
            width: 1.5,
            spanGaps: false,
          })),
        ],
        hooks: {
          draw: [
            // uPlot lays out after construction; only then can the playhead find its x.
            (u: uPlot) => placePlayhead(playhead, u, this.step),
            (u: uPlot) => {
              // Restarts: dashed vertical lines where η springs back to its maximum.
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = t.foreground;
              ctx.globalAlpha = 0.45;
              ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
              ctx.lineWidth = devicePixelRatio;
              for (const k of restarts) {
                const px = Math.round(u.valToPos(k, 'x', true)) + 0.5;
                ctx.beginPath();
                ctx.moveTo(px, u.bbox.top);
                ctx.lineTo(px, u.bbox.top + u.bbox.height);
                ctx.stroke();
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      host,
    );
    plot.root.style.color = t.foreground;
    plot.over.appendChild(playhead);
    return { plot, playhead };
  }

  private resize(): void {
    for (const [chart, host] of [
      [this.lr, this.lrHost],
      [this.loss, this.lossHost],
    ] as const) {
      if (!chart) continue;
      chart.plot.setSize({ width: Math.max(120, host.clientWidth), height: CHART_HEIGHT }); // redraws, which places the playhead
    }
  }
}

function placePlayhead(playhead: HTMLElement, plot: uPlot, step: number): void {
  playhead.style.transform = `translateX(${plot.valToPos(step, 'x')}px)`;
}

/**
 * Y labels with as many decimals as the spacing between them needs (uPlot's
 * default rounds 0.0005 to "0.001"); on a log or arcsinh axis, where the
 * spacing varies, each value gets four significant digits.
 */
function yLabels(u: uPlot, splits: number[]): string[] {
  if (u.scales.y.distr !== 1 || splits.length < 2) return splits.map(formatValue);
  const step = Math.abs(splits[1] - splits[0]);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return splits.map((v) => formatTick(v, decimals));
}
