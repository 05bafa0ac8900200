// Lowers checked expressions into the graph: operators and built-ins become
// operations, names become the parameters, constants or the nodes of their
// definitions, and user functions are inlined with their arguments (each
// distinct call once, by memo, so functions that call each other twice per
// level stay linear). Iterative: a stack of tasks and a stack of node ids.

import type { BinaryOp, DefineStatement, Expr } from './ast';
import { BUILTIN_BY_NAME, CONSTANT_BY_NAME } from './builtins';
import { Graph } from './graph';
import type { OpName } from './ops';

/** Operations after inlining user functions; more is reported, not attempted (compiling stays well under a second). */
export const MAX_NODES = 30_000;
/** Steps of lowering (inlining can multiply work even when hash-consing keeps the graph small). */
const MAX_WORK = 4_000_000;

type Scope = ReadonlyMap<string, number> | null;
/** Visit a node's children, then build the node from their ids; remember stores a finished inlining. */
type Task = { visit: Expr; scope: Scope } | { build: Expr } | { remember: string };

const BINARY_OPS: Record<BinaryOp, OpName> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '^': 'pow',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '==': 'eq',
  '!=': 'ne',
};

export class Lowering {
  readonly graph = new Graph(MAX_NODES);
  private readonly memo = new Map<string, number>();
  private work = 0;

  /** `defs` must be free of errors and cycles for every expression lowered. */
  constructor(
    private readonly defs: ReadonlyMap<string, DefineStatement>,
    private readonly paramNames: readonly string[],
  ) {}

  /** The node of an expression of the parameters and the file's definitions; null when the graph or the work grows too large. */
  lower(root: Expr): number | null {
    const tasks: Task[] = [{ visit: root, scope: null }];
    const ids: number[] = [];
    const g = this.graph;
    while (tasks.length > 0) {
      if (++this.work > MAX_WORK || g.overflow) return null;
      const t = tasks.pop() as Task;
      if ('remember' in t) {
        this.memo.set(t.remember, ids[ids.length - 1]);
      } else if ('visit' in t) {
        this.visit(t.visit, t.scope, ids, tasks);
      } else {
        this.build(t.build, ids, tasks);
      }
    }
    return g.overflow ? null : ids[0];
  }

  private visit(e: Expr, scope: Scope, ids: number[], tasks: Task[]): void {
    switch (e.kind) {
      case 'number':
        ids.push(this.graph.constant(e.value));
        break;
      case 'name':
        this.lowerName(e.name, scope, ids, tasks);
        break;
      case 'unary':
        tasks.push({ build: e }, { visit: e.operand, scope });
        break;
      case 'binary':
        tasks.push({ build: e }, { visit: e.right, scope }, { visit: e.left, scope });
        break;
      case 'call':
        tasks.push({ build: e });
        for (let i = e.args.length - 1; i >= 0; i--) tasks.push({ visit: e.args[i], scope });
        break;
    }
  }

  /** Combines the ids of a node's lowered children (on top of `ids`) into the node's id. */
  private build(e: Expr, ids: number[], tasks: Task[]): void {
    const g = this.graph;
    if (e.kind === 'unary') {
      const a = ids.pop() as number;
      ids.push(e.op === '-' ? g.apply('neg', [a]) : a);
    } else if (e.kind === 'binary') {
      const b = ids.pop() as number;
      const a = ids.pop() as number;
      ids.push(g.apply(BINARY_OPS[e.op], [a, b]));
    } else if (e.kind === 'call') {
      const args = ids.splice(ids.length - e.args.length);
      const name = e.callee.name;
      if (BUILTIN_BY_NAME.has(name)) {
        ids.push(this.applyBuiltin(name, args));
        return;
      }
      const key = `call ${name}(${args.join(',')})`;
      const known = this.memo.get(key);
      if (known !== undefined) {
        ids.push(known);
        return;
      }
      const def = this.defs.get(name) as DefineStatement;
      const inner = new Map((def.params ?? []).map((p, i) => [p.name, args[i]]));
      tasks.push({ remember: key }, { visit: def.body, scope: inner });
    }
  }

  private lowerName(name: string, scope: Scope, ids: number[], tasks: Task[]): void {
    const local = scope?.get(name);
    if (local !== undefined) return void ids.push(local);
    const p = this.paramNames.indexOf(name);
    if (p >= 0) return void ids.push(p);
    const constant = CONSTANT_BY_NAME.get(name);
    if (constant) return void ids.push(this.graph.constant(constant.value));
    const key = `const ${name}`;
    const known = this.memo.get(key);
    if (known !== undefined) return void ids.push(known);
    const def = this.defs.get(name) as DefineStatement;
    tasks.push({ remember: key }, { visit: def.body, scope: null });
  }

  private applyBuiltin(name: string, args: number[]): number {
    const g = this.graph;
    switch (name) {
      case 'min':
      case 'max':
        // Left to right, so ties keep the first argument attaining the extreme.
        return args.reduce((acc, a) => g.apply(name, [acc, a]));
      case 'ln':
        return g.apply('log', args);
      default:
        return g.apply(name as OpName, args);
    }
  }
}
