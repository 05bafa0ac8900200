// What a preview sends, computed from a compiled file and its settings: the
// runs and the scene message, an extra run from a clicked point, and the
// error to show for a broken file. Pure (no `vscode`), so the messages are
// unit-tested against the protocol's own validators.

import { resolveDomain, resolveStarts, simulateLoss, type Loss, type Run } from '../engine';
import type { Settings } from '../settings/settings';
import type { Domain, RunData, SceneMessage, Surface } from '../shared/protocol';
import type { Compiled } from './documents';
import { roundForDomain } from './startLine';

function toRunData(run: Run, extra: boolean): RunData {
  return { ...run, extra };
}

export interface ScenePlan {
  loss: Loss;
  settings: Settings;
  domain: Domain;
  runs: RunData[];
}

export interface FileError {
  message: string;
  /** 0-based, of the first error. */
  line: number;
  column: number;
  count: number;
}

/** The loss to draw, or the first error of a broken file. */
export function checkCompiled(compiled: Compiled): { loss: Loss; error?: undefined } | { loss?: undefined; error: FileError } {
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (compiled.loss && errors.length === 0) return { loss: compiled.loss };
  const first = errors[0];
  if (!first) return { error: { message: 'the file defines no loss', line: 0, column: 0, count: 1 } };
  return { error: { message: first.message, line: first.line, column: first.column, count: errors.length } };
}

/** The domain and the runs of a file without errors. */
export function planScene(loss: Loss, file: Compiled['file'], settings: Settings): ScenePlan {
  const domain = resolveDomain(file, settings);
  const runs = simulateLoss(loss, settings, resolveStarts(file, settings, domain), domain);
  return { loss, settings, domain, runs: runs.map((r) => toRunData(r, false)) };
}

export function sceneMessage(revision: number, title: string, plan: ScenePlan, surface: Surface): SceneMessage {
  const { settings } = plan;
  return {
    type: 'scene',
    revision,
    title,
    params: plan.loss.params,
    domain: plan.domain,
    surface,
    heightScale: settings.surface.heightScale,
    steps: settings.simulation.steps,
    speed: settings.animation.speed,
    runs: plan.runs,
  };
}

/** A click on the surface: one more run from there, with the file's schedule and optimizer only. */
export function extraRun(plan: ScenePlan, x: number, y: number): RunData | undefined {
  const settings: Settings = { ...plan.settings, simulation: { ...plan.settings.simulation, compare: [] } };
  const [run] = simulateLoss(plan.loss, settings, [{ x, y }], plan.domain);
  if (!run) return undefined;
  const { x: dx, y: dy } = plan.domain;
  return { ...toRunData(run, true), label: `from (${roundForDomain(x, dx[1] - dx[0])}, ${roundForDomain(y, dy[1] - dy[0])})` };
}
