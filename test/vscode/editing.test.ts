import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LossLandscapeApi, PreviewReport } from '../../src/host/api';
import { api, closeAllEditors, eventsDuring, expectedRestarts, nextEvent, nextRender, openFixture, replaceText } from './helpers';

// The preview follows its document and the settings. Each test edits bowl.loss
// and waits for the webview's report of the new scene.
describe('preview follows edits and settings', () => {
  let ll: LossLandscapeApi;
  let document: vscode.TextDocument;
  let original: string;
  let first: PreviewReport;

  /** Changes a user setting and waits for the scene it causes. */
  async function setSetting(key: string, value: unknown): Promise<PreviewReport> {
    const rendered = nextRender(ll, document.uri, `the render after ${key} = ${JSON.stringify(value)}`);
    await vscode.workspace.getConfiguration('lossLandscape').update(key, value, vscode.ConfigurationTarget.Global);
    return rendered;
  }

  before(async () => {
    ll = await api();
    await closeAllEditors();
    const editor = await openFixture('bowl.loss');
    document = editor.document;
    original = document.getText();
    const rendered = nextRender(ll, document.uri);
    await vscode.commands.executeCommand('lossLandscape.showPreviewToSide');
    first = await rendered;
  });
  afterEach(async () => {
    if (document.getText() !== original) {
      const rendered = nextRender(ll, document.uri, 'the render of the restored bowl.loss');
      await replaceText(document, original);
      await rendered;
    }
  });
  after(closeAllEditors);

  it('draws one more run after an @start line is added', async () => {
    assert.equal(first.runs, 1);
    const rendered = nextRender(ll, document.uri);
    await replaceText(document, original.replace('@start (2.5, -2)', '@start (2.5, -2)\n@start (-2, 2.5)'));
    const report = await rendered;
    assert.equal(report.runs, 2);
    assert.ok(report.revision > first.revision, 'a newer scene');
  });

  it('redraws the surface at the resolution an @set line asks for', async () => {
    const rendered = nextRender(ll, document.uri);
    await replaceText(document, `${original}@set surface.resolution = 48\n`);
    const report = await rendered;
    assert.equal(report.resolution, 48);
    assert.ok(report.vertices >= 48 * 48 && report.vertices < first.vertices, `fewer vertices than at 128² (${report.vertices})`);
  });

  it('draws the restarts of a new schedule.t0 setting', async () => {
    const before = expectedRestarts(original);
    const after = expectedRestarts(original, { 'schedule.t0': 10 });
    assert.notEqual(before, after, 'the fixture must show the difference');
    assert.equal(first.restarts, before);
    try {
      assert.equal((await setSetting('schedule.t0', 10)).restarts, after);
    } finally {
      await setSetting('schedule.t0', undefined);
    }
  });

  it('keeps the last picture and reports the error of a broken edit', async () => {
    const broken = original.replace('loss = x^2 + y^2', 'loss = x^2 + (y^2');
    const lossLine = original.split('\n').findIndex((l) => l.startsWith('loss'));
    const error = nextEvent(ll.onDidShowError, (e) => e.document === document.uri.toString(), 'the preview’s error report');
    const renders = await eventsDuring(
      ll.onDidRender,
      (r) => r.document === document.uri.toString(),
      1500,
      async () => {
        await replaceText(document, broken);
        const shown = await error;
        assert.equal(shown.line, lossLine);
        assert.match(shown.message, /'\('|parenthes/i, 'the unclosed parenthesis');
      },
    );
    assert.deepEqual(renders, [], 'no new scene replaces the last good one');
  });

  it('warns about an invalid setting and still draws with the default', async () => {
    const warned = nextEvent(ll.onDidWarnSetting, (w) => w.key.endsWith('schedule.type'), 'the warning about schedule.type');
    try {
      const report = await setSetting('schedule.type', 'bogus');
      assert.match((await warned).message, /bogus/);
      assert.equal(report.restarts, expectedRestarts(original), 'the default SGDR schedule');
    } finally {
      await setSetting('schedule.type', undefined);
    }
  });
});
