import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticsWhere, openFixture, replaceText } from './helpers';

type Span = [number, number, number, number];
const span = (r: vscode.Range): Span => [r.start.line, r.start.character, r.end.line, r.end.character];
const errorsOf = (d: vscode.Diagnostic[]) => d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const markdownOf = (value: vscode.CompletionItem['documentation']) =>
  value === undefined ? '' : typeof value === 'string' ? value : value.value;

async function untitledLoss(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'loss', content });
  return vscode.window.showTextDocument(document);
}

describe('language features', () => {
  before(api);
  afterEach(closeAllEditors);

  it('shows a broken file’s errors with their exact ranges, and a fixed file has none', async () => {
    const editor = await openFixture('broken.loss');
    const uri = editor.document.uri;
    const errors = errorsOf(await diagnosticsWhere(uri, (d) => errorsOf(d).length > 0, 'errors in broken.loss'));
    // Line 2 `loss = (x - 1)^2 + xy`: the unknown name `xy`; line 3 `b = 2 $ 3`: the `$`.
    assert.deepEqual(errors.map((e) => span(e.range)).sort(), [
      [2, 19, 2, 21],
      [3, 6, 3, 7],
    ]);
    const unknown = errors.find((e) => e.range.start.line === 2);
    assert.match(unknown?.message ?? '', /x\s*\*\s*y/, 'the unknown name suggests x*y');

    await replaceText(editor.document, editor.document.getText().replace('xy', 'x*y').replace('2 $ 3', '2 * 3'));
    await diagnosticsWhere(uri, (d) => errorsOf(d).length === 0, 'the errors of the fixed file to clear');
  });

  it('offers a quick fix for “did you mean” that repairs the name', async () => {
    const editor = await openFixture('broken.loss');
    const uri = editor.document.uri;
    const errors = errorsOf(await diagnosticsWhere(uri, (d) => errorsOf(d).length === 2, 'the two errors of broken.loss'));
    const unknown = errors.find((e) => e.range.start.line === 2);
    assert.ok(unknown);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range);
    const fix = actions.find((a) => a.edit && /x\s*\*\s*y/.test(a.title));
    assert.ok(fix?.edit, `a quick fix to x*y among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(2).text, /\+ x\s*\*\s*y$/);
    await diagnosticsWhere(uri, (d) => errorsOf(d).length === 1, 'only the `$` error to remain');
  });

  it('completes built-ins and the file’s own names, and @set keys with their descriptions', async () => {
    const editor = await untitledLoss('@domain x: [-2, 2], y: [-2, 2]\nscale = 3\n@set sched\nloss = scale * si');
    const uri = editor.document.uri;
    const expression = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(3, 17),
    );
    const labels = expression.items.map(labelOf);
    for (const name of ['sin', 'sinh', 'sigmoid', 'scale']) assert.ok(labels.includes(name), `${name} is offered`);

    const setting = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(2, 10),
    );
    const t0 = setting.items.find((i) => labelOf(i).endsWith('schedule.t0'));
    assert.ok(t0, `schedule.t0 is offered among ${setting.items.length} items`);
    assert.match(markdownOf(t0.documentation) + (t0.detail ?? ''), /first\b.*\bcycle/i);
  });

  it('hovers with a built-in’s signature and a constant’s value', async () => {
    const editor = await untitledLoss('scale = 3\nloss = scale * cos(pi * x) + y^2');
    const hoverText = async (line: number, character: number) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(line, character),
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText(1, 16), /cos\(/);
    assert.match(await hoverText(1, 19), /3\.14159/);
    assert.match(await hoverText(1, 9), /= 3\b/);
  });

  it('offers a CodeLens that opens the preview', async () => {
    const editor = await openFixture('rosenbrock.loss');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const commands = lenses.map((l) => l.command?.command);
    assert.ok(
      commands.some((c) => c === 'lossLandscape.showPreview' || c === 'lossLandscape.showPreviewToSide'),
      `a preview lens among ${JSON.stringify(commands)}`,
    );
  });

  it('comments a line with #, as its language configuration says', async () => {
    const editor = await untitledLoss('loss = x^2 + y^2');
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.match(editor.document.lineAt(0).text, /^#\s*loss = x\^2 \+ y\^2$/);
  });
});
