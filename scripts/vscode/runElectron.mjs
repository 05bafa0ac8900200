// The integration suite under desktop VS Code through @vscode/test-electron,
// for machines that can download it. Offline (no route to Microsoft's
// update server) it skips with a clear message and writes one skipped test
// to LL_RESULTS_FILE, so `npm test` shows that it did not run.
//
// It runs the oldest VS Code this extension supports (package.json's
// engines), so the two harnesses together cover both ends of the range.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.vscode.replace(/^\^/, '');
const resultsFile = process.env.LL_RESULTS_FILE ?? join(mkdtempSync(join(tmpdir(), 'll-results-')), 'electron.json');
rmSync(resultsFile, { force: true });

function skip(reason) {
  console.log(`electron suite: SKIPPED: ${reason}`);
  writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 0, skipped: 1 }));
  process.exit(0);
}

const cachePath = join(root, '.vscode-test');
const cached = existsSync(cachePath) && readdirSync(cachePath).some((name) => name.endsWith(`-${version}`));
if (!cached) {
  // A quick look before a download that would otherwise wait on a dead network.
  try {
    await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    skip(`desktop VS Code ${version} cannot be downloaded here (${e.cause?.code ?? e.name}); the same suite runs in code-server (npm run test:vscode)`);
  }
}

// Electron needs a display on Linux: borrow a virtual one when there is none.
if (process.platform === 'linux' && !process.env.DISPLAY) {
  if (spawnSync('xvfb-run', ['--help']).error) skip('no display and no xvfb-run to provide one');
  const rerun = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, LL_RESULTS_FILE: resultsFile },
  });
  process.exit(rerun.status ?? 1);
}

let executable;
try {
  executable = await downloadAndUnzipVSCode({ version, cachePath, timeout: 15_000 });
} catch (e) {
  skip(`downloading desktop VS Code ${version} failed (${e.message})`);
}

const workspace = mkdtempSync(join(tmpdir(), 'll-workspace-'));
cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'vscode', 'index.js'),
    extensionTestsEnv: { LL_RESULTS_FILE: resultsFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error('electron suite:', e.message);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (!existsSync(resultsFile)) {
  console.error('electron suite: the extension host wrote no results: no test ran');
  process.exit(1);
}
process.exit(code);
