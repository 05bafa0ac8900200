// Bundles the surface worker as esbuild.mjs does, into a temporary extension
// folder (dist/surfaceWorker.js), so the tests that start it need no build.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** Returns the temporary folder that plays the extension's root. */
export async function extensionWithWorker(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'll-extension-'));
  mkdirSync(join(root, 'dist'));
  await esbuild.build({
    entryPoints: [join(__dirname, '..', '..', '..', 'src', 'host', 'surfaceWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(root, 'dist', 'surfaceWorker.js'),
    logLevel: 'error',
  });
  return root;
}
