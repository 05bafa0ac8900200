// Small helpers shared by the language tests.
import * as assert from 'node:assert/strict';
import { compile } from '../../../src/language/compile';
import type { Diagnostic } from '../../../src/language/diagnostics';

/** Compiles a source that must have no errors; returns its value and gradient at (x, y). */
export function at(source: string, x: number, y: number): { value: number; grad: [number, number] } {
  const { loss, diagnostics } = compile(source);
  assert.ok(loss, `expected ${JSON.stringify(source)} to compile, got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  const g = new Float64Array(2);
  const value = loss.valueAndGradient(x, y, g);
  assert.ok(Object.is(loss.value(x, y), value), 'value() and valueAndGradient() disagree');
  return { value, grad: [g[0], g[1]] };
}

export function value(source: string, x = 0, y = 0): number {
  return at(source, x, y).value;
}

/** Diagnostics reduced to what a person sees: severity, 0-based line:col-line:col, message. */
export function problems(source: string): string[] {
  return compile(source).diagnostics.map(show);
}

export function show(d: Diagnostic): string {
  return `${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
}

/** Asserts equality within a relative tolerance (for values computed along different rounding paths). */
export function close(actual: number, expected: number, message?: string, tolerance = 1e-12): void {
  if (Object.is(actual, expected)) return;
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance * scale, `${message ?? ''} expected ${expected}, got ${actual}`);
}
