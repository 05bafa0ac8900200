// Runs the integration suite (test/vscode, compiled to out/test/vscode) in
// the extension host of a real VS Code: code-server's, driven by Debian's
// Chromium through playwright-core. The workbench takes the extension and
// the tests from its `payload` URL parameter (honoured with the smoke-test
// driver on) and reports the extension host's exit code and console through
// window.codeAutomationExit / codeAutomationLog.
//
//   node scripts/vscode/runCodeServer.mjs [--vsix FILE]
//
// --vsix (or LL_VSIX): install that package into code-server and test it
//   instead of loading this folder as the extension under development.
// LL_RESULTS_FILE: where the suite writes {passed, failed, skipped}; it is
//   set on the code-server process, so it reaches the extension host. No
//   file, or no test in it, fails. After the suite, a second window checks
//   what a window reload restores (see below).
// The rest of this process's environment reaches the extension host too:
//   LL_VSCODE_GREP filters tests, LL_VSCODE_SUITE=bench runs the latency
//   bench instead (test/vscode/index.ts), LL_VSCODE_TIMEOUT_S bounds a run.
// Screenshots and preview inspections the suite asks for, and the logs of
// code-server and of the workbench, go to test-output/vscode/.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { launchChromium } from '../chromium.mjs';
import { QUIET_SETTINGS, startCodeServer } from './codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The bench has its own, so that it never clears the suite's screenshots.
const outputDir = join(root, 'test-output', process.env.LL_VSCODE_SUITE === 'bench' ? 'vscode-bench' : 'vscode');
// The whole suite, install excluded; a hung test must not eat CI's 90 minutes.
const timeoutMs = Number(process.env.LL_VSCODE_TIMEOUT_S ?? 900) * 1000;

// The workbench's routine connection messages, and offline failures to reach the
// extension gallery, telemetry and GitHub sign-in: kept in test-output/vscode/workbench.log only.
const WORKBENCH_CHATTER =
  /ENOTFOUND|authentication provider 'github'|^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/;

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string', default: process.env.LL_VSIX },
  },
});
const testsPath = join(root, 'out', 'test', 'vscode', 'index.js');
const vsix = options.vsix ? resolve(options.vsix) : undefined;

for (const [file, hint] of [
  [testsPath, 'build the tests with `node esbuild.mjs`'],
  [join(root, 'dist', 'extension.js'), 'build the extension with `node esbuild.mjs`'],
  ...(vsix ? [[vsix, 'build it with `npm run package`']] : []),
]) {
  if (!existsSync(file)) {
    console.error(`vscode suite: ${file} is missing: ${hint}`);
    process.exit(1);
  }
}

const resultsFile = process.env.LL_RESULTS_FILE ?? join(mkdtempSync(join(tmpdir(), 'll-results-')), 'vscode.json');
rmSync(resultsFile, { force: true });
mkdirSync(outputDir, { recursive: true });
// The suite waits for the harness's answers to appear: an old one must not answer for a new one.
for (const name of readdirSync(outputDir)) if (/\.(png|json)$/.test(name)) rmSync(join(outputDir, name));

// The tests edit and create files: they get a copy of the fixtures, never the originals.
const workspace = mkdtempSync(join(tmpdir(), 'll-workspace-'));
cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
// Which stage of the reload check the extension host is in (see below); absent during the suite.
const reloadMarker = join(mkdtempSync(join(tmpdir(), 'll-reload-')), 'reloaded');

// The workbench runs extension tests only in an extension-development window.
// With a VSIX under test, the extension under development is an empty one, so
// that the installed package, not this folder, is what the tests exercise.
let developmentPath = root;
if (vsix) {
  developmentPath = mkdtempSync(join(tmpdir(), 'll-test-runner-'));
  const manifest = { name: 'vsix-test-runner', publisher: 'loss-landscape-tests', version: '0.0.0', engines: { vscode: '*' } };
  writeFileSync(join(developmentPath, 'package.json'), JSON.stringify(manifest));
}

const server = await startCodeServer({
  smokeTestDriver: true,
  vsix,
  env: {
    LL_RESULTS_FILE: resultsFile,
    LL_HARNESS_DIR: outputDir,
    LL_RELOAD_MARKER: reloadMarker,
    LL_EXTENSION_UNDER_TEST: vsix ? 'vsix' : 'source',
  },
  settings: QUIET_SETTINGS,

  log: openSync(join(outputDir, 'code-server.log'), 'w'),
});

const workbenchLog = createWriteStream(join(outputDir, 'workbench.log'));
let browser;
let exitCode = 1;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });

  let settle = () => {};
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.exposeFunction('codeAutomationLog', async (type, args) => {
    // The workbench's own log and the extension host's console (console.log's
    // arguments, format string first) arrive here alike.
    const text = Array.isArray(args) ? format(...args) : String(args);
    // The suite asks for a picture of the workbench, for what the preview
    // webview shows, or for keys pressed as a user would (`ll:press NAME
    // Control+K V`); the file NAME.png or NAME.json arriving is the answer.
    const request = /^ll:(screenshot|inspect-preview|press) ([\w-]+)(?: (.+))?$/.exec(text.trim());
    if (request) {
      const [, command, name, keys] = request;
      const file = join(outputDir, `${name}.${command === 'screenshot' ? 'png' : 'json'}`);
      if (command === 'screenshot') await page.screenshot({ path: `${file}.tmp`, type: 'png' });
      else if (command === 'inspect-preview') writeFileSync(`${file}.tmp`, JSON.stringify(await inspectPreview().catch((e) => ({ error: e.message }))));
      else {
        for (const chord of keys.split(' ')) await page.keyboard.press(chord);
        writeFileSync(`${file}.tmp`, JSON.stringify({ pressed: keys }));
      }
      renameSync(`${file}.tmp`, file);
      return;
    }
    // The window prepared for a reload says when it is ready: that ends its phase.
    if (text.trim() === 'll:reload') {
      settle('reload');
      return;
    }
    workbenchLog.write(`[${type}] ${text}\n`);
    if (!WORKBENCH_CHATTER.test(text)) (type === 'error' ? console.error : console.log)(text);
  });

  /** The visible preview webview's frame (VS Code nests webviews in iframes): the one showing a playback readout. */
  async function previewFrame() {
    for (const frame of page.frames()) {
      if (await frame.locator('#readout-step').isVisible().catch(() => false)) return frame;
    }
    throw new Error('no visible preview webview in the page');
  }

  /** What the user sees of the preview's view state. */
  async function inspectPreview() {
    const frame = await previewFrame();
    return {
      step: (await frame.textContent('#readout-step'))?.trim(),
      logLossChart: await frame.$eval('#log-loss', (e) => Boolean(e.checked)),
    };
  }

  /** Starts the workbench (or reloads it) and waits for the extension tests' exit code. */
  async function phase(start) {
    const finished = new Promise((r) => (settle = r));
    await start();
    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') throw new Error(`no result after ${timeoutMs / 1000} s; stopping`);
    return code;
  }

  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`vscode suite: ${vsix ? `VSIX ${vsix}` : root} in code-server at ${server.url}`);
  exitCode = await phase(() => page.goto(url));

  // What a window reload restores: a fresh window opens a preview (test/vscode/reloaded/prepare.ts)
  // and says when it is drawn; the harness changes its view state as a user
  // would; the workbench reloads through its own command, so that it saves
  // its state first; the reloaded window runs test/vscode/reloaded/*.test.ts.
  // The marker file tells the extension host which stage it is in.
  async function reloadCheck() {
    writeFileSync(reloadMarker, 'prepare');
    const prepared = await phase(() => page.goto(url));
    if (prepared !== 'reload') throw new Error(`the window to reload could not open its preview (exit ${prepared})`);
    const frame = await previewFrame();
    for (let i = 0; i < 3; i++) await frame.click('#step-forward');
    await frame.click('#log-loss');
    writeFileSync(join(outputDir, 'before-reload.json'), JSON.stringify(await inspectPreview()));
    writeFileSync(reloadMarker, 'revive');
    console.log('vscode suite: reloading the window');
    return phase(async () => {
      await page.keyboard.press('F1');
      await page.keyboard.type('Developer: Reload Window');
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
    });
  }

  // The results of the suite and of the reloaded window's tests are summed.
  if (process.env.LL_VSCODE_SUITE !== 'bench' && existsSync(resultsFile)) {
    const before = JSON.parse(readFileSync(resultsFile, 'utf8'));
    rmSync(resultsFile);
    // Unless the reloaded window's tests report, the check counts as one failure.
    let after = { passed: 0, failed: 1, skipped: 0 };
    try {
      exitCode = exitCode || (await reloadCheck());
      if (existsSync(resultsFile)) after = JSON.parse(readFileSync(resultsFile, 'utf8'));
      else console.error('vscode suite: the reloaded window ran no tests');
    } catch (e) {
      console.error('vscode suite: the reload check failed:', e.message);
      exitCode = exitCode || 1;
    }
    const sum = (key) => before[key] + after[key];
    writeFileSync(resultsFile, JSON.stringify({ passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }));
  }
} catch (e) {
  console.error('vscode suite: the harness failed:', e.message ?? e);
} finally {
  await browser?.close();
  workbenchLog.end();
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(dirname(reloadMarker), { recursive: true, force: true });
  if (vsix) rmSync(developmentPath, { recursive: true, force: true });
}

if (!existsSync(resultsFile)) {
  console.error(`vscode suite: the extension host wrote no results to ${resultsFile}: no test ran (see test-output/vscode/code-server.log)`);
  process.exit(1);
}
const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
console.log(`vscode suite: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (extension host exit ${exitCode})`);
if (counts.passed + counts.failed + counts.skipped === 0) {
  console.error('vscode suite: no test ran');
  process.exit(1);
}
process.exit(exitCode === 0 && counts.failed === 0 ? 0 : 1);
