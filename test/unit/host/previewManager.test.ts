// The preview manager on a fake `vscode`: one panel per document, the record
// of previewed documents that survives a reload, and revival through the
// serializer with validated state.

import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { resolveSettings } from '../../../src/settings/settings';
import * as fake from './fakeVscode';
import { extensionWithWorker } from './workerBundle';

fake.installFakeVscode();
const { PreviewManager } = require('../../../src/host/previewManager') as typeof import('../../../src/host/previewManager');
const { ApiEvents } = require('../../../src/host/api') as typeof import('../../../src/host/api');

const RECORD_KEY = 'lossLandscape.previewedDocuments';

describe('preview manager (host, fake vscode)', function () {
  this.timeout(30_000);
  let root: string;
  let manager: InstanceType<typeof PreviewManager>;
  let memento: Map<string, unknown>;
  let logs: string[];
  const a = fake.Uri.file('/w/a.loss');
  const b = fake.Uri.file('/w/b.loss');

  function newManager() {
    return new PreviewManager({
      extensionUri: fake.Uri.file(root),
      configuration: {
        onDidChange: new fake.EventEmitter<void>().event,
        resolve: (_scope: unknown, values: Record<string, unknown>) => resolveSettings([{ source: '@set', values }]).settings,
      },
      events: new ApiEvents(),
      log: { warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) },
      memento: {
        get: (key: string) => memento.get(key),
        update: async (key: string, value: unknown) => void memento.set(key, value),
      },
    } as unknown as ConstructorParameters<typeof PreviewManager>[0]);
  }

  before(async () => (root = await extensionWithWorker()));
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    fake.state.documents = [fake.fakeDocument(a, 'loss = x^2 + y^2\n'), fake.fakeDocument(b, 'loss = x y\n')];
    fake.state.panels = [];
    memento = new Map();
    logs = [];
    manager = newManager();
  });
  afterEach(() => manager.dispose());

  it('opens one panel per document and reveals it when asked again', () => {
    const first = manager.show(a as never, 2, true);
    const again = manager.show(a as never, 3, false);
    assert.equal(again, first);
    assert.equal(fake.state.panels.length, 1);
    assert.deepEqual(fake.state.panels[0].revealed, [3]);
    manager.show(b as never, 2, true);
    assert.equal(fake.state.panels.length, 2);
    assert.deepEqual(
      manager.list().map((p) => p.document),
      ['file:///w/a.loss', 'file:///w/b.loss'],
    );
    assert.deepEqual(memento.get(RECORD_KEY), ['file:///w/a.loss', 'file:///w/b.loss']);
  });

  it('forgets a document when its panel is closed, but not when the window closes', () => {
    manager.show(a as never, 2, true);
    manager.show(b as never, 2, true);
    fake.state.panels[0].panel.dispose();
    assert.deepEqual(manager.list().map((p) => p.document), ['file:///w/b.loss']);
    assert.deepEqual(memento.get(RECORD_KEY), ['file:///w/b.loss']);
    manager.dispose();
    assert.ok(fake.state.panels[1].isDisposed());
    assert.deepEqual(memento.get(RECORD_KEY), ['file:///w/b.loss'], 'kept for the reload');
  });

  describe('revival after a reload', () => {
    it('gives a restored panel its recorded document and the validated view state', async () => {
      memento.set(RECORD_KEY, ['file:///w/gone.loss', 'file:///w/b.loss']);
      fake.state.documents = [];
      const restored = fake.fakePanel('Preview b.loss');
      const state = { camera: null, step: 9, playing: true, logLossChart: false };
      await manager.deserializeWebviewPanel(restored.panel as never, state);
      assert.deepEqual(manager.list().map((p) => p.document), ['file:///w/b.loss']);
      restored.send({ type: 'ready' });
      assert.deepEqual(restored.posted[0], { type: 'init', state });
    });

    it('matches an open .loss document when nothing was recorded', async () => {
      const restored = fake.fakePanel('Preview a.loss');
      await manager.deserializeWebviewPanel(restored.panel as never, null);
      assert.deepEqual(manager.list().map((p) => p.document), ['file:///w/a.loss']);
    });

    it('drops a malformed state (logged) but still revives the panel', async () => {
      const restored = fake.fakePanel('Preview a.loss');
      await manager.deserializeWebviewPanel(restored.panel as never, { camera: 'over there', step: -1 });
      assert.equal(manager.list().length, 1);
      assert.match(logs[0], /ignoring the restored view state of file:\/\/\/w\/a\.loss/);
      restored.send({ type: 'ready' });
      assert.deepEqual(restored.posted[0], { type: 'init', state: null });
    });

    it('closes a restored panel whose document it cannot tell', async () => {
      const restored = fake.fakePanel('Preview nowhere.loss');
      await manager.deserializeWebviewPanel(restored.panel as never, null);
      assert.ok(restored.isDisposed());
      assert.equal(manager.list().length, 0);
      assert.match(logs[0], /could not tell which document/);
    });
  });
});
