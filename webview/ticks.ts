// Axis ticks in parameter and loss units: "nice" round numbers (1, 2 or 5
// times a power of ten) for linear axes, and decades above the minimum for
// a log height scale, where log1p(f − min) spreads 1, 10, 100, ... evenly.

/** Round tick values covering [min, max], about `target` of them, with a label precision. */
export function niceTicks(min: number, max: number, target: number): { values: number[]; decimals: number } {
  if (!(max > min) || !Number.isFinite(max - min)) return { values: Number.isFinite(min) ? [min] : [], decimals: 2 };
  const raw = (max - min) / Math.max(1, target);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const unit = raw / power;
  const stepFactor = unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10;
  const step = stepFactor * power;
  const values: number[] = [];
  // Indices, not repeated addition, so 0.1 + 0.2 drift cannot add or drop a tick.
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let i = first; i <= last; i++) values.push(i * step === 0 ? 0 : i * step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { values, decimals };
}

/** Smallest gap between log-axis ticks, in normalized height. */
const MIN_GAP = 0.08;

/**
 * Ticks for a log1p height axis: the minimum, zero when the range spans it,
 * and the powers of ten above the minimum (1, 10, 100, ... whose labels are
 * round), dropping any within MIN_GAP of normalized height of the tick below
 * so they are spread out (labels that still meet on a small screen are
 * hidden by the axes).
 */
export function decadeTicks(min: number, max: number): number[] {
  const range = max - min;
  if (!(range > 0) || !Number.isFinite(range)) return [min];
  const level = (v: number) => Math.log1p(v - min) / Math.log1p(range);
  const candidates = min < 0 && max > 0 ? [0] : [];
  for (let k = Math.floor(Math.log10(range)) - 8; k <= Math.log10(max); k++) {
    const v = Math.pow(10, k);
    if (v > min && v <= max) candidates.push(v);
  }
  const ticks = [min];
  for (const v of candidates) if (level(v) - level(ticks[ticks.length - 1]) >= MIN_GAP) ticks.push(v);
  return ticks;
}

/** A short label for a tick value. */
export function formatTick(value: number, decimals: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-4)) return value.toExponential(1).replace('e+', 'e');
  return value.toFixed(Math.min(decimals, 6));
}

/** A label precision for an arbitrary value (decade ticks, readouts). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) return value.toExponential(3).replace('e+', 'e');
  return Number(value.toPrecision(4)).toString();
}
