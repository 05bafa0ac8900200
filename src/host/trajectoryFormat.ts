// The CSV of `loss-landscape simulate --format csv` (DESIGN section 4), shared
// by the CLI and the extension's "Export Trajectory". (The JSON is the CLI's
// toJson of the same result.)

import type { SimulationResult } from '../engine';

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
