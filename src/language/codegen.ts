// Turns the graph into two straight-line JavaScript functions, compiled once
// per edit: `value(p0, p1)` (the forward sweep) and
// `valueAndGradient(p0, p1, g)` (the forward sweep, then the reverse sweep of
// reverse-mode differentiation, accumulating one adjoint per node). Each
// parameter's partial is the sum over the paths that reach it, so an infinite
// partial in one parameter cannot turn the other into NaN, as in PyTorch.
//
// The code is built only from the graph: variable names the compiler chose
// (p0, v12, a12, ...), numeric literals, and the expression templates of
// ops.ts. No text from the user's file ever reaches it.

import type { Graph } from './graph';
import { literal, OPS, selects, type OpName } from './ops';

/** Above this many live nodes, values live in typed arrays rather than locals (engines limit the locals of one function). */
const LOCALS_LIMIT = 2000;

export interface CompiledFunctions {
  value(x: number, y: number): number;
  valueAndGradient(x: number, y: number, grad: Float64Array): number;
}

export function generateSource(graph: Graph, output: number): string {
  const nodes = graph.nodes;
  const live = graph.reachableFrom(output);
  const liveCount = live.reduce((n, l) => n + (l ? 1 : 0), 0);
  const inArrays = liveCount > LOCALS_LIMIT;

  const value = (i: number): string => {
    const node = nodes[i];
    if (node.op === 'const') return literal(node.value);
    if (node.op === 'param') return `p${node.value}`;
    return inArrays ? `V[${i}]` : `v${i}`;
  };
  const adjoint = (i: number): string => (i === output ? '1' : inArrays ? `A[${i}]` : `a${i}`);
  const argValues = (i: number) => nodes[i].args.map(value);

  const forward: string[] = inArrays ? [`const V = new Float64Array(${nodes.length});`] : [];
  for (let i = 2; i <= output; i++) {
    const node = nodes[i];
    if (!live[i] || node.op === 'const') continue;
    const expr = OPS[node.op as OpName].forward(argValues(i));
    forward.push(inArrays ? `V[${i}] = ${expr};` : `const v${i} = ${expr};`);
  }

  // Which nodes carry gradient: those that depend on a parameter through differentiable operations.
  const needs: boolean[] = nodes.map((n) => n.op === 'param');
  for (let i = 2; i <= output; i++) {
    const node = nodes[i];
    needs[i] = live[i] && node.op !== 'const' && OPS[node.op as OpName]?.backward !== undefined && node.args.some((a) => needs[a]);
  }

  // The reverse sweep's terms, node by node from the output down. Below an operation that selects
  // one argument, a node's adjoint may be exactly 0 because its branch was not taken: such nodes
  // pass nothing on (guarded), so an untaken branch cannot contribute 0·∞ = NaN.
  const terms: { from: number; to: number; expr: string; when?: string }[][] = nodes.map(() => []);
  const guarded: boolean[] = nodes.map(() => false);
  const reached: boolean[] = nodes.map(() => false);
  const predeclared: boolean[] = nodes.map(() => false);
  if (needs[output]) reached[output] = true;
  for (let i = output; i >= 2; i--) {
    const node = nodes[i];
    if (!reached[i] || !needs[i]) continue;
    const spec = OPS[node.op as OpName];
    for (const c of spec.backward?.(adjoint(i), value(i), argValues(i)) ?? []) {
      const to = node.args[c.arg];
      if (!needs[to]) continue;
      terms[i].push({ from: i, to, expr: c.expr, when: c.when });
      reached[to] = true;
      if (guarded[i] || selects(node.op as OpName)) guarded[to] = true;
      if (guarded[i] || c.when) predeclared[to] = true;
    }
  }

  const backward: string[] = [];
  if (inArrays) backward.push(`const A = new Float64Array(${nodes.length});`);
  else for (let i = 0; i < output; i++) if (predeclared[i] || (i < 2 && reached[i])) backward.push(`let a${i} = 0;`);
  const assigned: boolean[] = nodes.map((_, i) => predeclared[i] || i < 2);
  for (let i = output; i >= 2; i--) {
    if (terms[i].length === 0) continue;
    const lines: string[] = [];
    for (const t of terms[i]) {
      const target = adjoint(t.to);
      if (t.when) lines.push(`if (${t.when}) ${target} += ${t.expr};`);
      else if (!assigned[t.to] && !inArrays) lines.push(`let ${target} = ${t.expr};`);
      else lines.push(`${target} += ${t.expr};`);
      assigned[t.to] = true;
    }
    if (guarded[i]) backward.push(`if (${adjoint(i)} !== 0) {`, ...lines, '}');
    else backward.push(...lines);
  }
  const partial = (p: number) => (reached[p] ? adjoint(p) : '0');

  return [
    '"use strict";',
    'function value(p0, p1) {',
    ...forward,
    `return ${value(output)};`,
    '}',
    'function valueAndGradient(p0, p1, g) {',
    ...forward,
    ...backward,
    `g[0] = ${partial(0)};`,
    `g[1] = ${partial(1)};`,
    `return ${value(output)};`,
    '}',
    'return { value, valueAndGradient };',
  ].join('\n');
}

export function compileSource(source: string): CompiledFunctions {
  return new Function(source)() as CompiledFunctions;
}
