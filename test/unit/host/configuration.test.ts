// configuration.ts on a fake `vscode`: which scope wins, and one warning per
// invalid key, shown as soon as the settings change.

import * as assert from 'node:assert/strict';
import * as fake from './fakeVscode';

fake.installFakeVscode();
const { Configuration } = require('../../../src/host/configuration') as typeof import('../../../src/host/configuration');

describe('configuration (host, fake vscode)', () => {
  let warnings: { key: string; text: string }[];
  let configuration: InstanceType<typeof Configuration>;

  function change(inspections: Record<string, Record<string, unknown>>) {
    fake.state.inspections = inspections;
    fake.state.configurationChanges.fire({ affectsConfiguration: (s) => s === 'lossLandscape' });
  }

  beforeEach(() => {
    fake.state.inspections = {};
    warnings = [];
    configuration = new Configuration((problem, text) => warnings.push({ key: problem.key, text }));
  });
  afterEach(() => configuration.dispose());

  it('takes the most specific scope that sets a key: [loss] folder > [loss] workspace > [loss] user > folder > workspace > user', () => {
    const scopes = ['globalValue', 'workspaceValue', 'workspaceFolderValue', 'globalLanguageValue', 'workspaceLanguageValue', 'workspaceFolderLanguageValue'];
    const inspection: Record<string, unknown> = { key: 'lossLandscape.schedule.t0', defaultValue: 50 };
    scopes.forEach((scope, i) => {
      inspection[scope] = 10 + i;
      fake.state.inspections = { 'lossLandscape.schedule.t0': inspection };
      assert.equal(configuration.resolve(undefined).schedule.t0, 10 + i, scope);
    });
  });

  it('keeps an explicit null (PyTorch default) over a less specific value', () => {
    fake.state.inspections = { 'lossLandscape.optimizer.momentum': { globalValue: 0.5, workspaceValue: null } };
    assert.equal(configuration.resolve(undefined).optimizer.momentum, null);
  });

  it('puts the file’s @set values above the settings', () => {
    fake.state.inspections = { 'lossLandscape.schedule.t0': { globalValue: 40 } };
    assert.equal(configuration.resolve(undefined, { 'schedule.t0': 7 }).schedule.t0, 7);
  });

  it('warns once per invalid key, as soon as it is set, and falls back to the default', () => {
    let changed = 0;
    configuration.onDidChange(() => changed++);
    change({ 'lossLandscape.surface.resolution': { globalValue: 5 } });
    assert.equal(changed, 1);
    assert.deepEqual(warnings.map((w) => w.key), ['surface.resolution']);
    assert.match(warnings[0].text, /lossLandscape\.surface\.resolution/);
    assert.equal(configuration.resolve(undefined).surface.resolution, 128);
    configuration.resolve(undefined);
    change({ 'lossLandscape.surface.resolution': { globalValue: 5 } });
    assert.equal(warnings.length, 1, 'not again for the same problem');
  });

  it('ignores changes to other sections', () => {
    let changed = 0;
    configuration.onDidChange(() => changed++);
    fake.state.configurationChanges.fire({ affectsConfiguration: (s) => s === 'editor' });
    assert.equal(changed, 0);
  });
});
