// Serves the built webview on 127.0.0.1 in a page made by the same
// previewHtml() as the real panel (so the CSP is the one users get), plus a
// stand-in for VS Code (page/harness.js), and drives it in Debian's headless
// Chromium through playwright-core. Used by the webview tests and the bench.

import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../src/shared/previewHtml';
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';

const root = resolve(__dirname, '..', '..');
export const screenshotDir = join(root, 'test-output', 'webview');

import { launchChromium } from '../../scripts/chromium.mjs';

const NONCE = 'harnessNonce0123456789';
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function servePage(origin: string): string {
  const html = previewHtml({
    cspSource: origin,
    nonce: NONCE,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/dist/webview.css`,
  });
  // The stand-in for VS Code runs first, under the same nonce.
  const stub = `<script nonce="${NONCE}" src="${origin}/harness.js"></script>\n`;
  const at = html.indexOf('<script nonce=');
  return html.slice(0, at) + stub + html.slice(at);
}

function startServer(): Promise<{ server: Server; origin: string }> {
  return new Promise((resolveStart) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      let body: string | Buffer | undefined;
      let type = 'text/html; charset=utf-8';
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/') {
        body = servePage(origin);
      } else if (url.pathname === '/harness.js') {
        body = readFileSync(join(__dirname, 'page', 'harness.js'));
        type = types['.js'];
      } else if (url.pathname.startsWith('/dist/')) {
        const file = normalize(join(root, url.pathname));
        if (file.startsWith(join(root, 'dist')) && existsSync(file)) {
          body = readFileSync(file);
          type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
        }
      }
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => resolveStart({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

export interface HarnessOptions {
  width?: number;
  height?: number;
  theme?: 'dark' | 'light' | 'high-contrast';
}

export class Harness {
  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    readonly page: Page,
    readonly errors: string[],
  ) {}

  static async open(options: HarnessOptions = {}): Promise<Harness> {
    if (!existsSync(join(root, 'dist', 'webview.js'))) throw new Error('dist/webview.js is missing: run "npm run build" first');
    const browser = await launchChromium();
    const { server, origin } = await startServer();
    const page = await browser.newPage({ viewport: { width: options.width ?? 960, height: options.height ?? 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${origin}/?theme=${options.theme ?? 'dark'}`);
    const harness = new Harness(browser, server, page, errors);
    await harness.waitForPosted((m) => m.type === 'ready');
    return harness;
  }

  /** Calls a helper of page/harness.js in the page (plain JS there, so no DOM types are needed here). */
  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(
      ({ method, args }) => (globalThis as unknown as { __harness: Record<string, (...a: unknown[]) => unknown> }).__harness[method](...args),
      { method, args },
    ) as Promise<T>;
  }

  async send(message: HostMessage | Record<string, unknown>): Promise<void> {
    await this.call('send', message);
  }

  async posted(): Promise<WebviewMessage[]> {
    return this.harnessValue<WebviewMessage[]>('posted');
  }

  /** Waits for a posted message matching `test` (after `after` earlier messages) and returns it. */
  async waitForPosted(test: (m: WebviewMessage) => boolean, after = 0, timeoutMs = 15000): Promise<WebviewMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.posted()).slice(after).find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for a posted message; posted: ${JSON.stringify((await this.posted()).map((m) => m.type))}`);
      await this.page.waitForTimeout(25);
    }
  }

  /** Sends a scene and waits until the webview says it is on screen. */
  async showScene(message: HostMessage & { type: 'scene' }): Promise<WebviewMessage & { type: 'rendered' }> {
    const before = (await this.posted()).length;
    await this.send(message);
    return (await this.waitForPosted((m) => m.type === 'rendered' && m.revision === message.revision, before)) as WebviewMessage & {
      type: 'rendered';
    };
  }

  async harnessValue<T>(name: 'posted' | 'violations' | 'warnings' | 'state'): Promise<T> {
    return this.page.evaluate((n) => (globalThis as unknown as { __harness: Record<string, unknown> }).__harness[n], name) as Promise<T>;
  }

  /** Waits until the state the webview saved (with setState; writes are coalesced) passes `test`, and returns it. */
  async waitForState<T>(test: (state: T) => boolean, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.harnessValue<T>('state');
      if (state !== undefined && test(state)) return state;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the saved state; last: ${JSON.stringify(state)}`);
      await this.page.waitForTimeout(50);
    }
  }

  async setTheme(kind: 'dark' | 'light' | 'high-contrast'): Promise<void> {
    await this.call('setTheme', kind);
  }

  async text(selector: string): Promise<string> {
    return (await this.page.locator(selector).textContent()) ?? '';
  }

  /** A PNG of the 3D view (the canvas's box on screen), saved under test-output/webview when named. */
  async canvasShot(name?: string): Promise<Buffer> {
    const shot = await this.page.locator('#view canvas').screenshot();
    if (name) this.save(name, shot);
    return shot;
  }

  async pageShot(name: string): Promise<Buffer> {
    const shot = await this.page.screenshot();
    this.save(name, shot);
    return shot;
  }

  private save(name: string, png: Buffer): void {
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(join(screenshotDir, `${name}.png`), png);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
