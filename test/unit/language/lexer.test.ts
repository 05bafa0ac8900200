// Tokens and their spans (0-based UTF-16 offsets, end exclusive).
import * as assert from 'node:assert/strict';
import { lex } from '../../../src/language/lexer';

const tokens = (source: string) => lex(source).tokens.map((t) => `${t.kind}:${t.text}@${t.start}-${t.end}`);

describe('language: lexer', () => {
  it('reads numbers, names, operators and line ends with their spans', () => {
    assert.deepEqual(tokens('2x**-1.5e+2 <= y\r\n'), [
      'number:2@0-1',
      'name:x@1-2',
      'op:^@2-4',
      'op:-@4-5',
      'number:1.5e+2@5-11',
      'op:<=@12-14',
      'name:y@15-16',
      'newline:\n@16-18',
      'eof:@18-18',
    ]);
  });
  it('takes `2e` as 2 times e, and `.5`, `1.` as numbers', () => {
    assert.deepEqual(tokens('2e .5 1.'), ['number:2@0-1', 'name:e@1-2', 'number:.5@3-5', 'number:1.@6-8', 'eof:@8-8']);
  });
  it('reads Unicode letters in names, counting UTF-16 units', () => {
    assert.deepEqual(tokens('α2 + λ_max'), ['name:α2@0-2', 'op:+@3-4', 'name:λ_max@5-10', 'eof:@10-10']);
    assert.deepEqual(tokens('😀'), ['error:😀@0-2', 'eof:@2-2']);
  });
  it('keeps comments out of the tokens, with their text', () => {
    const { tokens: t, comments } = lex('a = 1 # one\n// two\nb');
    assert.deepEqual(t.map((x) => x.text), ['a', '=', '1', '\n', '\n', 'b', '']);
    assert.deepEqual(comments, [
      { start: 6, end: 11, text: 'one' },
      { start: 12, end: 18, text: 'two' },
    ]);
  });
  it('reads directives and quoted strings (a # inside a string is not a comment)', () => {
    assert.deepEqual(tokens('@set k = "a#b" # c'), ['directive:set@0-4', 'name:k@5-6', 'op:=@7-8', 'string:"a#b"@9-14', 'eof:@18-18']);
  });
});
