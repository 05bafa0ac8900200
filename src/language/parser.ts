// A recursive-descent parser with one function per precedence level, loosest
// first: comparisons, + -, * / and implicit multiplication, unary - +, ^.
// Every statement is one line; after an error the parser reports it and
// resumes at the next line, so one pass finds the problems of every line.
// Recursion is bounded by MAX_DEPTH (nesting of parentheses, unary signs and
// exponents); long flat chains such as `1+1+...+1` are loops, not recursion.

import type { BinaryOp, Directive, Expr, Ident, Statement } from './ast';
import { BUILTIN_BY_NAME } from './builtins';
import { lineOf, ProblemList } from './diagnostics';
import type { Token } from './lexer';
import { closestNames } from './suggest';

export const MAX_DEPTH = 256;

const DIRECTIVES = ['params', 'domain', 'start', 'set'];
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** Thrown to abandon the current line once its error is reported. */
class LineAbandoned {}

export interface ParseResult {
  statements: Statement[];
  /**
   * Names a line with an error was defining (a definition or @params): later
   * uses of them are not reported again as unknown.
   */
  brokenNames: Set<string>;
  /** Lines given up on after an error: one of them may have been meant as the loss. */
  failedLines: number;
}

export function parse(source: string, tokens: readonly Token[], starts: readonly number[], problems: ProblemList): ParseResult {
  return new Parser(source, tokens, starts, problems).parseFile();
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** Parameters of the function whose body is being parsed. */
  private locals: ReadonlySet<string> = new Set();
  /** Names the current line defines, so that they count as broken, not unknown, if the line fails. */
  private defining: string[] = [];
  private readonly brokenNames = new Set<string>();
  private failedLines = 0;
  /** Names defined as functions somewhere in the file (found before parsing, as definitions may come later). */
  private readonly userFunctions = new Set<string>();
  /** Names that are values wherever they appear: parameters, constants, user constants. */
  private readonly values = new Set<string>(['x', 'y', 'pi', 'e', 'tau']);

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly starts: readonly number[],
    private readonly problems: ProblemList,
  ) {
    this.scanNames();
  }

  parseFile(): ParseResult {
    const statements: Statement[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'newline') {
        this.pos++;
        continue;
      }
      this.defining = [];
      try {
        const s = this.parseStatement();
        if (!this.atLineEnd()) this.unexpected(this.peek());
        if (s) statements.push(s);
      } catch (e) {
        if (!(e instanceof LineAbandoned)) throw e;
        for (const name of this.defining) this.brokenNames.add(name);
        this.failedLines++;
      }
      this.skipLine();
    }
    return { statements, brokenNames: this.brokenNames, failedLines: this.failedLines };
  }

  /** Which names are functions and which are values, so `f(...)` and `a(...)` parse as a call and a product. */
  private scanNames(): void {
    let lineStart = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.kind !== 'newline' && t.kind !== 'eof') continue;
      const line = this.tokens.slice(lineStart, i);
      lineStart = i + 1;
      const first = line[0];
      if (!first) continue;
      if (first.kind === 'directive' && first.text === 'params') {
        for (const tok of line) if (tok.kind === 'name') this.values.add(tok.text);
      } else if (first.kind === 'name' && line.some((tok) => tok.kind === 'op' && tok.text === '=')) {
        if (line[1]?.text === '(') this.userFunctions.add(first.text);
        else if (line[1]?.text === '=') this.values.add(first.text);
      }
    }
  }

  // ---- statements ----

  private parseStatement(): Statement | null {
    const first = this.peek();
    if (first.kind === 'directive') return this.parseDirective();
    if (this.lineHasAssignment()) return this.parseDefinition();
    const expr = this.parseExpression();
    return { kind: 'expression', expr, start: expr.start, end: expr.end, line: this.lineAt(expr.start) };
  }

  private lineHasAssignment(): boolean {
    for (let i = this.pos; ; i++) {
      const t = this.tokens[i];
      if (t.kind === 'newline' || t.kind === 'eof') return false;
      if (t.kind === 'op' && t.text === '=') return true;
    }
  }

  private parseDefinition(): Statement {
    const first = this.peek();
    if (first.kind !== 'name') {
      const eq = this.findAssignment();
      this.fail(first.start, eq.start, "expected a name before '=': a definition is `name = expression` or `name(u, v) = expression`");
    }
    this.pos++;
    const name: Ident = { name: first.text, start: first.start, end: first.end };
    this.defining.push(name.name);
    let params: Ident[] | null = null;
    if (this.isOp('(')) {
      const open = this.next();
      params = [];
      if (!this.isOp(')')) {
        for (;;) {
          const p = this.peek();
          if (p.kind !== 'name') this.failHere(`expected a parameter name but found ${describe(p)}`);
          this.pos++;
          params.push({ name: p.text, start: p.start, end: p.end });
          if (this.isOp(',')) {
            this.pos++;
            continue;
          }
          break;
        }
      }
      if (!this.isOp(')')) {
        const t = this.peek();
        if (t.kind === 'newline' || t.kind === 'eof') this.fail(open.start, open.end, "'(' is never closed");
        this.failHere(`expected ',' or ')' but found ${describe(t)}`);
      }
      this.pos++;
    }
    const eq = this.peek();
    if (!this.isOp('=')) {
      const eqTok = this.findAssignment();
      this.fail(name.start, eqTok.start, "expected a name before '=': a definition is `name = expression` or `name(u, v) = expression`");
    }
    this.pos++;
    if (this.atLineEnd()) this.fail(eq.start, eq.end, `expected an expression after '=' to define '${name.name}'`);
    this.locals = new Set(params?.map((p) => p.name) ?? []);
    try {
      const body = this.parseExpression();
      return { kind: 'define', name, params, body, start: name.start, end: body.end, line: this.lineAt(name.start) };
    } finally {
      this.locals = new Set();
    }
  }

  private findAssignment(): Token {
    for (let i = this.pos; ; i++) {
      const t = this.tokens[i];
      if (t.kind === 'op' && t.text === '=') return t;
    }
  }

  private parseDirective(): Directive | null {
    const d = this.next();
    const line = this.lineAt(d.start);
    switch (d.text) {
      case 'params': {
        const names: Ident[] = [];
        for (;;) {
          const t = this.peek();
          if (t.kind !== 'name') this.failHere(`expected a parameter name but found ${describe(t)} (write @params w, b)`);
          this.pos++;
          names.push({ name: t.text, start: t.start, end: t.end });
          this.defining.push(t.text);
          if (!this.isOp(',')) break;
          this.pos++;
        }
        const end = names[names.length - 1].end;
        if (names.length !== 2) this.fail(d.start, end, `@params takes exactly two names (write @params w, b), not ${names.length}`);
        return { kind: 'params', names, start: d.start, end, line };
      }
      case 'domain': {
        const ranges: { name: Ident; min: Expr; max: Expr }[] = [];
        for (;;) {
          const t = this.peek();
          if (t.kind !== 'name') this.failHere(`expected a parameter name but found ${describe(t)} (write @domain x: [-2, 2], y: [-1, 3])`);
          this.pos++;
          this.expectOp(':', 'after the parameter name (write @domain x: [-2, 2], y: [-1, 3])');
          this.expectOp('[', 'before the range (write @domain x: [-2, 2], y: [-1, 3])');
          const min = this.parseExpression();
          this.expectOp(',', 'between the two ends of the range');
          const max = this.parseExpression();
          this.expectOp(']', 'after the range');
          ranges.push({ name: { name: t.text, start: t.start, end: t.end }, min, max });
          if (!this.isOp(',')) break;
          this.pos++;
        }
        return { kind: 'domain', ranges, start: d.start, end: this.tokens[this.pos - 1].end, line };
      }
      case 'start': {
        const open = this.isOp('(') ? this.next() : null;
        const x = this.parseExpression();
        this.expectOp(',', 'between the two coordinates (write @start (-1.5, 2.5))');
        const y = this.parseExpression();
        if (open) {
          const t = this.peek();
          if (t.kind === 'newline' || t.kind === 'eof') this.fail(open.start, open.end, "'(' is never closed");
          this.expectOp(')', 'after the coordinates');
        }
        return { kind: 'start', x, y, start: d.start, end: this.tokens[this.pos - 1].end, line };
      }
      case 'set':
        return this.parseSet(d, line);
      default: {
        const near = closestNames(d.text, DIRECTIVES);
        const hint = near.length > 0 ? `; did you mean @${near[0]}?` : ' (expected @params, @domain, @start or @set)';
        this.fail(d.start, d.end, `unknown directive '@${d.text}'${hint}`, near.map((n) => '@' + n));
      }
    }
  }

  /** `@set key = value`: key and value are kept as written and checked against the settings table. */
  private parseSet(d: Token, line: number): Directive {
    let eq: Token | null = null;
    let last = d;
    while (!this.atLineEnd()) {
      const t = this.next();
      if (!eq && t.kind === 'op' && t.text === '=') eq = t;
      last = t;
    }
    if (!eq) this.fail(d.start, last.end, 'expected @set key = value, e.g. @set schedule.t0 = 40');
    const key = this.trimmed(d.end, eq.start);
    const value = this.trimmed(eq.end, last.end);
    if (key.name === '') this.fail(d.start, eq.end, 'expected a setting name before \'=\', e.g. @set schedule.t0 = 40');
    if (value.name === '') this.fail(eq.start, eq.end, `expected a value after '=' for '${key.name}'`);
    return { kind: 'set', key, value, start: d.start, end: last.end, line };
  }

  private trimmed(from: number, to: number): Ident {
    const raw = this.source.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim();
    return { name, start: from + lead, end: from + lead + name.length };
  }

  // ---- expressions ----

  private parseExpression(): Expr {
    this.enter();
    let left = this.parseAdditive();
    while (this.peek().kind === 'op' && COMPARISONS.has(this.peek().text)) {
      const op = this.next().text as BinaryOp;
      const right = this.parseAdditive();
      left = { kind: 'binary', op, left, right, implicit: false, start: left.start, end: right.end };
    }
    this.depth--;
    return left;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp;
      const right = this.parseMultiplicative();
      left = { kind: 'binary', op, left, right, implicit: false, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    let lastWasDivision = false;
    for (;;) {
      const t = this.peek();
      if (this.isOp('*') || this.isOp('/')) {
        this.pos++;
        const right = this.parseUnary();
        left = { kind: 'binary', op: t.text as BinaryOp, left, right, implicit: false, start: left.start, end: right.end };
        lastWasDivision = t.text === '/';
      } else if (t.kind === 'name' || this.isOp('(')) {
        const right = this.parsePower();
        if (lastWasDivision && left.kind === 'binary') this.warnDivisionThenProduct(left.left, left.right, right);
        left = { kind: 'binary', op: '*', left, right, implicit: true, start: left.start, end: right.end };
        lastWasDivision = false;
      } else if (t.kind === 'number') {
        this.fail(t.start, t.end, `missing operator before '${t.text}'`);
      } else {
        return left;
      }
    }
  }

  /** `1/2x` is (1/2)·x, as the design says, but people often mean 1/(2x): say which it is. */
  private warnDivisionThenProduct(a: Expr, b: Expr, c: Expr): void {
    const text = (s: { start: number; end: number }) => this.source.slice(s.start, s.end);
    const gap = this.source.slice(b.end, c.start);
    this.problems.warning(
      a.start,
      c.end,
      `${this.source.slice(a.start, c.end)} is (${text(a)}/${text(b)})·${text(c)}; add parentheses`,
      [`(${text(a)}/${text(b)})${gap}${text(c)}`, `${text(a)}/(${text(b)}${gap}${text(c)})`],
    );
  }

  private parseUnary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      this.enter();
      const op = this.next();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', op: op.text as '-' | '+', operand, start: op.start, end: operand.end };
    }
    return this.parsePower();
  }

  /** `^` binds tighter than unary minus on its left and takes a signed exponent on its right: -x^2 = -(x^2), 2^-1 = 0.5, 2^3^2 = 2^9. */
  private parsePower(): Expr {
    const base = this.parsePrimary();
    if (!this.isOp('^')) return base;
    this.pos++;
    this.enter();
    const exponent = this.parseUnary();
    this.depth--;
    return { kind: 'binary', op: '^', left: base, right: exponent, implicit: false, start: base.start, end: exponent.end };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.pos++;
      return { kind: 'number', value: t.value as number, start: t.start, end: t.end };
    }
    if (t.kind === 'name') {
      this.pos++;
      const callable = !this.locals.has(t.text) && !this.values.has(t.text);
      if (this.isOp('(') && callable) return this.parseCall(t);
      if (callable && (BUILTIN_BY_NAME.has(t.text) || this.userFunctions.has(t.text))) {
        this.fail(t.start, t.end, `'${t.text}' is a function: call it as ${t.text}(...)`);
      }
      return { kind: 'name', name: t.text, start: t.start, end: t.end };
    }
    if (this.isOp('(')) {
      const open = this.next();
      const inner = this.parseExpression();
      this.closeParen(open);
      // The span includes the parentheses, so ranges and fixes cover what the user wrote.
      return { ...inner, start: open.start, end: this.tokens[this.pos - 1].end };
    }
    this.expectedExpression(t);
  }

  private parseCall(name: Token): Expr {
    const open = this.next();
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.parseExpression());
        if (!this.isOp(',')) break;
        this.pos++;
      }
    }
    this.closeParen(open);
    return { kind: 'call', callee: { name: name.text, start: name.start, end: name.end }, args, start: name.start, end: this.tokens[this.pos - 1].end };
  }

  private closeParen(open: Token): void {
    const t = this.peek();
    if (this.isOp(')')) {
      this.pos++;
      return;
    }
    if (t.kind === 'newline' || t.kind === 'eof') this.fail(open.start, open.end, "'(' is never closed");
    if (t.kind === 'error') this.fail(t.start, t.end, t.message as string);
    this.fail(t.start, t.end, `expected ')' to close the '(' at column ${open.start - this.starts[this.lineAt(open.start)] + 1} but found ${describe(t)}`);
  }

  // ---- helpers ----

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.failHere(`expression is nested too deeply (more than ${MAX_DEPTH} levels of parentheses, signs or powers)`);
    }
  }

  private expectedExpression(t: Token): never {
    if (t.kind === 'error') this.fail(t.start, t.end, t.message as string);
    if (t.kind === 'newline' || t.kind === 'eof') {
      const prev = this.tokens[this.pos - 1];
      if (prev && prev.kind !== 'newline') this.fail(prev.start, prev.end, `expected an expression after ${describe(prev)}`);
      this.fail(t.start, t.start, 'expected an expression');
    }
    if (t.kind === 'op' && t.text === ')') this.fail(t.start, t.end, "expected an expression but found ')', which has no matching '('");
    this.fail(t.start, t.end, `expected an expression but found ${describe(t)}`);
  }

  private unexpected(t: Token): never {
    if (t.kind === 'error') this.fail(t.start, t.end, t.message as string);
    if (t.kind === 'op' && t.text === ')') this.fail(t.start, t.end, "')' has no matching '('");
    this.fail(t.start, t.end, `unexpected ${describe(t)}`);
  }

  private expectOp(op: string, where: string): void {
    const t = this.peek();
    if (t.kind === 'op' && t.text === op) {
      this.pos++;
      return;
    }
    if (t.kind === 'error') this.fail(t.start, t.end, t.message as string);
    this.failHere(`expected '${op}' ${where} but found ${describe(t)}`);
  }

  /** Reports a problem at the current token; the end of a line is shown on the last token before it. */
  private failHere(message: string): never {
    const t = this.tokens[this.pos];
    const prev = this.tokens[this.pos - 1];
    if ((t.kind === 'newline' || t.kind === 'eof') && prev && prev.kind !== 'newline') this.fail(prev.start, prev.end, message);
    this.fail(t.start, t.end, message);
  }

  private fail(start: number, end: number, message: string, fixes?: string[]): never {
    this.problems.error(start, end, message, fixes);
    throw new LineAbandoned();
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private isOp(text: string): boolean {
    const t = this.tokens[this.pos];
    return t.kind === 'op' && t.text === text;
  }

  private atLineEnd(): boolean {
    const k = this.tokens[this.pos].kind;
    return k === 'newline' || k === 'eof';
  }

  private skipLine(): void {
    while (!this.atLineEnd()) this.pos++;
  }

  private lineAt(offset: number): number {
    return lineOf(this.starts, offset);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'newline':
      return 'the end of the line';
    case 'eof':
      return 'the end of the file';
    case 'directive':
      return `'@${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
