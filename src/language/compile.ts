// The compiler's front door: source text in, diagnostics, a description of
// the file for the editor, and (when there are no errors) the loss as two
// compiled functions. Stages: lex → parse (per line, recovering) → check
// directives and definitions → resolve names → find cycles → lower to a
// hash-consed graph (inlining user functions) → generate straight-line code.
// No stage recurses over the expression tree: long chains and deep inlining
// are walked with explicit stacks.

import type { Call, DefineStatement, DomainDirective, Expr, Ident, SetDirective, Statement } from './ast';
import { BUILTIN_BY_NAME, CONSTANT_BY_NAME } from './builtins';
import { compileSource, generateSource } from './codegen';
import { type Diagnostic, lineOf, lineStarts, ProblemList, toDiagnostics } from './diagnostics';
import { lex } from './lexer';
import { Lowering, MAX_NODES } from './lower';
import { parse } from './parser';
import { closestNames, splitIntoNames } from './suggest';
import { checkSetting, parseSettingValue, SETTING_KEYS, settingSpec, CONFIGURATION_PREFIX } from '../settings/settings';

export interface Loss {
  params: [string, string];
  value(x: number, y: number): number;
  /** Writes ∂/∂x to grad[0] and ∂/∂y to grad[1]; returns the value. */
  valueAndGradient(x: number, y: number, grad: Float64Array): number;
}

export interface Definition {
  name: string;
  kind: 'constant' | 'function';
  params: string[];
  /** The span of the defined name (for go-to-definition and rename). */
  start: number;
  end: number;
  /** Constants: their value, NaN when it depends on the parameters or cannot be computed. */
  value?: number;
  /** The comment at the end of the definition's line. */
  doc?: string;
}

export interface LossFile {
  params: [string, string];
  domain: { x: [number, number]; y: [number, number] } | null;
  starts: { x: number; y: number; line: number }[];
  /** Valid `@set` values by key (without the `lossLandscape.` prefix); invalid ones are diagnostics. */
  settings: Record<string, unknown>;
  setLines: { key: string; line: number }[];
  definitions: Definition[];
  /** 0-based line of the loss definition or expression. */
  lossLine: number | null;
}

export interface CompileResult {
  loss?: Loss;
  diagnostics: Diagnostic[];
  file: LossFile;
}

/** 1 MiB of UTF-16 code units. */
export const MAX_SOURCE_LENGTH = 1 << 20;
/** Known names compared, summed over all "did you mean" hints of a file; past it, unknown names get no hint. */
const HINT_BUDGET = 200_000;

export function compile(source: string): CompileResult {
  const file: LossFile = { params: ['x', 'y'], domain: null, starts: [], settings: {}, setLines: [], definitions: [], lossLine: null };
  const problems = new ProblemList();
  if (source.length > MAX_SOURCE_LENGTH) {
    problems.error(0, 0, `the file is too large (${source.length} characters; the limit is ${MAX_SOURCE_LENGTH})`);
    return { diagnostics: toDiagnostics(problems.items, [0]), file };
  }
  const starts = lineStarts(source);
  const { tokens, comments } = lex(source);
  const { statements, brokenNames, failedLines } = parse(source, tokens, starts, problems);
  const c = new Checker(statements, brokenNames, failedLines > 0, problems, file);
  c.run();
  const docs = new Map<number, string>();
  for (const cm of comments) if (cm.text !== '') docs.set(lineOf(starts, cm.start), cm.text);
  for (const d of file.definitions) {
    const doc = docs.get(lineOf(starts, d.start));
    if (doc !== undefined) d.doc = doc;
  }
  const result: CompileResult = { diagnostics: toDiagnostics(problems.items, starts), file };
  if (c.compiled && !problems.hasErrors) result.loss = c.compiled;
  return result;
}

/** Everything after parsing: directives, definitions, names, cycles, then lowering and code generation. */
class Checker {
  private readonly defs = new Map<string, DefineStatement>();
  /** Definitions with an error in them or in anything they use: never lowered. */
  private readonly broken = new Set<string>();
  private readonly deps = new Map<string, Set<string>>();
  private paramNames: [string, string] = ['x', 'y'];
  private paramsDirective: Ident[] | null = null;
  /** Created once @params is read: lowering needs the parameters' names. */
  private lowering!: Lowering;
  private hintBudget = HINT_BUDGET;
  /** The line of the last `@set` of each key: that one wins. */
  private readonly lastSetLine = new Map<string, number>();
  compiled: Loss | undefined;

  constructor(
    private readonly statements: readonly Statement[],
    /** Names whose definition already has an error: a use of one is not reported again. */
    private readonly brokenNames: Set<string>,
    /** Some line could not be parsed: a missing loss may be on it, so it is not reported as missing. */
    private readonly linesFailed: boolean,
    private readonly problems: ProblemList,
    private readonly file: LossFile,
  ) {}

  run(): void {
    this.readParams();
    this.collectDefinitions();
    this.lowering = new Lowering(this.defs, this.paramNames);
    for (const d of this.defs.values()) {
      const ok = this.resolve(d.body, d.params ? new Set(d.params.map((p) => p.name)) : null, this.depsOf(d.name.name));
      if (!ok) this.broken.add(d.name.name);
    }
    this.findCycles();
    const loss = this.findLoss();
    for (const s of this.statements) if (s.kind === 'set') this.lastSetLine.set(s.key.name, s.line);
    for (const s of this.statements) {
      if (s.kind === 'domain') this.readDomain(s);
      else if (s.kind === 'start') this.readStart(s);
      else if (s.kind === 'set') this.readSet(s);
    }
    this.checkStartsInDomain();
    // The loss first, so that the operation limit is spent on it before on constants shown on hover.
    if (loss) this.compileLoss(loss);
    this.describeDefinitions();
  }

  // ---- @params ----

  private readParams(): void {
    let seen: number | null = null;
    for (const s of this.statements) {
      if (s.kind !== 'params') continue;
      if (seen !== null) {
        this.problems.error(s.start, s.end, `@params is already given on line ${seen + 1}`);
        continue;
      }
      seen = s.line;
      const [a, b] = s.names;
      let ok = true;
      for (const n of s.names) {
        const builtin = builtinKind(n.name);
        if (builtin) {
          this.problems.error(n.start, n.end, `'${n.name}' is a built-in ${builtin} and cannot be a parameter`);
          ok = false;
        }
      }
      if (a.name === b.name) {
        this.problems.error(b.start, b.end, `the two parameters must have different names, but both are '${a.name}'`);
        ok = false;
      }
      if (ok) {
        this.paramNames = [a.name, b.name];
        this.paramsDirective = s.names;
      } else {
        for (const n of s.names) this.brokenNames.add(n.name);
      }
    }
    this.file.params = [...this.paramNames];
  }

  // ---- definitions ----

  private collectDefinitions(): void {
    for (const s of this.statements) {
      if (s.kind !== 'define') continue;
      const name = s.name.name;
      const builtin = builtinKind(name);
      if (builtin) {
        this.problems.error(s.name.start, s.name.end, `'${name}' is a built-in ${builtin} and cannot be redefined`);
        continue;
      }
      if (this.paramNames.includes(name)) {
        this.problems.error(s.name.start, s.name.end, `'${name}' is a parameter and cannot be redefined`);
        continue;
      }
      const earlier = this.defs.get(name);
      if (earlier) {
        this.problems.error(s.name.start, s.name.end, `'${name}' is already defined on line ${earlier.line + 1}`);
        continue;
      }
      if (name === 'loss' && s.params) {
        this.problems.error(s.name.start, s.end, "'loss' is the loss itself and takes no parameters: write loss = ...");
        continue;
      }
      this.defs.set(name, s);
      const seen = new Set<string>();
      for (const p of s.params ?? []) {
        const kind = builtinKind(p.name);
        if (kind) {
          this.problems.error(p.start, p.end, `'${p.name}' is a built-in ${kind} and cannot be a parameter of '${name}'`);
          this.broken.add(name);
        } else if (seen.has(p.name)) {
          this.problems.error(p.start, p.end, `'${name}' has two parameters named '${p.name}'`);
          this.broken.add(name);
        }
        seen.add(p.name);
      }
    }
  }

  private depsOf(name: string): Set<string> {
    let set = this.deps.get(name);
    if (!set) this.deps.set(name, (set = new Set()));
    return set;
  }

  /** Checks every name and call in an expression; records the definitions it uses. False when something is wrong. */
  private resolve(root: Expr, locals: ReadonlySet<string> | null, uses: Set<string>): boolean {
    let ok = true;
    const stack: Expr[] = [root];
    while (stack.length > 0) {
      const e = stack.pop() as Expr;
      switch (e.kind) {
        case 'number':
          break;
        case 'name':
          if (!this.resolveName(e.name, e, locals, uses)) ok = false;
          break;
        case 'unary':
          stack.push(e.operand);
          break;
        case 'binary':
          stack.push(e.right, e.left);
          break;
        case 'call':
          if (!this.resolveCall(e, locals, uses)) ok = false;
          for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i]);
          break;
      }
    }
    return ok;
  }

  private resolveName(name: string, at: { start: number; end: number }, locals: ReadonlySet<string> | null, uses: Set<string>): boolean {
    if (locals?.has(name) || this.paramNames.includes(name) || CONSTANT_BY_NAME.has(name)) return true;
    const def = this.defs.get(name);
    if (def && !def.params) {
      uses.add(name);
      return true;
    }
    if (def || BUILTIN_BY_NAME.has(name)) {
      this.problems.error(at.start, at.end, `'${name}' is a function: call it as ${name}(...)`);
      return false;
    }
    this.unknownName(name, at, locals, false);
    return false;
  }

  private resolveCall(call: Call, locals: ReadonlySet<string> | null, uses: Set<string>): boolean {
    const name = call.callee.name;
    const builtin = BUILTIN_BY_NAME.get(name);
    const def = this.defs.get(name);
    let min: number;
    let max: number;
    let signature: string;
    if (builtin) {
      ({ minArgs: min, maxArgs: max, signature } = builtin);
    } else if (def?.params) {
      uses.add(name);
      min = max = def.params.length;
      signature = `${name}(${def.params.map((p) => p.name).join(', ')})`;
    } else {
      this.unknownName(name, call.callee, locals, true);
      return false;
    }
    const n = call.args.length;
    if (n >= min && n <= max) return true;
    // Every function takes a fixed number of arguments or is variadic (at least min).
    const expected = max === Infinity ? `at least ${plural(min, 'argument')}` : plural(min, 'argument');
    this.problems.error(call.start, call.end, `${name} takes ${expected} (${signature}) but was given ${n}`);
    return false;
  }

  private unknownName(name: string, at: { start: number; end: number }, locals: ReadonlySet<string> | null, called: boolean): void {
    if (this.brokenNames.has(name)) return;
    // A hint costs a pass over every known name; a file with very many unknown names gets hints until the budget is spent.
    this.hintBudget -= this.defs.size + BUILTIN_BY_NAME.size;
    if (this.hintBudget < 0) {
      this.problems.error(at.start, at.end, `unknown ${called ? 'function' : 'name'} '${quote(name)}'`);
      return;
    }
    const values = new Set<string>([...(locals ?? []), ...this.paramNames, ...CONSTANT_BY_NAME.keys()]);
    const functions = new Set<string>(BUILTIN_BY_NAME.keys());
    for (const [n, d] of this.defs) (d.params ? functions : values).add(n);
    const parts = splitIntoNames(name, values);
    if (parts) {
      const product = parts.join('*');
      this.problems.error(at.start, at.end, `unknown name '${quote(name)}'; did you mean ${product}?`, [product]);
      return;
    }
    const near = closestNames(name, called ? functions : values);
    const what = called ? 'function' : 'name';
    let hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
    // x and y are only the default names: after @params they are unknown like any other.
    if (!hint && this.paramsDirective && (name === 'x' || name === 'y')) hint = ` (@params names the parameters ${this.paramNames.join(' and ')})`;
    this.problems.error(at.start, at.end, `unknown ${what} '${quote(name)}'${hint}`, near);
  }

  /** Reports every cycle among definitions (naming it) and marks everything that depends on a broken definition. */
  private findCycles(): void {
    const state = new Map<string, 'open' | 'done'>();
    const order: string[] = [];
    for (const root of this.defs.keys()) {
      if (state.has(root)) continue;
      const path: { name: string; pending: string[] }[] = [{ name: root, pending: [...this.depsOf(root)] }];
      state.set(root, 'open');
      while (path.length > 0) {
        const top = path[path.length - 1];
        const next = top.pending.pop();
        if (next === undefined) {
          state.set(top.name, 'done');
          order.push(top.name);
          path.pop();
          continue;
        }
        const s = state.get(next);
        if (s === 'open') {
          const from = path.findIndex((p) => p.name === next);
          const cycle = path.slice(from).map((p) => p.name);
          const text = cycle.length <= 8 ? [...cycle, next].join(' → ') : `${cycle.slice(0, 3).join(' → ')} → … → ${cycle[cycle.length - 1]} → ${next} (${cycle.length} definitions)`;
          for (const member of cycle) {
            const d = this.defs.get(member) as DefineStatement;
            this.problems.error(d.name.start, d.name.end, cycle.length === 1 ? `'${next}' is defined in terms of itself (${text})` : `cyclic definition: ${text}`);
            this.broken.add(member);
          }
        } else if (s === undefined) {
          state.set(next, 'open');
          path.push({ name: next, pending: [...this.depsOf(next)] });
        }
      }
    }
    // Post-order puts every definition after those it uses.
    for (const name of order) {
      for (const dep of this.depsOf(name)) if (this.broken.has(dep)) this.broken.add(name);
    }
  }

  // ---- the loss ----

  private findLoss(): { expr: Expr; broken: boolean; line: number; at: { start: number; end: number } } | null {
    const def = this.defs.get('loss');
    const bare = this.statements.filter((s) => s.kind === 'expression');
    const chosen = def ?? bare[bare.length - 1];
    for (const s of bare) {
      if (s === chosen) continue;
      const where = chosen ? ` (the loss is on line ${chosen.line + 1})` : '';
      this.problems.warning(s.start, s.end, `this expression is not the loss and has no effect${where}`);
    }
    if (!chosen) {
      if (!this.linesFailed) this.problems.error(0, 0, 'missing loss: define `loss = ...` or end the file with an expression of the parameters');
      return null;
    }
    this.file.lossLine = chosen.line;
    if (def) return { expr: def.body, broken: this.broken.has('loss'), line: def.line, at: def.name };
    const stmt = chosen as Extract<Statement, { kind: 'expression' }>;
    const uses = new Set<string>();
    const ok = this.resolve(stmt.expr, null, uses);
    return { expr: stmt.expr, broken: !ok || [...uses].some((u) => this.broken.has(u)), line: stmt.line, at: stmt };
  }

  private compileLoss(loss: { expr: Expr; broken: boolean; at: { start: number; end: number } }): void {
    if (loss.broken) return;
    const output = this.lowering.lower(loss.expr);
    if (output === null) {
      this.problems.error(loss.at.start, loss.at.end, `the loss is too large: more than ${MAX_NODES} operations once definitions are expanded`);
      return;
    }
    const live = this.lowering.graph.reachableFrom(output);
    for (const p of [0, 1]) {
      if (live[p]) continue;
      const name = this.paramNames[p];
      const at = this.paramsDirective?.[p] ?? loss.at;
      this.problems.warning(at.start, at.end, `the loss does not depend on the parameter '${name}'`);
    }
    if (this.problems.hasErrors) return;
    const fns = compileSource(generateSource(this.lowering.graph, output));
    this.compiled = { params: [...this.paramNames], value: fns.value, valueAndGradient: fns.valueAndGradient };
  }

  // ---- directives ----

  /** A directive's number: a constant expression (`pi/2` is fine), finite. */
  private constantValue(e: Expr, what: string): number | null {
    const deps = new Set<string>();
    if (!this.resolve(e, null, deps) || [...deps].some((d) => this.broken.has(d))) return null;
    const id = this.lowering.lower(e);
    if (id === null) return null;
    if (!this.lowering.graph.isConst(id)) {
      this.problems.error(e.start, e.end, `${what} must be a number, not depend on the parameters`);
      return null;
    }
    const v = this.lowering.graph.nodes[id].value;
    if (!Number.isFinite(v)) {
      this.problems.error(e.start, e.end, `${what} must be a finite number, but this is ${v}`);
      return null;
    }
    return v;
  }

  private readDomain(s: DomainDirective): void {
    if (this.file.domain) {
      this.problems.error(s.start, s.end, '@domain is given twice; keep one line');
      return;
    }
    const found: ([number, number] | undefined)[] = [undefined, undefined];
    let ok = true;
    for (const r of s.ranges) {
      const p = this.paramNames.indexOf(r.name.name);
      if (p < 0) {
        this.problems.error(r.name.start, r.name.end, `'${r.name.name}' is not a parameter (the parameters are ${this.paramNames.join(' and ')})`);
        ok = false;
        continue;
      }
      if (found[p]) {
        this.problems.error(r.name.start, r.name.end, `the range of '${r.name.name}' is given twice`);
        ok = false;
        continue;
      }
      const min = this.constantValue(r.min, 'a domain bound');
      const max = this.constantValue(r.max, 'a domain bound');
      if (min === null || max === null) {
        ok = false;
        continue;
      }
      if (!(min < max)) {
        this.problems.error(r.min.start, r.max.end, `the range of '${r.name.name}' is empty: ${min} is not less than ${max}`);
        ok = false;
        continue;
      }
      found[p] = [min, max];
    }
    for (let p = 0; p < 2; p++) {
      if (!found[p] && ok) {
        this.problems.error(s.start, s.end, `@domain needs a range for '${this.paramNames[p]}' too, e.g. @domain ${this.paramNames[0]}: [-2, 2], ${this.paramNames[1]}: [-2, 2]`);
        ok = false;
      }
    }
    if (ok) this.file.domain = { x: found[0] as [number, number], y: found[1] as [number, number] };
  }

  /** A start outside the drawn domain is allowed (the run is simulated) but its path is off the picture. */
  private checkStartsInDomain(): void {
    const d = this.file.domain;
    if (!d) return;
    const lines = new Map<number, Statement>();
    for (const s of this.statements) if (s.kind === 'start') lines.set(s.line, s);
    for (const start of this.file.starts) {
      if (start.x >= d.x[0] && start.x <= d.x[1] && start.y >= d.y[0] && start.y <= d.y[1]) continue;
      const s = lines.get(start.line) as Statement;
      const [p, q] = this.paramNames;
      this.problems.warning(
        s.start,
        s.end,
        `the start (${start.x}, ${start.y}) is outside the @domain ${p}: [${d.x[0]}, ${d.x[1]}], ${q}: [${d.y[0]}, ${d.y[1]}]`,
      );
    }
  }

  private readStart(s: Extract<Statement, { kind: 'start' }>): void {
    const x = this.constantValue(s.x, 'a start coordinate');
    const y = this.constantValue(s.y, 'a start coordinate');
    if (x !== null && y !== null) this.file.starts.push({ x, y, line: s.line });
  }

  private readSet(s: SetDirective): void {
    const key = s.key.name;
    this.file.setLines.push({ key, line: s.line });
    const last = this.lastSetLine.get(key) as number;
    if (last !== s.line) this.problems.warning(s.key.start, s.key.end, `'${key}' is set again on line ${last + 1}, which wins`);
    const prefix = CONFIGURATION_PREFIX + '.';
    if (key.startsWith(prefix) && settingSpec(key.slice(prefix.length))) {
      const short = key.slice(prefix.length);
      this.problems.error(s.key.start, s.key.end, `write the key without the '${prefix}' prefix: ${short}`, [short]);
      return;
    }
    if (!settingSpec(key)) {
      this.problems.error(s.key.start, s.key.end, checkSetting(key, undefined) as string, closestNames(key, SETTING_KEYS, 1));
      return;
    }
    const parsed = parseSettingValue(s.value.name);
    if ('error' in parsed) {
      this.problems.error(s.value.start, s.value.end, `${parsed.error} (for '${key}')`);
      return;
    }
    const problem = checkSetting(key, parsed.value);
    if (problem) {
      this.problems.error(s.value.start, s.value.end, problem);
      return;
    }
    this.file.settings[key] = parsed.value;
  }

  private describeDefinitions(): void {
    for (const d of this.defs.values()) {
      const def: Definition = {
        name: d.name.name,
        kind: d.params ? 'function' : 'constant',
        params: d.params?.map((p) => p.name) ?? [],
        start: d.name.start,
        end: d.name.end,
      };
      if (!d.params) {
        const id = this.broken.has(d.name.name) ? null : this.lowering.lower(d.body);
        def.value = id !== null && this.lowering.graph.isConst(id) ? this.lowering.graph.nodes[id].value : NaN;
      }
      this.file.definitions.push(def);
    }
  }
}

function builtinKind(name: string): 'function' | 'constant' | null {
  if (BUILTIN_BY_NAME.has(name)) return 'function';
  if (CONSTANT_BY_NAME.has(name)) return 'constant';
  return null;
}

/** A name as shown in a message: very long names are cut, so a message stays readable. */
function quote(name: string): string {
  return name.length > 40 ? name.slice(0, 37) + '…' : name;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
