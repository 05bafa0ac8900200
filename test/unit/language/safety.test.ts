// A `.loss` file is data: nothing the user typed reaches `new Function`,
// names live in Maps, and input of any size or depth ends in a result or a
// diagnostic, never a stack overflow (DESIGN.md section 2, "Safety").
import * as assert from 'node:assert/strict';
import { compile } from '../../../src/language/compile';
import { MAX_NODES } from '../../../src/language/lower';
import { MAX_DEPTH } from '../../../src/language/parser';
import { at, problems } from './helpers';

/** Records the text of every `new Function(...)` while `run` executes. */
function functionBodies(run: () => void): string[] {
  const original = globalThis.Function;
  const bodies: string[] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      bodies.push(args.join('\n'));
      return Reflect.construct(target, args);
    },
    apply(target, self, args: string[]) {
      bodies.push(args.join('\n'));
      return Reflect.apply(target, self, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = original;
  }
  return bodies;
}

describe('language safety: generated code', () => {
  it('contains no text from the file, only compiler-chosen names and numbers', () => {
    const source = [
      '@params zqw, zqb',
      'zqwidth = 3 # zqcomment',
      'zqsq(zqu) = zqu * zqu',
      'zqsel(zqc) = if(zqc > 0, zqc, -zqc)',
      'loss = zqsq(zqw - zqwidth) + zqwidth * zqsel(zqb) + max(zqw, zqb) + atan2(zqb, zqw) + round(zqw)',
    ].join('\n');
    let loss: ReturnType<typeof compile>['loss'];
    const bodies = functionBodies(() => {
      loss = compile(source).loss;
    });
    assert.ok(loss, 'compiles');
    assert.ok(bodies.length >= 1, 'the loss was compiled to code');
    for (const body of bodies) {
      assert.ok(!/zq/.test(body), `user text reached generated code:\n${body}`);
      // Identifiers are the compiler's own: p0/p1, v<n>, a<n>, g, V/A arrays, Math.*, and the JS keywords used.
      const words = new Set(body.match(/[A-Za-z_$][\w$]*/g));
      const own = new Set([...Object.getOwnPropertyNames(Math), 'Math', 'use', 'strict', 'function', 'return', 'const', 'let', 'if', 'new', 'Float64Array', 'value', 'valueAndGradient', 'g', 'V', 'A']);
      for (const w of words) assert.ok(own.has(w) || /^(p[01]|[va]\d+|a\d+)$/.test(w), `unexpected identifier ${w}`);
    }
    assert.equal(loss?.value(4, -2), 1 + 3 * 2 + 4 + Math.atan2(-2, 4) + 4);
  });
});

describe('language safety: names', () => {
  it('constructor, __proto__ and toString work as ordinary user names', () => {
    assert.equal(at('__proto__ = 2\nconstructor(u) = 3u\ntoString = 1\nloss = __proto__*x + constructor(y) + toString', 1, 1).value, 6);
  });
  it('built-in-looking names of Object.prototype are unknown', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype']) {
      assert.deepEqual(problems(`${name} + x + y`), [`error 0:0-0:${name.length} unknown name '${name}'`]);
    }
  });
  it('@set __proto__ is an unknown setting and pollutes nothing', () => {
    const r = compile('@set __proto__ = [1, 2]\n@set constructor = 1\nx + y');
    assert.equal(r.diagnostics.length, 2);
    assert.match(r.diagnostics[0].message, /^unknown setting '__proto__'/);
    assert.deepEqual(Object.keys(r.file.settings), []);
    assert.equal(({} as Record<string, unknown>).length, undefined);
  });
});

describe('language safety: size and depth', function () {
  // These inputs must end quickly; the timeout bounds them generously for slow machines.
  this.timeout(5000);
  const endsCleanly = (source: string, expected: RegExp | 'compiles') => {
    const r = compile(source);
    if (expected === 'compiles') assert.ok(r.loss, JSON.stringify(r.diagnostics.slice(0, 2)));
    else assert.match(r.diagnostics.map((d) => d.message).join('\n'), expected);
  };
  it('100 000 terms: a diagnostic, not a stack overflow', () => {
    endsCleanly(Array.from({ length: 100_000 }, (_, i) => `${i}x`).join('+') + '+y', new RegExp(`more than ${MAX_NODES} operations`));
  });
  it('10 000 terms, within the limit: compiles, with exact value and gradient', () => {
    const r = compile(Array.from({ length: 10_000 }, () => 'x*y').join(' + '));
    const g = new Float64Array(2);
    assert.equal(r.loss?.valueAndGradient(2, 3, g), 60_000);
    assert.deepEqual([...g], [30_000, 20_000]);
  });
  it('a large loss with selections (values kept in arrays) keeps the kink conventions', () => {
    // Σ_{i=0}^{2999} max(x, i·y) at (2, 1): i ≤ 2 picks x (ties go to the first argument), i ≥ 3 picks i·y.
    const r = compile(Array.from({ length: 3000 }, (_, i) => `max(x, ${i}y)`).join(' + '));
    const g = new Float64Array(2);
    const tail = (2999 * 3000) / 2 - 3; // Σ_{i=3}^{2999} i
    assert.equal(r.loss?.valueAndGradient(2, 1, g), 3 * 2 + tail);
    assert.deepEqual([...g], [3, tail]);
  });
  it('100 000 nested parentheses, signs, powers and calls: a diagnostic', () => {
    const tooDeep = new RegExp(`nested too deeply \\(more than ${MAX_DEPTH} levels`);
    endsCleanly('('.repeat(100_000) + 'x' + ')'.repeat(100_000) + ' + y', tooDeep);
    endsCleanly('-'.repeat(100_000) + 'x + y', tooDeep);
    endsCleanly(Array(100_000).fill('x').join('^') + ' + y', tooDeep);
    endsCleanly('sin('.repeat(100_000) + 'x' + ')'.repeat(100_000) + ' + y', tooDeep);
  });
  it('nesting just under the limit compiles', () => {
    const depth = MAX_DEPTH - 2;
    assert.equal(compile('('.repeat(depth) + 'x' + ')'.repeat(depth) + ' + y').loss?.value(1, 2), 3);
  });
  it('a chain of 50 000 definitions: a result or a diagnostic', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `a${i} = ${i === 0 ? 'x' : `a${i - 1}`} + 1`);
    const r = compile(lines.join('\n') + '\nloss = a49999 + y');
    assert.ok(r.loss ? r.loss.value(0, 0) === 50_000 : /more than \d+ operations/.test(r.diagnostics[0].message));
  });
  it('functions that double at each level are inlined once per distinct call', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `f${i + 1}(u) = f${i}(u) + f${i}(u)`);
    const r = compile(['f0(u) = u', ...lines, 'loss = f40(x) + y'].join('\n'));
    assert.equal(r.loss?.value(1, 0), 2 ** 40);
  });
  it('a cycle through 50 000 definitions: short messages naming its ends', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `a${i} = a${(i + 1) % 50_000} + 1`);
    const r = compile(lines.join('\n') + '\nloss = a0 + x + y');
    assert.equal(r.diagnostics.length, 50_000);
    assert.equal(r.diagnostics[0].message, 'cyclic definition: a0 → a1 → a2 → … → a49999 → a0 (50000 definitions)');
  });
  it('50 000 unknown names: all reported, hints while they are cheap', () => {
    const r = compile(Array.from({ length: 50_000 }, (_, i) => `a${i} = q${i}`).join('\n') + '\nx + y');
    assert.equal(r.diagnostics.length, 50_000);
    assert.equal(r.diagnostics[0].message, "unknown name 'q0'; did you mean 'a0'?");
    assert.equal(r.diagnostics[49_999].message, "unknown name 'q49999'");
  });
  it('a @set value of 500 000 nested arrays: a diagnostic', () => {
    const value = '['.repeat(500_000) + ']'.repeat(500_000);
    assert.deepEqual(problems(`@set optimizer.betas = ${value}\nx + y`), [
      "error 0:23-0:1000023 the value is nested more than 8 arrays deep (for 'optimizer.betas')",
    ]);
  });
  it('input over 1 MB: one diagnostic', () => {
    assert.deepEqual(problems('x'.repeat(2 << 20)), ['error 0:0-0:0 the file is too large (2097152 characters; the limit is 1048576)']);
  });
  it('a 500 000-character name: a short message', () => {
    const [message] = problems('x + y + ' + 'q'.repeat(500_000));
    assert.equal(message, `error 0:8-0:500008 unknown name '${'q'.repeat(37)}…'`);
  });
});
