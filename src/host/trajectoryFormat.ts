// The text of an exported trajectory: the JSON and CSV of `loss-landscape
// simulate` (DESIGN section 4). JSON has no NaN or Infinity, so non-finite
// numbers are written as the strings "NaN", "Infinity", "-Infinity".

import type { SimulationResult } from '../engine';

function finiteOrString(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export function trajectoryJson(result: SimulationResult): string {
  return JSON.stringify(result, finiteOrString, 2) + '\n';
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per point, with the run's label in the `run` column. */
export function trajectoryCsv(result: SimulationResult): string {
  const rows = ['run,schedule,step,x,y,loss,lr'];
  for (const run of result.runs) {
    const label = csvField(run.label);
    for (const p of run.points) rows.push([label, run.schedule, p.step, p.x, p.y, p.loss, p.lr].join(','));
  }
  return rows.join('\n') + '\n';
}
