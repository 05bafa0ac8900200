// `loss-landscape check` and `eval` end to end, through the built
// dist/cli.js: exit codes, stderr lines and the exact JSON of DESIGN.md
// section 4. Expected numbers are worked out by hand.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixture = (name: string) => join('test', 'fixtures', 'language', name);

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: check and eval (built dist/cli.js)', function () {
  this.timeout(60_000);
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
  });

  describe('check', () => {
    it('a clean file: exit 0, nothing on stderr', () => {
      const r = run('check', fixture('rosenbrock.loss'));
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
    });
    it('errors: exit 1, file:line:col: error: message on stderr, 1-based', () => {
      const f = fixture('broken.loss');
      const r = run('check', f);
      assert.equal(r.code, 1);
      assert.equal(
        r.stderr,
        [
          `${f}:2:8: error: unknown function 'sni'; did you mean 'sin'?`,
          `${f}:2:17: error: unknown name 'b'`,
          `${f}:3:1: error: '(' is never closed`,
          '',
        ].join('\n'),
      );
    });
    it('--format json: the exact shape, 0-based', () => {
      const f = fixture('broken.loss');
      const r = run('check', f, fixture('rosenbrock.loss'), '--format', 'json');
      assert.equal(r.code, 1);
      assert.deepEqual(JSON.parse(r.stdout), {
        files: [
          {
            file: f,
            diagnostics: [
              { severity: 'error', message: "unknown function 'sni'; did you mean 'sin'?", line: 1, column: 7, endLine: 1, endColumn: 10 },
              { severity: 'error', message: "unknown name 'b'", line: 1, column: 16, endLine: 1, endColumn: 17 },
              { severity: 'error', message: "'(' is never closed", line: 2, column: 0, endLine: 2, endColumn: 1 },
            ],
          },
          { file: fixture('rosenbrock.loss'), diagnostics: [] },
        ],
      });
    });
    it('warnings only: exit 0, warnings reported', () => {
      const f = fixture('warnings.loss');
      const r = run('check', '--format=json', f);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout).files[0].diagnostics, [
        { severity: 'warning', message: "the loss does not depend on the parameter 'b'", line: 0, column: 11, endLine: 0, endColumn: 12 },
        { severity: 'warning', message: '1/2w is (1/2)·w; add parentheses', line: 1, column: 7, endLine: 1, endColumn: 11 },
      ]);
      assert.match(r.stderr, new RegExp(`^${f.replace(/[.\\]/g, '\\$&')}:1:12: warning: the loss does not depend`));
    });
    it('bad usage: exit 2', () => {
      assert.equal(run('check').code, 2);
      assert.equal(run('check', fixture('rosenbrock.loss'), '--format', 'xml').code, 2);
      assert.equal(run('check', fixture('rosenbrock.loss'), '--frmat', 'json').code, 2);
      const missing = run('check', 'no/such/file.loss');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read 'no\/such\/file.loss': no such file/);
    });
    it('--help', () => {
      const r = run('check', '--help');
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: loss-landscape check FILE\.\.\. \[--format text\|json\]/);
    });
  });

  describe('eval', () => {
    it('loss and exact gradient, with negative numbers as option values', () => {
      // Rosenbrock (1-x)² + 100(y-x²)²: ∂x = -2(1-x) - 400x(y-x²), ∂y = 200(y-x²).
      // At (-1.5, 2): 6.25 + 6.25 = 12.5; ∂x = -5 - 150 = -155; ∂y = -50. At (1, 1): the minimum.
      const r = run('eval', fixture('rosenbrock.loss'), '--at', '-1.5,2', '--at=1,1');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '{"params":["x","y"],"results":[{"x":-1.5,"y":2,"loss":12.5,"grad":[-155,-50]},{"x":1,"y":1,"loss":0,"grad":[0,0]}]}\n');
    });
    it('non-finite numbers as strings', () => {
      // log(x) + sqrt(y) at (0, 4): -Infinity, gradient [1/0, 1/(2·2)]; at (1, -1): NaN.
      const r = run('eval', fixture('nonfinite.loss'), '--at', '0,4', '--at', '1,-1');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), {
        params: ['x', 'y'],
        results: [
          { x: 0, y: 4, loss: '-Infinity', grad: ['Infinity', 0.25] },
          { x: 1, y: -1, loss: 'NaN', grad: [1, 'NaN'] },
        ],
      });
    });
    it('@params names the parameters in the output', () => {
      const r = run('eval', fixture('warnings.loss'), '--at', '4,0');
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), { params: ['w', 'b'], results: [{ x: 4, y: 0, loss: 2, grad: [0.5, 0] }] });
    });
    it('a file with errors: exit 1, errors on stderr, nothing on stdout', () => {
      const r = run('eval', fixture('broken.loss'), '--at', '0,0');
      assert.deepEqual([r.code, r.stdout], [1, '']);
      assert.match(r.stderr, /broken\.loss:2:8: error: unknown function 'sni'/);
    });
    it('bad usage: exit 2', () => {
      assert.equal(run('eval', fixture('rosenbrock.loss')).code, 2);
      assert.equal(run('eval', fixture('rosenbrock.loss'), '--at', '1').code, 2);
      assert.equal(run('eval', fixture('rosenbrock.loss'), '--at', '1,2,3').code, 2);
      assert.equal(run('eval', fixture('rosenbrock.loss'), '--at', 'a,b').code, 2);
      assert.equal(run('eval', '--at', '1,2').code, 2);
      const r = run('eval', fixture('rosenbrock.loss'), '--at', '0x10,1');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--at expects two numbers X,Y, e.g. --at -1.5,2; got '0x10,1'/);
    });
    it('--help', () => {
      const r = run('eval', '-h');
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: loss-landscape eval FILE --at X,Y/);
    });
  });

  describe('commands', () => {
    it('an unknown command: exit 2 with a suggestion', () => {
      const r = run('chek');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown command 'chek' \(did you mean 'check'\?\)/);
    });
    it('no command: exit 2 with the overview; --help: exit 0', () => {
      assert.equal(run().code, 2);
      const r = run('--help');
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: loss-landscape <command>/);
      assert.match(r.stdout, /\n {2}check +report the errors/);
      assert.match(r.stdout, /\n {2}eval +print the loss/);
    });
  });
});
