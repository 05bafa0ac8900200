import * as assert from 'node:assert/strict';
import { EngineInputError, simulate } from '../../../src/engine/simulate';

function inputError(f: () => unknown): EngineInputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof EngineInputError, `expected an EngineInputError, got ${e}`);
    return e;
  }
  assert.fail('expected an EngineInputError');
}

describe('simulate (source to the JSON of `loss-landscape simulate`)', () => {
  it('has the shape of DESIGN section 4: one sgdr run plus the default constant comparison', () => {
    const r = simulate('@params w, b\n@start (1, -1)\nloss = w^2 + 2 b^2\n', { 'simulation.steps': 4 });
    assert.deepEqual(r.params, ['w', 'b']);
    assert.deepEqual(
      r.runs.map((run) => [run.label, run.schedule, run.points.length, run.stopped]),
      [
        ['sgdr from (1, -1)', 'sgdr', 5, null],
        ['constant from (1, -1)', 'constant', 5, null],
      ],
    );
    assert.deepEqual(Object.keys(r.runs[0]), ['label', 'schedule', 'points', 'restarts', 'stopped']);
    // SGD with the default momentum 0.9 and η(0) = 0.01: θ₁ = θ₀ − 0.01·(2, −4).
    assert.deepEqual(r.runs[0].points[0], { step: 0, x: 1, y: -1, loss: 3, lr: 0.01 });
    const p1 = r.runs[0].points[1];
    assert.equal(p1.step, 1);
    assert.ok(Math.abs(p1.x - 0.98) < 1e-15 && Math.abs(p1.y - -0.96) < 1e-15);
  });

  it('applies settings with defaults < given settings < @set lines', () => {
    const source = '@set schedule.t0 = 3\n@set schedule.etaMax = 0.05\nloss = x^2 + y^2\n';
    const r = simulate(source, {
      'schedule.t0': 10, // overridden by @set
      'schedule.tMult': 1, // kept
      'simulation.steps': 10,
      'simulation.compare': [],
    });
    assert.equal(r.runs.length, 1);
    assert.deepEqual(r.runs[0].restarts, [3, 6, 9]);
    assert.equal(r.runs[0].points[0].lr, 0.05);
    assert.equal(r.runs[0].points[3].lr, 0.05);
  });

  it('starts at one fifth in from the low corner of @domain when nothing else says', () => {
    const r = simulate('@domain x: [-2, 3], y: [0, 10]\nloss = x^2 + y^2\n', { 'simulation.steps': 1 });
    assert.deepEqual([r.runs[0].points[0].x, r.runs[0].points[0].y], [-1, 2]);
  });

  it('reports a run that blows up as stopped, and still returns', () => {
    // Gradient descent on log(x) from x = 0.5 with lr 1: x − 1/x = −1.5, where log is NaN.
    const r = simulate('@start (0.5, 0)\nloss = log(x) + y^2\n', {
      'schedule.type': 'constant',
      'schedule.etaMax': 1,
      'optimizer.momentum': 0,
      'simulation.compare': [],
    });
    assert.deepEqual(r.runs[0].stopped, { step: 1, reason: r.runs[0].stopped?.reason });
    assert.match(r.runs[0].stopped!.reason, /NaN/);
    assert.equal(r.runs[0].points.length, 2);
    assert.ok(Number.isNaN(r.runs[0].points[1].loss));
  });

  it('throws an EngineInputError with the diagnostics for a file with errors', () => {
    const e = inputError(() => simulate('loss = x + \n'));
    assert.equal(e.kind, 'source');
    assert.ok(e.diagnostics.some((d) => d.severity === 'error'));
  });

  it('throws an EngineInputError naming the key and what is allowed for an invalid setting', () => {
    const e = inputError(() => simulate('loss = x^2 + y^2\n', { 'schedule.type': 'linear' }));
    assert.equal(e.kind, 'settings');
    assert.equal(e.problems[0].key, 'schedule.type');
    assert.match(e.message, /schedule\.type.*sgdr, cosine, constant, step/);
    const unknown = inputError(() => simulate('loss = x^2 + y^2\n', { 'schedule.t_0': 5 }));
    assert.match(unknown.message, /unknown setting 'schedule\.t_0'.*schedule\.t0/);
  });
});
