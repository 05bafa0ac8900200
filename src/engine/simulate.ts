// The whole simulation of a `.loss` source, as `loss-landscape simulate`
// prints it (DESIGN.md section 4). Bad input (a broken source, invalid
// settings) is reported as an EngineInputError before any run starts.

import type { Diagnostic } from '../language/diagnostics';
import { compile } from '../language/compile';
import { resolveSettings, type ScheduleType, type SettingProblem, type SettingsLayer } from '../settings/settings';
import { resolveDomain, resolveStarts, simulateLoss, type Run } from './runs';

/** The JSON of `loss-landscape simulate` (numbers as numbers; the CLI writes non-finite ones as strings). */
export interface SimulationResult {
  params: [string, string];
  runs: {
    label: string;
    schedule: ScheduleType;
    points: { step: number; x: number; y: number; loss: number; lr: number }[];
    restarts: number[];
    stopped: { step: number; reason: string } | null;
  }[];
}

/** The source has errors (`diagnostics`) or the given settings are invalid (`problems`). */
export class EngineInputError extends Error {
  constructor(
    message: string,
    readonly kind: 'source' | 'settings',
    readonly diagnostics: Diagnostic[] = [],
    readonly problems: SettingProblem[] = [],
  ) {
    super(message);
    this.name = 'EngineInputError';
  }
}

/**
 * The whole simulation of a `.loss` source, as `loss-landscape simulate`
 * prints it. Settings precedence: defaults < `settings` (keyed as the CLI's
 * --set keys) < the file's `@set` lines. Throws EngineInputError when the
 * source has errors or a setting is invalid; the runs themselves never throw.
 */
export function simulate(source: string, settings: Record<string, unknown> = {}): SimulationResult {
  const compiled = compile(source);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (!compiled.loss || errors.length > 0) {
    const first = errors[0];
    const where = first ? `${first.line + 1}:${first.column + 1}: ${first.message}` : 'no loss to simulate';
    throw new EngineInputError(`the file has errors (${where})`, 'source', compiled.diagnostics);
  }
  const layers: SettingsLayer[] = [
    { source: 'settings', values: settings },
    { source: '@set', values: compiled.file.settings },
  ];
  const resolved = resolveSettings(layers);
  if (resolved.problems.length > 0) {
    const fromFile = resolved.problems.every((p) => p.source === '@set');
    throw new EngineInputError(
      resolved.problems.map((p) => p.message).join('; '),
      fromFile ? 'source' : 'settings',
      [],
      resolved.problems,
    );
  }
  const domain = resolveDomain(compiled.file, resolved.settings);
  const starts = resolveStarts(compiled.file, resolved.settings, domain);
  const runs = simulateLoss(compiled.loss, resolved.settings, starts, domain);
  return { params: compiled.loss.params, runs: runs.map(runToJson) };
}

function runToJson(run: Run): SimulationResult['runs'][number] {
  const points: SimulationResult['runs'][number]['points'] = [];
  for (let k = 0; k < run.lr.length; k++) {
    points.push({ step: k, x: run.points[3 * k], y: run.points[3 * k + 1], loss: run.points[3 * k + 2], lr: run.lr[k] });
  }
  return { label: run.label, schedule: run.schedule, points, restarts: run.restarts, stopped: run.stopped };
}
