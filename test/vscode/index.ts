// The integration suite's entry point: VS Code loads this file in the
// extension host (code-server through the workbench's `payload`, desktop
// through @vscode/test-electron) and waits for run() to settle. The results
// go to LL_RESULTS_FILE through test/reporter.cjs, so the harness can tell
// "no tests ran" from "all passed".
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // A real workbench on 2 cores: a first preview compiles WebGL shaders in SwiftShader.
    timeout: 60_000,
    color: false,
    reporter: resolve(__dirname, '../../../test/reporter.cjs'),
    grep: process.env.LL_VSCODE_GREP,
  });
  // LL_VSCODE_SUITE=bench runs the edit-to-scene latency bench (bench/vscode.ts
  // starts it) in the same harness instead of the tests.
  const bench = process.env.LL_VSCODE_SUITE === 'bench';
  const dir = bench ? join(__dirname, 'bench') : __dirname;
  const suffix = bench ? '.bench.js' : '.test.js';
  for (const file of readdirSync(dir).filter((f) => f.endsWith(suffix)).sort()) {
    mocha.addFile(join(dir, file));
  }
  return new Promise((resolvePromise, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolvePromise()));
  });
}
