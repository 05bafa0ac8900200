// The CSV of `loss-landscape simulate --format csv` (DESIGN.md section 4):
// one row per point, with the run's label in the `run` column. Numbers are
// written as JavaScript prints them (shortest round trip; NaN, Infinity).

import type { SimulationResult } from './simulate';

/** RFC 4180 quoting, for labels such as "sgdr from (-1.5, 2.5)". */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function simulationCsv(result: SimulationResult): string {
  const rows = ['run,schedule,step,x,y,loss,lr'];
  for (const run of result.runs) {
    const label = csvField(run.label);
    for (const p of run.points) rows.push([label, run.schedule, p.step, p.x, p.y, p.loss, p.lr].join(','));
  }
  return rows.join('\n') + '\n';
}
