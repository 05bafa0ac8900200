// Scenes as the extension host sends them: a .loss source compiled and
// simulated by the engine and packed by the host's own scene builder.

import * as assert from 'node:assert/strict';
import { compile, sampleSurface } from '../../src/engine';
import { checkCompiled, planScene, sceneMessage } from '../../src/host/scene';
import { resolveSettings } from '../../src/settings/settings';
import type { SceneMessage } from '../../src/shared/protocol';

export function engineScene(source: string, resolution: number, revision = 1): SceneMessage {
  const compiled = compile(source);
  const checked = checkCompiled(compiled);
  assert.ok(checked.loss, `the test file compiles: ${checked.error?.message}`);
  const { settings, problems } = resolveSettings([{ source: '@set', values: compiled.file.settings }]);
  assert.deepEqual(problems, []);
  const plan = planScene(checked.loss, compiled.file, settings);
  const surface = sampleSurface(plan.loss, plan.domain, resolution);
  return sceneMessage(revision, 'engine.loss', plan, { resolution, ...surface });
}
