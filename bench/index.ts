// `npm run bench`: every area's benchmark in turn, each printing its own table
// of ratios. A benchmark reports; it never fails the build.

import { runLanguageBench } from './language';
import { runEngineBench } from './engine';
import { runWebviewBench } from './webview';
import { runVscodeBench } from './vscode';

const BENCHES: [string, () => Promise<void>][] = [
  ['language', runLanguageBench],
  ['engine', runEngineBench],
  ['webview', runWebviewBench],
  ['vscode', runVscodeBench],
];

async function main(): Promise<void> {
  for (const [name, run] of BENCHES) {
    try {
      await run();
    } catch (e) {
      console.error(`bench ${name} did not finish:`, e);
    }
  }
}

void main();
