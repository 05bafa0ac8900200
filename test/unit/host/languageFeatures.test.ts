// Completion and hover content for `.loss` files (the pure models behind the
// VS Code providers), on files compiled by the real compiler.

import * as assert from 'node:assert/strict';
import { compile } from '../../../src/engine';
import { completionItems } from '../../../src/host/completionModel';
import { hoverMarkdown, settingHoverMarkdown } from '../../../src/host/hoverModel';

const file = compile('@params w, b\nscale = 3 # how steep\nsq(u) = u * u\nloss = scale * sq(w) + b^2\n').file;
const labels = (prefix: string) => completionItems(prefix, file).map((i) => i.label);

describe('completion model', () => {
  it('offers every built-in function from the design, with its signature', () => {
    const items = completionItems('loss = ', file);
    const names =
      'sin cos tan asin acos atan atan2 sinh cosh tanh exp log ln log2 log10 log1p expm1 sqrt cbrt abs sign floor ceil round min max pow hypot mod clamp sigmoid softplus relu if'.split(
        ' ',
      );
    for (const name of names) {
      const item = items.find((i) => i.label === name);
      assert.ok(item, name);
      assert.equal(item.kind, 'function');
    }
    assert.equal(items.find((i) => i.label === 'atan2')?.detail, 'atan2(y, x)');
    assert.equal(items.find((i) => i.label === 'clamp')?.detail, 'clamp(u, lo, hi)');
  });

  it("offers the constants, the file's parameters and its own definitions", () => {
    const items = completionItems('loss = 2 ', file);
    assert.equal(items.find((i) => i.label === 'pi')?.detail, '= 3.141592653589793');
    assert.deepEqual(
      items.filter((i) => i.kind === 'variable').map((i) => i.label),
      ['w', 'b'],
    );
    assert.deepEqual(items.find((i) => i.label === 'scale'), {
      label: 'scale',
      kind: 'constant',
      detail: '= 3',
      documentation: 'how steep',
      snippet: undefined,
    });
    assert.equal(items.find((i) => i.label === 'sq')?.detail, 'sq(u)');
  });

  it('offers directives after @, with snippets using the parameter names', () => {
    assert.deepEqual(labels('@'), ['@domain', '@start', '@set', '@params']);
    const domain = completionItems('  @do', file).find((i) => i.label === '@domain');
    assert.equal(domain?.snippet, '@domain w: [${1:-2}, ${2:2}], b: [${3:-2}, ${4:2}]');
  });

  it('offers every setting key after @set, with its description and default', () => {
    const items = completionItems('@set sched', file);
    assert.equal(items.length, 27);
    const t0 = items.find((i) => i.label === 'schedule.t0');
    assert.equal(t0?.detail, 'default 50');
    assert.match(t0?.documentation ?? '', /first SGDR cycle/);
    const type = items.find((i) => i.label === 'schedule.type');
    assert.match(type?.documentation ?? '', /Allowed: `sgdr`, `cosine`, `constant`, `step`/);
  });

  it("offers a key's allowed values after '='", () => {
    assert.deepEqual(labels('@set optimizer.type = '), ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad']);
    assert.deepEqual(labels('@set optimizer.nesterov = t'), ['true', 'false']);
    assert.deepEqual(labels('@set optimizer.momentum ='), ['null']);
    assert.deepEqual(labels('@set schedule.t0 = '), ['50']);
    assert.deepEqual(labels('@set no.such = '), []);
  });

  it('offers nothing in a comment or in other directives', () => {
    assert.deepEqual(labels('loss = x # si'), []);
    assert.deepEqual(labels('// s'), []);
    assert.deepEqual(labels('@start (1, '), []);
  });
});

describe('hover model', () => {
  it("a built-in's signature and doc", () => {
    const text = hoverMarkdown('atan2', file) ?? '';
    assert.match(text, /^```\natan2\(y, x\)\n```/);
  });
  it("a constant's value", () => {
    assert.match(hoverMarkdown('tau', file) ?? '', /^`tau` = 6\.283185307179586\n/);
  });
  it("a user constant's value and the comment on its line; a user function's signature", () => {
    assert.equal(hoverMarkdown('scale', file), '`scale` = 3\n\nhow steep');
    assert.equal(hoverMarkdown('sq', file), '`sq(u)`');
  });
  it('a parameter; nothing for unknown words', () => {
    assert.equal(hoverMarkdown('w', file), '`w`: parameter');
    assert.equal(hoverMarkdown('nope', file), undefined);
    assert.equal(hoverMarkdown('constructor', file), undefined);
  });
  it('a setting key on an @set line', () => {
    assert.match(settingHoverMarkdown('schedule.decay') ?? '', /^\*\*lossLandscape\.schedule\.decay\*\*\n\n.*restart/);
    assert.equal(settingHoverMarkdown('schedule.nope'), undefined);
  });
});
