import * as assert from 'node:assert/strict';
import { parseHostMessage, parseWebviewMessage, type RunData } from '../../../src/shared/protocol';

function run(n: number): RunData {
  return {
    label: 'sgdr',
    schedule: 'sgdr',
    extra: false,
    points: new Float64Array(3 * n),
    lr: new Float64Array(n),
    grad: new Float64Array(2 * n),
    restarts: n > 2 ? [2] : [],
    stopped: null,
  };
}

function scene(overrides: Record<string, unknown> = {}) {
  return {
    type: 'scene',
    revision: 3,
    title: 'rosenbrock.loss',
    params: ['x', 'y'],
    domain: { x: [-2, 2], y: [-1, 3] },
    surface: { resolution: 4, heights: new Float32Array(16), min: 0, max: Infinity, nonFinite: 1 },
    heightScale: 'auto',
    steps: 4,
    speed: 60,
    runs: [run(5)],
    ...overrides,
  };
}

function reason(parsed: { ok: boolean; reason?: string }): string {
  assert.equal(parsed.ok, false);
  return parsed.reason ?? '';
}

describe('protocol validation', () => {
  it('accepts a well-formed scene and keeps its typed arrays', () => {
    const parsed = parseHostMessage(scene());
    assert.ok(parsed.ok);
    assert.equal(parsed.message.type, 'scene');
    if (parsed.message.type === 'scene') assert.ok(parsed.message.surface.heights instanceof Float32Array);
  });

  it('names the field that is wrong', () => {
    assert.equal(reason(parseHostMessage(scene({ revision: -1 }))), 'revision: expected an integer in [0, 9007199254740991]');
    assert.equal(
      reason(parseHostMessage(scene({ surface: { resolution: 4, heights: new Float32Array(15), min: 0, max: 1, nonFinite: 0 } }))),
      'surface.heights: expected a Float32Array of length 16',
    );
    assert.equal(reason(parseHostMessage(scene({ domain: { x: [2, -2], y: [0, 1] } }))), 'domain: expected min < max for both parameters');
    assert.equal(
      reason(parseHostMessage(scene({ runs: [{ ...run(5), points: [0, 0, 0] }] }))),
      'runs[0].points: expected a Float64Array',
    );
    assert.equal(
      reason(parseHostMessage(scene({ runs: [{ ...run(5), restarts: [9] }] }))),
      'runs[0].restarts[0]: expected an integer in [1, 4]',
    );
  });

  it('rejects what is not a message', () => {
    assert.equal(reason(parseHostMessage(null)), 'message: expected an object');
    assert.equal(reason(parseHostMessage([1])), 'message: expected an object');
    assert.equal(reason(parseHostMessage({ type: 'eval', code: '1' })), 'unknown message type "eval"');
    assert.equal(reason(parseWebviewMessage({ type: '__proto__' })), 'unknown message type "__proto__"');
  });

  it('validates messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'startRun', x: 1, y: -2 }), {
      ok: true,
      message: { type: 'startRun', x: 1, y: -2 },
    });
    assert.equal(reason(parseWebviewMessage({ type: 'saveStart', x: NaN, y: 0 })), 'x: expected a finite number');
    assert.equal(reason(parseWebviewMessage({ type: 'image', requestId: 1, png: [137, 80] })), 'png: expected a Uint8Array');
    const image = parseWebviewMessage({ type: 'image', requestId: 1, png: new Uint8Array([137, 80]) });
    assert.ok(image.ok);
  });

  it('validates restored view state', () => {
    const state = { camera: { position: [1, 2, 3], target: [0, 0, 0] }, step: 12, playing: false, logLossChart: true };
    assert.deepEqual(parseHostMessage({ type: 'init', state }), { ok: true, message: { type: 'init', state } });
    assert.equal(
      reason(parseHostMessage({ type: 'init', state: { ...state, camera: { position: [1, 2], target: [0, 0, 0] } } })),
      'state.camera.position: expected an array of 3 finite numbers',
    );
  });
});
