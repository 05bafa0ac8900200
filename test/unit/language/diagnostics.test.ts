// Every diagnostic the language reports, with its exact range (0-based
// line:column-line:column, as VS Code counts) and message.
import * as assert from 'node:assert/strict';
import { compile } from '../../../src/language/compile';
import { problems } from './helpers';

function expectProblems(source: string, expected: string[]): void {
  assert.deepEqual(problems(source), expected);
}

describe('language diagnostics: names', () => {
  it('unknown name, with "did you mean" over built-ins, user names and parameters', () => {
    expectProblems('sni(x) + y', ["error 0:0-0:3 unknown function 'sni'; did you mean 'sin'?"]);
    expectProblems('width = 2\nwidht*x + y', ["error 1:0-1:5 unknown name 'widht'; did you mean 'width'?"]);
    expectProblems('@params w, b\nww + b', ["error 1:0-1:2 unknown name 'ww'; did you mean w*w?"]);
    expectProblems('x + foo', ["error 0:4-0:7 unknown name 'foo'"]);
    expectProblems('@params w, b\nw + y', ["error 1:4-1:5 unknown name 'y' (@params names the parameters w and b)"]);
  });
  it('offers the suggestion as a quick fix', () => {
    assert.deepEqual(compile('sni(x) + y').diagnostics[0].fixes, ['sin']);
    assert.deepEqual(compile('xy').diagnostics[0].fixes, ['x*y']);
  });
  it('xy is one name: did you mean x*y?', () => {
    expectProblems('loss = xy', ["error 0:7-0:9 unknown name 'xy'; did you mean x*y?"]);
    expectProblems('pix + y', ["error 0:0-0:3 unknown name 'pix'; did you mean pi*x?"]);
  });
  it('a function used without a call', () => {
    expectProblems('sin + x + y', ["error 0:0-0:3 'sin' is a function: call it as sin(...)"]);
    expectProblems('f(u) = u\nf * x + y', ["error 1:0-1:1 'f' is a function: call it as f(...)"]);
  });
  it('wrong number of arguments says how many are expected', () => {
    expectProblems('sin(x, y)', ['error 0:0-0:9 sin takes 1 argument (sin(u)) but was given 2']);
    expectProblems('atan2(x) + y', ['error 0:0-0:8 atan2 takes 2 arguments (atan2(y, x)) but was given 1']);
    expectProblems('max() + x + y', ['error 0:0-0:5 max takes at least 1 argument (max(a, ...)) but was given 0']);
    expectProblems('f(u, v) = u + v\nf(x)', ['error 1:0-1:4 f takes 2 arguments (f(u, v)) but was given 1']);
  });
  it('names like constructor, __proto__ and toString are plain unknown names', () => {
    expectProblems('constructor + x + y', ["error 0:0-0:11 unknown name 'constructor'"]);
    expectProblems('__proto__ + x + y', ["error 0:0-0:9 unknown name '__proto__'"]);
    expectProblems('toString(x) + y', ["error 0:0-0:8 unknown function 'toString'"]);
    expectProblems('hasOwnProperty = 1\nx + y + hasOwnProperty', []);
  });
});

describe('language diagnostics: syntax', () => {
  it('unbalanced parenthesis points at the one left open', () => {
    expectProblems('(x + (y * 2)', ["error 0:0-0:1 '(' is never closed"]);
    expectProblems('sin(x + y', ["error 0:3-0:4 '(' is never closed"]);
    expectProblems('x + y)', ["error 0:5-0:6 ')' has no matching '('"]);
    expectProblems('x + )', ["error 0:4-0:5 expected an expression but found ')', which has no matching '('"]);
  });
  it('unexpected character', () => {
    expectProblems('x $ y', ["error 0:2-0:3 unexpected character '$'"]);
    expectProblems('x + y;', ["error 0:5-0:6 unexpected character ';'"]);
    expectProblems('x +\u200b y', ['error 0:3-0:4 unexpected character U+200B']);
  });
  it('an expression cut short', () => {
    expectProblems('x +', ["error 0:2-0:3 expected an expression after '+'"]);
    expectProblems('a =\nx + y', ["error 0:2-0:3 expected an expression after '=' to define 'a'"]);
    expectProblems('x * * y', ["error 0:4-0:5 expected an expression but found '*'"]);
  });
  it('strings and a bare @ outside @set', () => {
    expectProblems('x + "y', ['error 0:4-0:6 unterminated string']);
    expectProblems('x + "y"', ["error 0:4-0:7 expected an expression but found '\"y\"'"]);
    expectProblems('@ x + y', ["error 0:0-0:1 expected a directive name after '@' (@params, @domain, @start or @set)"]);
  });
  it('a parenthesis closed by something else', () => {
    expectProblems('(x + y]', ["error 0:6-0:7 expected ')' to close the '(' at column 1 but found ']'"]);
    expectProblems('x + y ]', ["error 0:6-0:7 unexpected ']'"]);
  });
  it('a bad parameter list', () => {
    expectProblems('f(u, 2) = u\nx + y', ["error 0:5-0:6 expected a parameter name but found '2'"]);
  });
  it('two numbers side by side', () => {
    expectProblems('2 3 x + y', ["error 0:2-0:3 missing operator before '3'"]);
  });
  it('a bad left-hand side of =', () => {
    expectProblems('2 = x\nx + y', ["error 0:0-0:2 expected a name before '=': a definition is `name = expression` or `name(u, v) = expression`"]);
  });
  it('nesting deeper than the limit', () => {
    const src = '('.repeat(300) + 'x' + ')'.repeat(300) + ' + y';
    expectProblems(src, ['error 0:256-0:257 expression is nested too deeply (more than 256 levels of parentheses, signs or powers)']);
  });
  it('recovers at the next line and reports every line', () => {
    expectProblems('a = (1\nb = 2 $\nc = sin(1, 2)\nloss = a + b + c + x + y', [
      "error 0:4-0:5 '(' is never closed",
      "error 1:6-1:7 unexpected character '$'",
      'error 2:4-2:13 sin takes 1 argument (sin(u)) but was given 2',
    ]);
  });
});

describe('language diagnostics: definitions', () => {
  it('cyclic definition names the cycle', () => {
    expectProblems('a = b + 1\nb = 2a\nloss = a + x + y', ['error 0:0-0:1 cyclic definition: a → b → a', 'error 1:0-1:1 cyclic definition: a → b → a']);
    expectProblems('a = a + 1\nloss = a + x + y', ["error 0:0-0:1 'a' is defined in terms of itself (a → a)"]);
    expectProblems('f(u) = g(u)\ng(u) = f(u) + 1\nf(x) + y', ['error 0:0-0:1 cyclic definition: f → g → f', 'error 1:0-1:1 cyclic definition: f → g → f']);
  });
  it('missing loss', () => {
    expectProblems('a = 1\n', ['error 0:0-0:0 missing loss: define `loss = ...` or end the file with an expression of the parameters']);
    expectProblems('', ['error 0:0-0:0 missing loss: define `loss = ...` or end the file with an expression of the parameters']);
    expectProblems('a = foo\n', [
      'error 0:0-0:0 missing loss: define `loss = ...` or end the file with an expression of the parameters',
      "error 0:4-0:7 unknown name 'foo'",
    ]);
    // A line that could not be parsed may have been the loss: no second error.
    expectProblems('x + (y\n', ["error 0:4-0:5 '(' is never closed"]);
  });
  it('shadowing a built-in or a parameter', () => {
    expectProblems('sin = 1\nx + y', ["error 0:0-0:3 'sin' is a built-in function and cannot be redefined"]);
    expectProblems('pi = 3\nx + y', ["error 0:0-0:2 'pi' is a built-in constant and cannot be redefined"]);
    expectProblems('x = 3\nx + y', ["error 0:0-0:1 'x' is a parameter and cannot be redefined"]);
    expectProblems('f(exp) = exp\nf(x) + y', ["error 0:2-0:5 'exp' is a built-in function and cannot be a parameter of 'f'"]);
    expectProblems('@params sin, b\nb', ["error 0:8-0:11 'sin' is a built-in function and cannot be a parameter"]);
  });
  it('a name defined twice', () => {
    expectProblems('a = 1\na = 2\nx + y + a', ["error 1:0-1:1 'a' is already defined on line 1"]);
  });
  it('a function with two parameters of the same name', () => {
    expectProblems('f(u, u) = u\nf(x, y)', ["error 0:5-0:6 'f' has two parameters named 'u'"]);
  });
  it('loss with parameters', () => {
    expectProblems('loss(u) = u\nx + y', ["error 0:0-0:11 'loss' is the loss itself and takes no parameters: write loss = ..."]);
  });
});

describe('language diagnostics: directives', () => {
  it('unknown directive, with did you mean', () => {
    expectProblems('@domian x: [0, 1], y: [0, 1]\nx + y', ["error 0:0-0:7 unknown directive '@domian'; did you mean @domain?"]);
    expectProblems('@foo\nx + y', ["error 0:0-0:4 unknown directive '@foo' (expected @params, @domain, @start or @set)"]);
  });
  it('@params', () => {
    expectProblems('@params w\nw', ['error 0:0-0:9 @params takes exactly two names (write @params w, b), not 1']);
    expectProblems('@params w, w\nw', ["error 0:11-0:12 the two parameters must have different names, but both are 'w'"]);
    expectProblems('@params w, b\n@params u, v\nw + b', ['error 1:0-1:12 @params is already given on line 1']);
  });
  it('a directive cut short points at the directive', () => {
    expectProblems('@domain\nx + y', ['error 0:0-0:7 expected a parameter name but found the end of the line (write @domain x: [-2, 2], y: [-1, 3])']);
    expectProblems('@params\nx + y', ['error 0:0-0:7 expected a parameter name but found the end of the line (write @params w, b)']);
    expectProblems('@start\nx + y', ["error 0:0-0:6 expected an expression after '@start'"]);
    expectProblems('f(u = u\nx + y', ["error 0:4-0:5 expected ',' or ')' but found '='"]);
  });
  it('@domain', () => {
    expectProblems('@domain z: [0, 1], y: [0, 1]\nx + y', ["error 0:8-0:9 'z' is not a parameter (the parameters are x and y)"]);
    expectProblems('@domain x: [1, 0], y: [0, 1]\nx + y', ["error 0:12-0:16 the range of 'x' is empty: 1 is not less than 0"]);
    expectProblems('@domain x: [0, 1]\nx + y', ["error 0:0-0:17 @domain needs a range for 'y' too, e.g. @domain x: [-2, 2], y: [-2, 2]"]);
    expectProblems('@domain x: [0, y], y: [0, 1]\nx + y', ['error 0:15-0:16 a domain bound must be a number, not depend on the parameters']);
    expectProblems('@domain x: 0, 1\nx + y', ["error 0:11-0:12 expected '[' before the range (write @domain x: [-2, 2], y: [-1, 3]) but found '0'"]);
  });
  it('@domain given twice, or a range given twice', () => {
    expectProblems('@domain x: [0, 1], y: [0, 1]\n@domain x: [0, 2], y: [0, 2]\nx + y', ['error 1:0-1:28 @domain is given twice; keep one line']);
    expectProblems('@domain x: [0, 1], x: [0, 2]\nx + y', ["error 0:19-0:20 the range of 'x' is given twice"]);
  });
  it('@start', () => {
    expectProblems('@start (1, 2\nx + y', ["error 0:7-0:8 '(' is never closed"]);
    expectProblems('@start (1)\nx + y', ["error 0:9-0:10 expected ',' between the two coordinates (write @start (-1.5, 2.5)) but found ')'"]);
    expectProblems('@start (1/0, 2)\nx + y', ['error 0:8-0:11 a start coordinate must be a finite number, but this is Infinity']);
  });
  it('@set: unknown key, bad value, missing parts', () => {
    expectProblems('@set schedule.t1 = 40\nx + y', ["error 0:5-0:16 unknown setting 'schedule.t1' (did you mean 'schedule.t0'?)"]);
    assert.deepEqual(compile('@set schedule.t1 = 40\nx + y').diagnostics[0].fixes, ['schedule.t0']);
    expectProblems('@set schedule.t0 = -3\nx + y', ["error 0:19-0:21 invalid value -3 for 'schedule.t0': expected an integer ≥ 1"]);
    expectProblems('@set schedule.type = warm\nx + y', [
      `error 0:21-0:25 invalid value "warm" for 'schedule.type': expected one of sgdr, cosine, constant, step`,
    ]);
    expectProblems('@set optimizer.betas = [0.9, \nx + y', ["error 0:23-0:28 '[0.9,' is not a valid JSON array (for 'optimizer.betas')"]);
    expectProblems('@set schedule.t0\nx + y', ['error 0:0-0:16 expected @set key = value, e.g. @set schedule.t0 = 40']);
    expectProblems('@set = 4\nx + y', ["error 0:0-0:6 expected a setting name before '=', e.g. @set schedule.t0 = 40"]);
    expectProblems('@set schedule.t0 =\nx + y', ["error 0:17-0:18 expected a value after '=' for 'schedule.t0'"]);
    expectProblems('@set lossLandscape.schedule.t0 = 4\nx + y', ["error 0:5-0:30 write the key without the 'lossLandscape.' prefix: schedule.t0"]);
    assert.deepEqual(compile('@set schedule.t0 = -3\nx + y').file.settings, {});
  });
});

describe('language diagnostics: warnings', () => {
  it('a parameter the loss does not depend on', () => {
    expectProblems('loss = x^2', ["warning 0:0-0:4 the loss does not depend on the parameter 'y'"]);
    expectProblems('x^2 + 1', ["warning 0:0-0:7 the loss does not depend on the parameter 'y'"]);
    expectProblems('@params w, b\nw^2', ["warning 0:11-0:12 the loss does not depend on the parameter 'b'"]);
    // y appears but cancels only by folding constants: if(1, x, y) is x.
    expectProblems('if(1, x, y)', ["warning 0:0-0:11 the loss does not depend on the parameter 'y'"]);
    expectProblems('x + 0*y', []);
  });
  it('a/b c: (a/b)·c, with a suggestion to add parentheses', () => {
    expectProblems('1/2x + y', ['warning 0:0-0:4 1/2x is (1/2)·x; add parentheses']);
    assert.deepEqual(compile('1/2x + y').diagnostics[0].fixes, ['(1/2)x', '1/(2x)']);
    expectProblems('x/2 y', ['warning 0:0-0:5 x/2 y is (x/2)·y; add parentheses']);
    expectProblems('(1/2)x + y', []);
    expectProblems('1/(2x) + y', []);
  });
  it('a setting set twice: the earlier line has no effect', () => {
    expectProblems('@set schedule.t0 = 10\n@set schedule.t0 = 20\nx + y', ["warning 0:5-0:16 'schedule.t0' is set again on line 2, which wins"]);
    assert.deepEqual(compile('@set schedule.t0 = 10\n@set schedule.t0 = 20\nx + y').file.settings, { 'schedule.t0': 20 });
  });
  it('a start outside the domain', () => {
    expectProblems('@start (3, 0)\n@start (1, 1)\n@domain x: [-2, 2], y: [-1, 3]\nx + y', [
      'warning 0:0-0:13 the start (3, 0) is outside the @domain x: [-2, 2], y: [-1, 3]',
    ]);
    expectProblems('@start (3, 0)\nx + y', []);
  });
  it('an expression that is not the loss', () => {
    expectProblems('x + 1\nloss = x*y', ['warning 0:0-0:5 this expression is not the loss and has no effect (the loss is on line 2)']);
  });
});

describe('language diagnostics: positions', () => {
  it('counts columns in UTF-16 code units and gives offsets too', () => {
    const d = compile('α = 1\n😀 + x + y').diagnostics[0];
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn, d.start, d.end], [1, 0, 1, 2, 6, 8]);
    assert.equal(d.message, "unexpected character '😀'");
  });
  it('reports a file over 1 MB without reading it', () => {
    expectProblems(' '.repeat((1 << 20) + 1), ['error 0:0-0:0 the file is too large (1048577 characters; the limit is 1048576)']);
  });
});
