// `loss-landscape schedule` and `loss-landscape simulate` end to end: the CLI
// is bundled from source as esbuild.mjs bundles it, then run as a process.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { assertClose } from './close';

let dir: string;
let cli: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loss-landscape CLI: schedule and simulate', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'll-engine-cli-'));
    cli = join(dir, 'cli.js');
    buildSync({ entryPoints: [join(__dirname, '../../../src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'error' });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('schedule', () => {
    it('prints η(0..N−1) and the restarts (t0 3, tMult 2, η_max 0.01)', () => {
      const r = run('schedule', '--set', 'schedule.t0=3', '--steps', '10');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(out), ['lr', 'restarts']);
      // Cycle of 3: 0.01·(1 + cos(πk/3))/2; cycle of 6 from t = 3: 0.01·(1 + cos(πk/6))/2; restart at 9.
      const c = (k: number, n: number) => (0.01 * (1 + Math.cos((Math.PI * k) / n))) / 2;
      assertClose(out.lr, [0.01, 0.0075, 0.0025, 0.01, c(1, 6), 0.0075, 0.005, 0.0025, c(5, 6), 0.01], 1e-14);
      assert.deepEqual(out.restarts, [3, 9]);
    });

    it('defaults to simulation.steps (350) and honours --set simulation.steps', () => {
      assert.equal(JSON.parse(run('schedule').stdout).lr.length, 350);
      assert.equal(JSON.parse(run('schedule', '--set', 'simulation.steps=12').stdout).lr.length, 12);
    });

    it('uses T_max = N for cosine, so η(N−1) is the last rate before η_min', () => {
      const out = JSON.parse(run('schedule', '--set', 'schedule.type=cosine', '--set', 'schedule.etaMax=1', '--steps', '4').stdout);
      assertClose(out.lr, [1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2], 1e-15);
      assert.deepEqual(out.restarts, []);
    });

    it('exits 2 naming the key and the allowed values for an invalid --set', () => {
      const r = run('schedule', '--set', 'schedule.type=linear');
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /'schedule\.type'.*one of sgdr, cosine, constant, step/);
      const unknown = run('schedule', '--set', 'schedule.tmult=3');
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /unknown setting 'schedule\.tmult'.*did you mean 'schedule\.tMult'/);
      const steps = run('schedule', '--steps', '-5');
      assert.equal(steps.status, 2);
      assert.match(steps.stderr, /--steps -5/);
    });
  });

  describe('simulate', () => {
    const source = '@start (1, -1)\n@set schedule.etaMax = 0.1\n@set optimizer.momentum = 0\nloss = x^2 + 2 y^2\n';

    it('prints the runs as JSON: points after k updates with η(k), restarts, stopped', () => {
      const path = file('quadratic.loss', source);
      const r = run('simulate', path, '--set', 'simulation.steps=4', '--set', 'schedule.t0=2', '--set', 'schedule.tMult=1');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.params, ['x', 'y']);
      assert.deepEqual(
        out.runs.map((run: { label: string; restarts: number[]; stopped: unknown }) => [run.label, run.restarts, run.stopped]),
        [
          ['sgdr from (1, -1)', [2, 4], null],
          ['constant from (1, -1)', [], null],
        ],
      );
      const [p0, p1, p2] = out.runs[0].points;
      assert.deepEqual(p0, { step: 0, x: 1, y: -1, loss: 3, lr: 0.1 });
      // Gradient descent with η(0) = 0.1: (1, −1) − 0.1·(2, −4); then η(1) = 0.05 (halfway through a cycle of 2).
      assertClose([p1.x, p1.y, p1.lr], [0.8, -0.6, 0.05], 1e-15);
      assertClose([p2.x, p2.y], [0.8 - 0.05 * 1.6, -0.6 + 0.05 * 2.4], 1e-15);
      assert.equal(out.runs[0].points.length, 5);
    });

    it('writes a NaN loss as the string "NaN" and reports the stop', () => {
      const path = file('log.loss', '@start (0.5, 0)\nloss = log(x) + y^2\n');
      const r = run('simulate', path, '--set', 'schedule.type=constant', '--set', 'schedule.etaMax=1', '--set', 'optimizer.momentum=0', '--set', 'simulation.compare=[]');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /"loss":"NaN"/);
      const [run0] = JSON.parse(r.stdout).runs;
      assert.equal(run0.stopped.step, 1);
      assert.equal(run0.points.length, 2);
    });

    it('prints CSV with one row per point and a run column', () => {
      const path = file('quadratic.loss', source);
      const r = run('simulate', path, '--set', 'simulation.steps=3', '--format', 'csv');
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines[0], 'run,schedule,step,x,y,loss,lr');
      assert.equal(lines.length, 1 + 2 * 4);
      assert.equal(lines[1], '"sgdr from (1, -1)",sgdr,0,1,-1,3,0.1');
      assert.match(lines[5], /^"constant from \(1, -1\)",constant,0,/);
    });

    it('exits 1 with file:line:col diagnostics when the file has errors', () => {
      const path = file('broken.loss', 'a = 1\nloss = x + * y\n');
      const r = run('simulate', path);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: error: `));
    });

    it('exits 2 for an invalid --set, a bad --format or a missing file', () => {
      const path = file('quadratic.loss', source);
      const bad = run('simulate', path, '--set', 'optimizer.type=lbfgs');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /'optimizer\.type'.*sgd, adam, adamw, rmsprop, adagrad/);
      assert.equal(run('simulate', path, '--format', 'xml').status, 2);
      assert.equal(run('simulate', join(dir, 'missing.loss')).status, 2);
      const nesterov = run('simulate', path, '--set', 'optimizer.nesterov=true', '--set', 'optimizer.dampening=0.5');
      assert.equal(nesterov.status, 2);
      assert.match(nesterov.stderr, /Nesterov/);
    });
  });

  it('stops quietly when its reader closes the pipe early, as `| head` does', async () => {
    const source = file('long.loss', '@set simulation.steps = 100000\nloss = x^2 + y^2\n');
    const child = spawn(process.execPath, [cli, 'simulate', source, '--format', 'csv']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});
