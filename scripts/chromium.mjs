// Debian's Chromium, launched the one way every headless suite here runs it
// (the webview tests and bench, the code-server harness): flags that keep it
// off the closed network, and WebGL on the CPU.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // WebGL on the CPU: ANGLE over SwiftShader, which newer Chromium only
  // allows for WebGL when asked explicitly.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The executable, or an error that says how to get one. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests need Debian's chromium package: ` +
        `run "sudo apt-get install chromium", or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
  return path;
}

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
