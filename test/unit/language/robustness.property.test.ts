// Property: any text at all compiles to diagnostics or a loss without
// throwing, and every diagnostic's range lies inside the text, with its
// line and column agreeing with its offsets.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { compile } from '../../../src/language/compile';

const pieces = [
  'x', 'y', 'w', 'b', 'a', 'f', 'sq', 'loss', 'pi', 'e', 'sin', 'max', 'if', 'clamp', 'atan2', 'constructor', '__proto__',
  '1', '2.5', '.5', '1e-3', '0', '(', ')', '[', ']', ',', ':', '=', '==', '<=', '+', '-', '*', '/', '^', '**', ' ', ' ', '\n', '\r\n',
  '#', '//', '"', '@params', '@domain', '@start', '@set', '@', 'schedule.t0', '$', 'α', '😀', '\t',
];

function checkRanges(source: string): void {
  const { diagnostics, file } = compile(source);
  const lines = source.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= source.length, JSON.stringify(d));
    assert.ok(d.line < lines.length && d.endLine < lines.length, JSON.stringify(d));
    assert.ok(d.column <= lines[d.line].length && d.endColumn <= lines[d.endLine].length, JSON.stringify(d));
    assert.ok(d.message.length > 0);
  }
  assert.ok(file.lossLine === null || file.lossLine < lines.length);
}

describe('language: robustness property', () => {
  it('never throws on token soup, and every range is inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => checkRanges(parts.join(''))),
      { numRuns: 2000, seed: 1608 },
    );
  });
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkRanges), { numRuns: 1000, seed: 3983 });
  });
});
