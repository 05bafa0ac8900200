// The layering of STYLE.md: the language, engine, settings, shared and CLI
// code runs in plain Node (no `vscode`, nothing from the host); the webview
// imports only src/shared and npm packages. Checked by reading every import
// of every source file.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [join(root, dir)];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (/\.(ts|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  }
  return out;
}

/** Every module specifier in `import ... from`, `export ... from`, `import(...)` and `require(...)`. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

function resolveSource(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

const inside = (file: string, dir: string) => !relative(join(root, dir), file).startsWith('..');

describe('module boundaries', () => {
  it('finds imports of every form', () => {
    const text = "import a from 'x';\nimport type { B } from \"y\";\nexport { c } from './z';\nimport 'side';\nconst d = require('r');\nawait import('dyn');";
    assert.deepEqual(importsOf(text).sort(), ['./z', 'dyn', 'r', 'side', 'x', 'y']);
  });

  // Followed through relative imports, so a helper elsewhere cannot bring `vscode` in by the back door.
  for (const dir of ['src/language', 'src/engine', 'src/settings', 'src/shared', 'src/util', 'src/cli']) {
    it(`${dir} never imports vscode, directly or through the files it imports`, () => {
      const seen = new Set<string>();
      const stack = sourceFiles(dir).map((file) => ({ file, via: relative(root, file) }));
      while (stack.length > 0) {
        const { file, via } = stack.pop() as { file: string; via: string };
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          assert.notEqual(spec, 'vscode', `${via} imports 'vscode'`);
          if (spec.startsWith('.')) {
            const target = resolveSource(resolve(dirname(file), spec));
            if (target) stack.push({ file: target, via: `${via} → ${relative(root, target)}` });
          }
        }
      }
    });
  }

  it('webview/ imports only webview/, src/shared and npm packages', () => {
    const files = sourceFiles('webview').filter((f) => !f.split(sep).includes('node_modules'));
    assert.ok(files.length > 0);
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = `${relative(root, file)} imports '${spec}'`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          assert.ok(inside(target, 'webview') || inside(target, 'src/shared'), where);
        } else {
          assert.ok(spec !== 'vscode' && !spec.startsWith('node:'), where);
        }
      }
    }
  });
});
