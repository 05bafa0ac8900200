// The loss as a graph of operations in topological order (every node's
// arguments come before it), built with hash-consing, so a subexpression
// written or produced by inlining twice is computed once, and with constant
// folding, so `2 pi` is one number. The two parameters are nodes 0 and 1.

import { evaluate, type OpName } from './ops';

export interface GraphNode {
  op: OpName | 'const' | 'param';
  args: number[];
  /** The value of a constant, the index of a parameter; NaN otherwise. */
  value: number;
}

export class Graph {
  readonly nodes: GraphNode[] = [];
  private readonly index = new Map<string, number>();
  /** Set once adding a node would pass the limit; the graph is then unusable. */
  overflow = false;

  constructor(private readonly limit: number) {
    this.nodes.push({ op: 'param', args: [], value: 0 }, { op: 'param', args: [], value: 1 });
  }

  isConst(id: number): boolean {
    return this.nodes[id].op === 'const';
  }

  constant(value: number): number {
    // Object.is semantics: 0 and -0 are different constants, NaN is one.
    const key = Object.is(value, -0) ? 'c-0' : `c${value}`;
    return this.intern(key, { op: 'const', args: [], value });
  }

  apply(op: OpName, args: number[]): number {
    if (args.every((a) => this.isConst(a))) {
      return this.constant(evaluate(op, args.map((a) => this.nodes[a].value)));
    }
    if (op === 'if' && this.isConst(args[0])) {
      const c = this.nodes[args[0]].value;
      return c !== 0 && c === c ? args[1] : args[2];
    }
    if (op === 'pow' && this.isConst(args[1])) {
      // Small integer powers as products: Math.pow is a slow call, and these are the commonest exponents.
      const n = this.nodes[args[1]].value;
      if (n === 2) return this.apply('square', [args[0]]);
      if (n === 3) return this.apply('mul', [this.apply('square', [args[0]]), args[0]]);
      if (n === 4) return this.apply('square', [this.apply('square', [args[0]])]);
    }
    return this.intern(`${op}(${args.join(',')})`, { op, args, value: NaN });
  }

  /** Which nodes `output` depends on, in one pass downwards (arguments always precede their users). */
  reachableFrom(output: number): boolean[] {
    const live = this.nodes.map(() => false);
    live[output] = true;
    for (let i = output; i >= 0; i--) if (live[i]) for (const a of this.nodes[i].args) live[a] = true;
    return live;
  }

  private intern(key: string, node: GraphNode): number {
    const found = this.index.get(key);
    if (found !== undefined) return found;
    if (this.nodes.length >= this.limit) {
      this.overflow = true;
      return 0;
    }
    this.nodes.push(node);
    this.index.set(key, this.nodes.length - 1);
    return this.nodes.length - 1;
  }
}
