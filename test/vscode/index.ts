// The integration suite's entry point: VS Code loads this file in the
// extension host (code-server through the workbench's `payload`, desktop
// through @vscode/test-electron) and waits for run() to settle. The results
// go to LL_RESULTS_FILE through test/reporter.cjs, so the harness can tell
// "no tests ran" from "all passed".
import Mocha from 'mocha';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareReload } from './reloaded/prepare';

/** The stage of the code-server harness's reload check, from its marker file: '', 'prepare' or 'revive'. */
function reloadStage(): string {
  const marker = process.env.LL_RELOAD_MARKER;
  return marker && existsSync(marker) ? readFileSync(marker, 'utf8') : '';
}

/** Which files run: the tests, the tests of a reloaded window, or the latency bench. */
function suite(): { dir: string; suffix: string } {
  // bench/vscode.ts starts the edit-to-scene latency bench in the same harness.
  if (process.env.LL_VSCODE_SUITE === 'bench') return { dir: join(__dirname, 'bench'), suffix: '.bench.js' };
  if (reloadStage() === 'revive') return { dir: join(__dirname, 'reloaded'), suffix: '.test.js' };
  return { dir: __dirname, suffix: '.test.js' };
}

export function run(): Promise<void> {
  if (reloadStage() === 'prepare') return prepareReload();
  const mocha = new Mocha({
    ui: 'bdd',
    // A real workbench on 2 cores: a first preview compiles WebGL shaders in SwiftShader.
    timeout: 60_000,
    color: false,
    reporter: resolve(__dirname, '../../../test/reporter.cjs'),
    grep: process.env.LL_VSCODE_GREP,
  });
  const { dir, suffix } = suite();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(suffix)).sort()) {
    mocha.addFile(join(dir, file));
  }
  return new Promise((resolvePromise, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolvePromise()));
  });
}
