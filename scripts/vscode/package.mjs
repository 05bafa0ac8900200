// `npm run package`: the VSIX. A production bundle (minified, no source
// maps), then vsce with --no-dependencies, since esbuild bundled everything
// the extension needs into dist/. vsce 4 needs Node >= 22, so it runs on the
// cached Node 24 (scripts/vscode/codeServer.mjs) when this Node is older.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode24 } from './codeServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

// Source maps from a development build would otherwise ship beside the minified bundles.
rmSync(join(root, 'dist'), { recursive: true, force: true });
run(process.execPath, ['esbuild.mjs', '--production']);
const node = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : ensureNode24();
run(node, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix]);
// Back to the development build (with source maps) that the tests and the debugger expect.
run(process.execPath, ['esbuild.mjs']);
console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
