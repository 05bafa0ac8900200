// Builds every bundle: the engine and CLI for plain Node, the extension for
// the VS Code extension host (with `vscode` external), and the webview for
// the browser. `--watch` rebuilds on change; `--production` minifies and
// drops source maps (used for the VSIX).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

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

// The integration suite runs inside the extension host, which loads it as
// plain CommonJS: each file is compiled on its own rather than bundled, so
// mocha adds the test files one by one and they share one helpers module.
// The output is cleared first: a deleted test must not keep running from out/.
rmSync('out/test/vscode', { recursive: true, force: true });
const suiteFiles = readdirSync('test/vscode', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `test/vscode/${f}`);
builds.push({ ...node, bundle: false, entryPoints: suiteFiles, outbase: 'test/vscode', outdir: 'out/test/vscode' });

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
