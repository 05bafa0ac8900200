// Operators, precedence, implicit multiplication, numbers, comments,
// definitions and directives (DESIGN.md section 2). Expected values are
// worked out by hand from the precedence rules.
import * as assert from 'node:assert/strict';
import { compile } from '../../../src/language/compile';
import { at, value } from './helpers';

describe('language: numbers, constants and comments', () => {
  it('reads every number form', () => {
    assert.equal(value('1 + 0*x*y'), 1);
    assert.equal(value('1.5 + 0*x*y'), 1.5);
    assert.equal(value('.5 + 0*x*y'), 0.5);
    assert.equal(value('1e-3 + 0*x*y'), 0.001);
    assert.equal(value('2.5E+4 + 0*x*y'), 25000);
  });
  it('knows pi, e and tau', () => {
    assert.equal(value('pi + 0*x*y'), Math.PI);
    assert.equal(value('e + 0*x*y'), Math.E);
    assert.equal(value('tau + 0*x*y'), 2 * Math.PI);
  });
  it('ignores # and // comments', () => {
    assert.equal(value('# a comment\n// another\n3 + 0*x*y # trailing\n'), 3);
    assert.equal(value('a = 2 // two\na*x*y + 1', 1, 1), 3);
  });
  it('accepts CRLF and CR line ends', () => {
    assert.equal(value('a = 2\r\nb = 3\rloss = a*b + 0*x*y'), 6);
  });
});

describe('language: operators and precedence', () => {
  const cases: [string, number, number, number][] = [
    // [expression, x, y, expected]
    ['x + y', 2, 3, 5],
    ['x - y', 2, 3, -1],
    ['x * y', 2, 3, 6],
    ['x / y', 3, 2, 1.5],
    ['x ^ y', 2, 3, 8],
    ['x ** y', 2, 3, 8],
    ['x + y * 2', 1, 3, 7], // * before +
    ['x - y - 1', 5, 1, 3], // left to right
    ['x / y / 2', 8, 2, 2], // left to right
    ['2 ^ x ^ y', 3, 2, 512], // right-associative: 2^(3^2)
    ['-x^2 + 0*y', 3, 0, -9], // -(x^2)
    ['2^-1 + 0*x*y', 0, 0, 0.5],
    ['2^-x + 0*y', 2, 0, 0.25],
    ['-x - -y', 1, 4, 3],
    ['+x + y', 1, 2, 3],
    ['x < y', 1, 2, 1],
    ['x < y', 2, 2, 0],
    ['x <= y', 2, 2, 1],
    ['x > y', 3, 2, 1],
    ['x >= y', 1, 2, 0],
    ['x == y', 2, 2, 1],
    ['x != y', 2, 2, 0],
    ['x + 1 < y * 2', 1, 1.5, 1], // comparison loosest: (x+1) < (y*2) = 2 < 3
    ['x < y == 1', 1, 2, 1], // (x < y) == 1
  ];
  for (const [src, x, y, expected] of cases) {
    it(`${src} at (${x}, ${y}) is ${expected}`, () => assert.equal(value(src, x, y), expected));
  }
  it('gives NaN for NaN comparisons except !=', () => {
    assert.equal(value('(0/0 < x) + 0*y', 1), 0);
    assert.equal(value('(0/0 == 0/0) + 0*x*y'), 0);
    assert.equal(value('(0/0 != 0/0) + 0*x*y'), 1);
  });
});

describe('language: implicit multiplication', () => {
  const cases: [string, number, number, number][] = [
    ['2x + 0*y', 3, 0, 6],
    ['2 pi x + 0*y', 1, 0, 2 * Math.PI],
    ['x y', 2, 3, 6],
    ['3(x+1) + 0*y', 1, 0, 6],
    ['(x+1)(y-1)', 1, 3, 4],
    ['(x+1)y', 1, 3, 6],
    ['A = 10\nA cos(2 pi x) + 0*y', 0, 0, 10],
    ['x(1 - x) + 0*y', 3, 0, -6], // a value's name followed by ( multiplies
    ['2x^2 + 0*y', 3, 0, 18], // ^ binds tighter than juxtaposition
    ['1/2x + 0*y', 4, 0, 2], // (1/2)·x, with a warning
    ['x/2 y', 4, 3, 6], // (x/2)·y
    ['-2x + 0*y', 3, 0, -6],
    ['2x y', 2, 3, 12],
    ['e(x+1) + 0*y', 1, 0, 2 * Math.E],
    ['sin(x)cos(y)', Math.PI / 2, 0, 1],
  ];
  for (const [src, x, y, expected] of cases) {
    it(`${JSON.stringify(src)} at (${x}, ${y}) is ${expected}`, () => assert.equal(value(src, x, y), expected));
  }
});

describe('language: definitions and the loss', () => {
  it('uses definitions in any order', () => {
    assert.equal(value('loss = a*x + b*y\na = b + 1\nb = 2', 1, 1), 5);
  });
  it('calls user functions with parameters', () => {
    assert.equal(value('sq(u) = u*u\nf(u, v) = sq(u) + 10v\nloss = f(x, y)', 3, 2), 29);
  });
  it('lets a function parameter shadow a loss parameter', () => {
    assert.equal(value('sq(x) = x*x\nloss = sq(y) + x', 5, 3), 14);
  });
  it('takes the last bare expression when there is no loss definition', () => {
    const r = compile('a = 2\nx + y\n');
    assert.equal(r.loss?.value(1, 2), 3);
    assert.equal(r.file.lossLine, 1);
  });
  it('prefers loss = ... over bare expressions', () => {
    const r = compile('loss = x*y\nx + y\n');
    assert.equal(r.loss?.value(2, 3), 6);
    assert.equal(r.file.lossLine, 0);
  });
  it('describes definitions with their values and trailing comments', () => {
    const src = 'a = 2 * pi  # the width\nsq(u) = u*u\nr = sqrt(x^2 + y^2)\nloss = sq(r) + a';
    const { file } = compile(src);
    assert.deepEqual(
      file.definitions.map((d) => [d.name, d.kind, d.params, src.slice(d.start, d.end), d.value, d.doc]),
      [
        ['a', 'constant', [], 'a', 2 * Math.PI, 'the width'],
        ['sq', 'function', ['u'], 'sq', undefined, undefined],
        ['r', 'constant', [], 'r', NaN, undefined],
        ['loss', 'constant', [], 'loss', NaN, undefined],
      ],
    );
  });
  it('computes with IEEE doubles and never throws on domain errors', () => {
    assert.ok(Number.isNaN(value('sqrt(x) + y', -1, 0)));
    assert.equal(value('1/x + y', 0, 0), Infinity);
    assert.equal(value('log(x) + y', 0, 0), -Infinity);
  });
});

describe('language: directives', () => {
  it('@params renames the parameters', () => {
    const r = compile('@params w, b\nloss = (w - 1)^2 + b^2');
    assert.deepEqual(r.file.params, ['w', 'b']);
    assert.deepEqual(r.loss?.params, ['w', 'b']);
    assert.deepEqual(at('@params w, b\nloss = (w - 1)^2 + 3b', 3, 1), { value: 7, grad: [4, 3] });
  });
  it('@domain reads both ranges, in either order, with constant expressions', () => {
    assert.deepEqual(compile('@domain x: [-2, 2], y: [-1, 3]\nx+y').file.domain, { x: [-2, 2], y: [-1, 3] });
    assert.deepEqual(compile('@domain y: [0, 1], x: [-pi, pi]\nx+y').file.domain, { x: [-Math.PI, Math.PI], y: [0, 1] });
    assert.deepEqual(compile('@params w, b\n@domain w: [0, 1], b: [-1, 0]\nw+b').file.domain, { x: [0, 1], y: [-1, 0] });
  });
  it('@start lines give start points in order, with their lines', () => {
    const r = compile('x+y\n@start (-1.5, 2.5)\n@start pi/2, -1\n');
    assert.deepEqual(r.file.starts, [
      { x: -1.5, y: 2.5, line: 1 },
      { x: Math.PI / 2, y: -1, line: 2 },
    ]);
  });
  it('@start may use the file\'s constants', () => {
    assert.deepEqual(compile('a = 0.5\n@start (a, 2a)\nx+y').file.starts, [{ x: 0.5, y: 1, line: 1 }]);
  });
  it('@set validates against the settings table and keeps valid values', () => {
    const r = compile(
      '@set schedule.t0 = 40\n@set optimizer.type = adam\n@set optimizer.betas = [0.8, 0.99] # comment\n@set simulation.compare = ["cosine", "constant"]\n@set optimizer.momentum = null\nx+y',
    );
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.file.settings, {
      'schedule.t0': 40,
      'optimizer.type': 'adam',
      'optimizer.betas': [0.8, 0.99],
      'simulation.compare': ['cosine', 'constant'],
      'optimizer.momentum': null,
    });
    assert.deepEqual(r.file.setLines, [
      { key: 'schedule.t0', line: 0 },
      { key: 'optimizer.type', line: 1 },
      { key: 'optimizer.betas', line: 2 },
      { key: 'simulation.compare', line: 3 },
      { key: 'optimizer.momentum', line: 4 },
    ]);
  });
  it('a quoted string value may contain #', () => {
    const r = compile('@set optimizer.type = "a#b"\nx+y');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /invalid value "a#b" for 'optimizer.type'/);
  });
});
