// The extension's settings layers: defaults < user/workspace < `@set`, one
// warning per invalid key, and the fallback to the default.

import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../../src/settings/settings';
import { SettingWarnings, documentSettings, flatSettings, userLayer, warningText } from '../../../src/host/settingsLayers';

/** What VS Code's configuration would hold: only the keys the user set. */
function configuration(values: Record<string, unknown>) {
  return userLayer((key) => values[key]);
}

describe('settings layers (host)', () => {
  it('reads only the keys the user set, and unknown keys not at all', () => {
    const layer = configuration({ 'schedule.t0': 40, 'optimizer.momentum': null, 'no.such': 1 });
    assert.deepEqual(layer.values, { 'schedule.t0': 40, 'optimizer.momentum': null });
  });

  it('applies defaults < user settings < @set', () => {
    const user = configuration({ 'schedule.t0': 40, 'schedule.etaMax': 0.05 });
    const { settings, problems } = documentSettings(user, { 'schedule.t0': 25 });
    assert.equal(settings.schedule.t0, 25); // @set wins
    assert.equal(settings.schedule.etaMax, 0.05); // user setting over the default 0.01
    assert.equal(settings.schedule.tMult, 2); // the default
    assert.deepEqual(problems, []);
  });

  it('falls back to the default for an invalid user value and reports it once, naming the key', () => {
    const user = configuration({ 'surface.resolution': 8, 'schedule.type': 'sgdr' });
    const { settings, problems } = documentSettings(user, {});
    assert.equal(settings.surface.resolution, 128);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'surface.resolution');
    const text = warningText(problems[0]);
    assert.match(text, /'lossLandscape\.surface\.resolution'/);
    assert.match(text, /Using the default, 128\./);
  });

  it('lets a valid @set value override an invalid user value', () => {
    const { settings, problems } = documentSettings(configuration({ 'schedule.t0': -3 }), { 'schedule.t0': 30 });
    assert.equal(settings.schedule.t0, 30);
    assert.deepEqual(problems.map((p) => p.key), ['schedule.t0']);
  });

  it('does not warn about @set problems (the compiler reports those as diagnostics)', () => {
    const { problems } = documentSettings(configuration({}), { 'optimizer.nesterov': true, 'optimizer.momentum': 0 });
    assert.deepEqual(problems, []);
  });

  describe('SettingWarnings', () => {
    const bad = (key: string, message = 'expected a number') => ({ key, message, source: 'settings' });

    it('shows each invalid key once, however often the settings are read', () => {
      const w = new SettingWarnings();
      assert.deepEqual(w.update([bad('schedule.t0')]), [bad('schedule.t0')]);
      assert.deepEqual(w.update([bad('schedule.t0')]), []);
      assert.deepEqual(w.update([bad('schedule.t0'), bad('schedule.etaMax')]), [bad('schedule.etaMax')]);
    });

    it('warns again when the problem changes, or after the key was fixed and broken anew', () => {
      const w = new SettingWarnings();
      w.update([bad('schedule.t0', 'one')]);
      assert.deepEqual(w.update([bad('schedule.t0', 'two')]), [bad('schedule.t0', 'two')]);
      assert.deepEqual(w.update([]), []);
      assert.deepEqual(w.update([bad('schedule.t0', 'two')]), [bad('schedule.t0', 'two')]);
    });
  });

  it('flatSettings keys every setting as @set does', () => {
    const s = defaultSettings();
    s.schedule.t0 = 77;
    const flat = flatSettings(s);
    assert.equal(flat['schedule.t0'], 77);
    assert.deepEqual(flat['surface.domain'], [[-2, 2], [-2, 2]]);
    assert.equal(Object.keys(flat).length, 27);
  });
});
