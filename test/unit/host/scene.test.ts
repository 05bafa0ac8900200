// What a preview sends, built from real compiles and simulations, must pass
// the protocol's own validators (the webview rejects anything else), and say
// what the design promises: the runs, the extra run from a click, and the
// first error of a broken file.

import * as assert from 'node:assert/strict';
import { compile, sampleSurface } from '../../../src/engine';
import { checkCompiled, extraRun, planScene, sceneMessage } from '../../../src/host/scene';
import { defaultSettings } from '../../../src/settings/settings';
import { parseHostMessage } from '../../../src/shared/protocol';

const source = '@domain x: [-2, 2], y: [-1, 3]\n@start (-1.5, 2.5)\n@start (1, 1)\nloss = (1 - x)^2 + 10 (y - x^2)^2\n';

function plan() {
  const compiled = compile(source);
  const checked = checkCompiled(compiled);
  assert.ok(checked.loss, 'the test file compiles');
  const settings = defaultSettings();
  settings.simulation.steps = 40;
  return planScene(checked.loss, compiled.file, settings);
}

describe('preview scene (host)', () => {
  it('a scene message that the protocol validates, with one run per @start plus the compared schedule', () => {
    const p = plan();
    const s = sampleSurface(p.loss, p.domain, 16);
    const message = sceneMessage(3, 'Preview a.loss', p, { resolution: 16, ...s });
    const parsed = parseHostMessage(message);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
    assert.deepEqual(message.domain, { x: [-2, 2], y: [-1, 3] });
    assert.deepEqual(
      message.runs.map((r) => [r.schedule, r.extra, r.points[0], r.points[1]]),
      [
        ['sgdr', false, -1.5, 2.5],
        ['sgdr', false, 1, 1],
        ['constant', false, -1.5, 2.5],
      ],
    );
    // steps + 1 points, each x, y, loss; loss at the start (-1.5, 2.5) = 2.5^2 + 10·0.25^2.
    assert.equal(message.runs[0].points.length, 3 * 41);
    assert.equal(message.runs[0].points[2], 6.875);
    assert.equal(message.steps, 40);
  });

  it('an extra run from a clicked point: the main schedule only, marked extra, labelled with the rounded point', () => {
    const run = extraRun(plan(), 0.123456, -0.5);
    assert.ok(run);
    assert.equal(run.extra, true);
    assert.equal(run.schedule, 'sgdr');
    assert.equal(run.label, 'from (0.123, -0.5)');
    assert.deepEqual([run.points[0], run.points[1]], [0.123456, -0.5]);
    assert.ok(parseHostMessage({ type: 'extraRun', run }).ok);
  });

  it('the first error of a broken file, 0-based, with the number of errors', () => {
    const checked = checkCompiled(compile('a = 1\nloss = x +\nb = (\n'));
    assert.ok(checked.error);
    assert.equal(checked.error.line, 1);
    assert.ok(checked.error.count >= 2, String(checked.error.count));
    const message = { type: 'error', revision: 1, ...checked.error };
    assert.ok(parseHostMessage(message).ok);
  });

  it('a file with nothing to draw is an error too', () => {
    const checked = checkCompiled(compile('# only a comment\n'));
    assert.ok(checked.error);
    assert.equal(checked.error.line, 0);
  });
});
