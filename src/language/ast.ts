// The syntax tree of a `.loss` file. Every node carries its span (0-based
// UTF-16 offsets into the source, end exclusive), so every later stage can
// point at exactly the text it is talking about.

export interface Span {
  start: number;
  end: number;
}

export interface Ident extends Span {
  name: string;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Expr = NumberLiteral | NameRef | Unary | Binary | Call;

export interface NumberLiteral extends Span {
  kind: 'number';
  value: number;
}

export interface NameRef extends Span {
  kind: 'name';
  name: string;
}

export interface Unary extends Span {
  kind: 'unary';
  op: '-' | '+';
  operand: Expr;
}

export interface Binary extends Span {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  /** Multiplication written by juxtaposition (`2x`, `(x+1)(y-1)`). */
  implicit: boolean;
}

export interface Call extends Span {
  kind: 'call';
  callee: Ident;
  args: Expr[];
}

export type Statement = DefineStatement | ExpressionStatement | Directive;

/** `name = expr` or `name(p, q) = expr`. */
export interface DefineStatement extends Span {
  kind: 'define';
  name: Ident;
  /** null for a constant, the parameter list for a function. */
  params: Ident[] | null;
  body: Expr;
  line: number;
}

/** A bare expression; the last one is the loss when there is no `loss = ...`. */
export interface ExpressionStatement extends Span {
  kind: 'expression';
  expr: Expr;
  line: number;
}

export type Directive = ParamsDirective | DomainDirective | StartDirective | SetDirective;

export interface ParamsDirective extends Span {
  kind: 'params';
  names: Ident[];
  line: number;
}

export interface DomainDirective extends Span {
  kind: 'domain';
  ranges: { name: Ident; min: Expr; max: Expr }[];
  line: number;
}

export interface StartDirective extends Span {
  kind: 'start';
  x: Expr;
  y: Expr;
  line: number;
}

export interface SetDirective extends Span {
  kind: 'set';
  key: Ident;
  /** The value as written, parsed later by the settings table. */
  value: Ident;
  line: number;
}
