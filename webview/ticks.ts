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

/** Loss values min + 10^k (and min itself) up to max, for a log1p height axis. */
export function decadeTicks(min: number, max: number): number[] {
  const values = [min];
  const range = max - min;
  if (!(range > 0) || !Number.isFinite(range)) return values;
  const top = Math.floor(Math.log10(range));
  // At most six decades, so labels never crowd the axis.
  for (let k = top - 5; k <= top; k++) {
    const d = Math.pow(10, k);
    // Decades far below one are squashed to the floor by log1p; skip those.
    if (Math.log1p(d) / Math.log1p(range) < 0.06) continue;
    values.push(min + d);
  }
  return values;
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
