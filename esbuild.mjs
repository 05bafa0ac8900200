// Builds every bundle: the engine and CLI for plain Node, the extension for
// the VS Code extension host (with `vscode` external), and the webview for
// the browser. `--watch` rebuilds on change; `--production` minifies and
// drops source maps (used for the VSIX).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'linked',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const builds = [
  { ...node, entryPoints: { engine: 'src/engine/index.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { surfaceWorker: 'src/host/surfaceWorker.ts' }, outdir: 'dist' },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    loader: { '.css': 'css' },
  },
];

// Entry points that do not exist yet are skipped, so the project builds at every stage.
import { existsSync, readdirSync, rmSync } from 'node:fs';

// The integration suite runs inside the extension host, which loads it as
// plain CommonJS: each file is compiled on its own rather than bundled, so
// mocha adds the test files one by one and they share one helpers module.
// The output is cleared first: a deleted test must not keep running from out/.
if (existsSync('test/vscode')) {
  rmSync('out/test/vscode', { recursive: true, force: true });
  const files = readdirSync('test/vscode', { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/vscode/${f}`);
  builds.push({ ...node, bundle: false, entryPoints: files, outbase: 'test/vscode', outdir: 'out/test/vscode' });
}
const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

if (watch) {
  for (const b of present) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
