// "Save start": where an `@start (x, y)` line goes in a `.loss` file and how
// its numbers are written. Pure, so the placement and rounding are unit-tested.

import type { Domain } from '../shared/protocol';

/**
 * Rounds to a thousandth of the domain's width: finer than a click can aim,
 * coarse enough to read (`@start (-1.235, 0.5)`, not 17 digits).
 */
export function roundForDomain(value: number, width: number): string {
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(width / 1000))));
  const text = value.toFixed(decimals).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

export function startLineText(x: number, y: number, domain: Domain): string {
  return `@start (${roundForDomain(x, domain.x[1] - domain.x[0])}, ${roundForDomain(y, domain.y[1] - domain.y[0])})`;
}

const DIRECTIVE = /^\s*@/;
const START = /^\s*@start\b/;
const COMMENT = /^\s*(#|\/\/)/;

export interface Insertion {
  line: number;
  character: number;
  text: string;
}

/** The edit that adds `@start (x, y)` to `source` (see `startInsertionLine`). */
export function startInsertion(source: string, x: number, y: number, domain: Domain): Insertion {
  const lines = source.split(/\r?\n/);
  const line = startInsertionLine(source);
  const text = startLineText(x, y, domain);
  if (line < lines.length) return { line, character: 0, text: text + '\n' };
  // After a last line that has no newline of its own.
  const last = lines.length - 1;
  return { line: last, character: lines[last].length, text: '\n' + text };
}

/**
 * The 0-based line before which the new `@start` line is inserted: after the
 * last `@start` line, else after the last directive, else after the leading
 * comment block (the file's title), else at the top.
 */
export function startInsertionLine(source: string): number {
  const lines = source.split(/\r?\n/);
  let lastStart = -1;
  let lastDirective = -1;
  lines.forEach((line, i) => {
    if (START.test(line)) lastStart = i;
    if (DIRECTIVE.test(line)) lastDirective = i;
  });
  if (lastStart >= 0) return lastStart + 1;
  if (lastDirective >= 0) return lastDirective + 1;
  let i = 0;
  while (i < lines.length && COMMENT.test(lines[i])) i++;
  return i;
}
