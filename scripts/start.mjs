// `npm start`: builds, then opens this extension in a real VS Code on the
// examples/ folder, with a .loss file and its preview open (a small helper
// extension, scripts/vscode/starter, opens them once the window is up).
// - On a desktop with `code` on PATH: `code --extensionDevelopmentPath`.
// - Otherwise: code-server on 127.0.0.1 (loopback only, no auth) with the
//   extension loaded from this folder; open the printed URL in a browser.
//   Ctrl+C stops the server and everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUIET_SETTINGS, startCodeServer } from './vscode/codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const starter = join(root, 'scripts', 'vscode', 'starter');

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;

if (hasDisplay && hasCode) {
  console.log('Opening the examples in VS Code with the extension under development (rebuild with `npm run watch`, then "Developer: Reload Window").');
  const code = spawn('code', [`--extensionDevelopmentPath=${root}`, `--extensionDevelopmentPath=${starter}`, examples], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  code.on('exit', (status) => process.exit(status ?? 1));
} else {
  // The smoke-test driver is what makes the workbench honour `payload`'s extensionDevelopmentPath.
  // The payload holds one extension under development, so the starter is installed instead.
  const server = await startCodeServer({ settings: QUIET_SETTINGS, smokeTestDriver: true, extensionFolders: [starter] });
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`]];
  const url = `${server.url}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nLoss Landscape Explorer in code-server (loopback only, no password):\n\n  ${url}\n`);
  console.log('Rebuild with `npm run watch`, then "Developer: Reload Window". Ctrl+C stops the server.');
  const status = await server.exited;
  console.log(`code-server exited (${status})`);
  await server.stop();
  process.exit(1);
}
