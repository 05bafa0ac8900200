// The preview's conversation with its webview, on a fake `vscode` (see
// fakeVscode.ts) and the real compiler, engine and surface worker: what it
// sends on 'ready', how it follows edits, what a broken file shows, extra
// runs, "save start", image requests, rejected messages and disposal.

import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { resolveSettings } from '../../../src/settings/settings';
import type { HostMessage, SceneMessage, ViewState } from '../../../src/shared/protocol';
import * as fake from './fakeVscode';
import { extensionWithWorker } from './workerBundle';

fake.installFakeVscode();
// Loaded after the fake is installed, so their `import 'vscode'` gets it.
const { Preview, PREVIEW_DEBOUNCE_MS } = require('../../../src/host/preview') as typeof import('../../../src/host/preview');
const { ApiEvents } = require('../../../src/host/api') as typeof import('../../../src/host/api');

const SOURCE = '# bowl\n@domain x: [-2, 2], y: [-2, 2]\n@start (1.5, -1)\n@set surface.resolution = 16\nloss = x^2 + 3 y^2\n';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('preview (host side, fake vscode)', function () {
  this.timeout(30_000);
  let root: string;
  let setup: ReturnType<typeof start>;

  function start(restoredState: ViewState | null = null) {
    const document = fake.fakeDocument(fake.Uri.file('/w/bowl.loss'), SOURCE);
    fake.state.documents = [document];
    fake.state.appliedEdits = [];
    const { panel, posted, send, isDisposed } = fake.fakePanel('', 2);
    const events = new ApiEvents();
    const settingsChanged = new fake.EventEmitter<void>();
    const logs: string[] = [];
    const configuration = {
      onDidChange: settingsChanged.event,
      resolve: (_scope: unknown, fileSettings: Record<string, unknown>) =>
        resolveSettings([{ source: '@set', values: fileSettings }]).settings,
    };
    const preview = new Preview({
      panel,
      document: document.uri,
      extensionUri: fake.Uri.file(root),
      configuration,
      events,
      log: { warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) },
      restoredState,
    } as unknown as ConstructorParameters<typeof Preview>[0]);
    return { preview, panel, posted, send, isDisposed, events, document, logs };
  }
  const scenes = () => setup.posted.filter((m): m is SceneMessage => m.type === 'scene');

  before(async () => (root = await extensionWithWorker()));
  after(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => setup?.preview.dispose());

  it('serves a strict page that may load only dist/ and media/', () => {
    setup = start();
    const { webview } = setup.panel;
    assert.deepEqual(
      webview.options.localResourceRoots?.map((u) => u.path),
      [`${root}/dist`, `${root}/media`],
    );
    assert.equal(webview.options.enableScripts, true);
    const nonce = /script-src &#39;nonce-([0-9a-f]{32})&#39;/.exec(webview.html)?.[1];
    assert.ok(nonce, 'a script nonce in the CSP');
    assert.ok(webview.html.includes(`<script nonce="${nonce}" src="file://${root}/dist/webview.js">`));
    assert.equal(setup.panel.title, 'Preview bowl.loss');
  });

  it('sends nothing before ready; then init with the restored state, then the scene', async () => {
    const restored: ViewState = { camera: { position: [1, 2, 3], target: [0, 0, 0] }, step: 12, playing: false, logLossChart: true };
    setup = start(restored);
    await sleep(300);
    assert.deepEqual(setup.posted, []);
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    assert.deepEqual(setup.posted[0], { type: 'init', state: restored });
    const scene = scenes()[0];
    assert.equal(scene.title, 'bowl.loss');
    assert.equal(scene.surface.resolution, 16);
    assert.deepEqual(scene.domain, { x: [-2, 2], y: [-2, 2] });
    // One run from the @start line plus the default compared schedule (constant).
    assert.deepEqual(
      scene.runs.map((r) => [r.schedule, r.points[0], r.points[1], r.points[2]]),
      [
        ['sgdr', 1.5, -1, 5.25],
        ['constant', 1.5, -1, 5.25],
      ],
    );
    // The surface at the corner (-2, -2): 4 + 12.
    assert.equal(scene.surface.heights[0], 16);
  });

  it('follows edits, debounced: several quick edits make one new scene', async () => {
    setup = start();
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    fake.editDocument(setup.document, SOURCE.replace('@start (1.5, -1)', '@start (1.5, -1)\n@start (-1, 1)'));
    await sleep(PREVIEW_DEBOUNCE_MS / 4);
    fake.editDocument(setup.document, SOURCE.replace('@start (1.5, -1)', '@start (1.5, -1)\n@start (-1, 1)\n@start (0, 1)'));
    await until(() => scenes().length === 2, 'the scene after the edits');
    await sleep(PREVIEW_DEBOUNCE_MS * 2);
    assert.equal(scenes().length, 2, 'one scene for both edits');
    const [first, second] = scenes();
    assert.ok(second.revision > first.revision);
    assert.equal(second.runs.filter((r) => r.schedule === 'sgdr').length, 3);
  });

  it('on a broken edit keeps the last scene and sends the first error; a reloaded webview gets both again', async () => {
    setup = start();
    const errors: { document: string; message: string; line: number }[] = [];
    setup.events.shownError.event((e) => errors.push(e));
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    fake.editDocument(setup.document, SOURCE.replace('loss = x^2 + 3 y^2', 'loss = x^2 + (3 y^2'));
    await until(() => setup.posted.some((m) => m.type === 'error'), 'the error');
    const error = setup.posted.find((m) => m.type === 'error');
    assert.equal(error?.type === 'error' && error.line, 4);
    assert.equal(errors[0].line, 4);
    assert.equal(errors[0].document, 'file:///w/bowl.loss');
    assert.equal(scenes().length, 1, 'no new scene for a broken file');

    setup.posted.length = 0;
    setup.send({ type: 'ready' });
    assert.deepEqual(
      setup.posted.map((m) => m.type),
      ['init', 'scene', 'error'],
    );
    assert.deepEqual(setup.posted[0], { type: 'init', state: null });
  });

  it('a click starts an extra run from that point with the main schedule', async () => {
    setup = start();
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    setup.send({ type: 'startRun', x: -1.23456, y: 0.5 });
    const extra = setup.posted.find((m) => m.type === 'extraRun');
    assert.ok(extra && extra.type === 'extraRun');
    assert.equal(extra.run.extra, true);
    assert.equal(extra.run.schedule, 'sgdr');
    assert.equal(extra.run.label, 'from (-1.235, 0.5)');
    assert.deepEqual([extra.run.points[0], extra.run.points[1]], [-1.23456, 0.5]);
  });

  it('"save start" inserts an @start line after the last one', async () => {
    setup = start();
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    setup.send({ type: 'saveStart', x: 0.25, y: -1.5 });
    await until(() => fake.state.appliedEdits.length === 1, 'the edit');
    const [insert] = fake.state.appliedEdits[0].inserts;
    assert.equal(insert.uri.toString(), 'file:///w/bowl.loss');
    assert.deepEqual([insert.position.line, insert.position.character], [3, 0]);
    assert.equal(insert.text, '@start (0.25, -1.5)\n');
  });

  it('rejects a malformed message with a logged reason and does nothing', async () => {
    setup = start();
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    const before = setup.posted.length;
    setup.send({ type: 'startRun', x: '1', y: 0 });
    setup.send({ type: 'saveStart', x: NaN, y: 0 });
    setup.send('ready');
    assert.equal(setup.posted.length, before);
    assert.equal(fake.state.appliedEdits.length, 0);
    assert.equal(setup.logs.length, 3);
    assert.match(setup.logs[0], /rejected a message from the webview: x: expected a finite number/);
  });

  it("reports the webview's 'rendered' through the API", async () => {
    setup = start();
    const reports: unknown[] = [];
    setup.events.rendered.event((r) => reports.push(r));
    setup.send({ type: 'rendered', revision: 4, runs: 2, restarts: 3, vertices: 300, resolution: 16 });
    assert.deepEqual(reports, [{ document: 'file:///w/bowl.loss', revision: 4, runs: 2, restarts: 3, vertices: 300, resolution: 16 }]);
  });

  describe('image requests', () => {
    it('resolves with the PNG the webview sends for that request', async () => {
      setup = start();
      setup.send({ type: 'ready' });
      const image = setup.preview.requestImage(5_000);
      const request = setup.posted.find((m) => m.type === 'requestImage');
      assert.ok(request && request.type === 'requestImage');
      setup.send({ type: 'image', requestId: request.requestId + 100, png: new Uint8Array([9]) });
      setup.send({ type: 'image', requestId: request.requestId, png: new Uint8Array([1, 2, 3]) });
      assert.deepEqual([...(await image)], [1, 2, 3]);
    });

    it('is sent once the webview is ready, if asked before', async () => {
      setup = start();
      const image = setup.preview.requestImage(5_000);
      assert.equal(setup.posted.length, 0);
      setup.send({ type: 'ready' });
      const request = setup.posted.find((m) => m.type === 'requestImage');
      assert.ok(request && request.type === 'requestImage');
      setup.send({ type: 'imageError', requestId: request.requestId, message: 'WebGL context lost' });
      await assert.rejects(image, /could not export an image: WebGL context lost/);
    });

    it('fails after the timeout when the webview does not answer', async () => {
      setup = start();
      setup.send({ type: 'ready' });
      await assert.rejects(setup.preview.requestImage(50), /no image within 0\.05 s/);
    });
  });

  it('closing the panel frees everything: pending requests fail, edits are ignored', async () => {
    setup = start();
    let disposed = 0;
    setup.preview.onDidDispose(() => disposed++);
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    const image = setup.preview.requestImage(5_000);
    setup.panel.dispose();
    await assert.rejects(image, /closed/);
    assert.equal(disposed, 1);
    const count = setup.posted.length;
    fake.editDocument(setup.document, SOURCE.replace('3 y^2', '4 y^2'));
    await sleep(PREVIEW_DEBOUNCE_MS * 2);
    assert.equal(setup.posted.length, count);
  });

  it('keeps working from the last text after the document is closed', async () => {
    setup = start();
    setup.send({ type: 'ready' });
    await until(() => scenes().length === 1, 'the first scene');
    fake.state.documents = [];
    void setup.preview.update();
    await until(() => scenes().length === 2, 'a scene without the open document');
    assert.deepEqual(scenes()[1].domain, { x: [-2, 2], y: [-2, 2] });
    assert.equal(scenes()[1].surface.resolution, 16, 'from the @set line of the last text');
  });
});
