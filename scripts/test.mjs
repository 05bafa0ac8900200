// `npm test`: builds once, runs every suite a clean checkout can run offline,
// and ends with one line of its own summing them all: "N passed, M failed".
// A suite that exits without writing its results file counts as one failure,
// so a crash or a suite that ran nothing can never look like success.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mocha = join('node_modules', '.bin', 'mocha');
// `browser`: the suite drives Debian's Chromium, which is found or installed first.
const suites = [
  { name: 'unit', command: [mocha] },
  { name: 'webview', command: [mocha, '--config', 'test/webview/.mocharc.json'], browser: true },
  { name: 'vscode', command: ['node', 'scripts/vscode/runCodeServer.mjs'], browser: true },
  { name: 'electron', command: ['node', 'scripts/vscode/runElectron.mjs'] },
];

const build = spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const only = process.argv.slice(2);
const selected = suites.filter((s) => only.length === 0 || only.includes(s.name));
if (selected.some((s) => s.browser)) {
  const chromium = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
  if (chromium.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'll-results-'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of selected) {
  console.log(`\n=== ${suite.name} ===`);
  const resultsFile = join(dir, `${suite.name}.json`);
  const [cmd, ...args] = suite.command;
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, LL_RESULTS_FILE: resultsFile },
  });
  if (!existsSync(resultsFile)) {
    console.log(`${suite.name}: no results were written (exit ${run.status ?? run.signal}); counted as a failure`);
    failed += 1;
    continue;
  }
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (run.status !== 0 && counts.failed === 0) {
    console.log(`${suite.name}: exited ${run.status} with no failing test; counted as a failure`);
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
