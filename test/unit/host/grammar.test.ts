// The TextMate grammar of `.loss` files, run by the same engine VS Code uses
// (vscode-textmate with the Oniguruma regex library).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const grammarPath = join(__dirname, '..', '..', '..', 'media', 'syntaxes', 'loss.tmLanguage.json');

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.loss' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const loaded = await registry.loadGrammar('source.loss');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

/** The line's tokens as text and innermost scope, whitespace-only tokens left out. */
function tokens(line: string): [string, string][] {
  return grammar
    .tokenizeLine(line, textmate.INITIAL)
    .tokens.map((t): [string, string] => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]])
    .filter(([text]) => text.trim() !== '');
}

/** The innermost scope of the token that is exactly `text` (the n-th such token). */
function scopeOf(line: string, text: string, occurrence = 0): string {
  const matches = tokens(line).filter(([t]) => t === text);
  assert.ok(matches[occurrence], `'${text}' is a token of '${line}': ${JSON.stringify(tokens(line))}`);
  return matches[occurrence][1];
}

describe('loss grammar', () => {
  it('comments with # and //', () => {
    assert.equal(scopeOf('loss = x # a note', ' a note'), 'comment.line.number-sign.loss');
    assert.equal(scopeOf('// title', ' title'), 'comment.line.double-slash.loss');
  });

  it('numbers in every form of the design, each one token', () => {
    const line = 'a = 1 + 1.5 + .5 + 1e-3 + 2.5E+4';
    for (const n of ['1', '1.5', '.5', '1e-3', '2.5E+4']) assert.equal(scopeOf(line, n), 'constant.numeric.loss', n);
  });

  it('built-in functions and constants, but not names that merely contain them', () => {
    const line = 'loss = sin(x) + exp(y) * pi + sinx + e';
    assert.equal(scopeOf(line, 'sin'), 'support.function.builtin.loss');
    assert.equal(scopeOf(line, 'exp'), 'support.function.builtin.loss');
    assert.equal(scopeOf(line, 'pi'), 'constant.language.math.loss');
    assert.equal(scopeOf(line, 'sinx'), 'variable.other.loss');
    assert.equal(scopeOf(line, 'e'), 'constant.language.math.loss');
  });

  it('operators', () => {
    const line = 'a = x ** 2 + y^2 <= 1';
    assert.equal(scopeOf(line, '**'), 'keyword.operator.arithmetic.loss');
    assert.equal(scopeOf(line, '^'), 'keyword.operator.arithmetic.loss');
    assert.equal(scopeOf(line, '<='), 'keyword.operator.comparison.loss');
  });

  it('definitions: constants, functions with their parameters, and the loss', () => {
    assert.equal(scopeOf('scale = 3', 'scale'), 'variable.other.constant.definition.loss');
    const fn = 'sq(u, v) = u * v';
    assert.equal(scopeOf(fn, 'sq'), 'entity.name.function.loss');
    assert.equal(scopeOf(fn, 'u'), 'variable.parameter.loss');
    assert.equal(scopeOf(fn, 'v'), 'variable.parameter.loss');
    assert.equal(scopeOf(fn, 'u', 1), 'variable.other.loss');
    assert.equal(scopeOf('loss = x', 'loss'), 'variable.language.loss.loss');
  });

  it('directives, and @set keys and values', () => {
    assert.equal(scopeOf('@domain x: [-2, 2], y: [-1, 3]', '@domain'), 'keyword.control.directive.loss');
    assert.equal(scopeOf('@domain x: [-2, 2], y: [-1, 3]', '2'), 'constant.numeric.loss');
    assert.equal(scopeOf('@start (-1.5, 2.5)', '@start'), 'keyword.control.directive.loss');
    const set = '@set optimizer.type = adamw # AdamWR';
    assert.equal(scopeOf(set, '@set'), 'keyword.control.directive.loss');
    assert.equal(scopeOf(set, 'optimizer.type'), 'variable.other.property.setting.loss');
    assert.equal(scopeOf(set, 'adamw'), 'constant.other.setting-value.loss');
    assert.equal(scopeOf(set, ' AdamWR'), 'comment.line.number-sign.loss');
    assert.equal(scopeOf('@set optimizer.nesterov = true', 'true'), 'constant.language.loss');
    assert.equal(scopeOf('@set simulation.compare = ["constant"]', '"constant"'), 'string.quoted.double.loss');
  });
});
