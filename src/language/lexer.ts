// Splits `.loss` source into tokens, each with its 0-based UTF-16 span.
// Comments ('#' or '//' to the end of the line) are not tokens; their text is
// kept per line so a definition's trailing comment can serve as its hover doc.
// A character the language does not use becomes an 'error' token carrying its
// message, which the parser reports once when it reaches it.

export type TokenKind = 'number' | 'name' | 'directive' | 'string' | 'op' | 'newline' | 'eof' | 'error';

export interface Token {
  kind: TokenKind;
  /** The source text, except: '**' is '^'; a directive is its name without '@'. */
  text: string;
  start: number;
  end: number;
  /** For numbers: the value. */
  value?: number;
  /** For errors: what is wrong. */
  message?: string;
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NAME_START = /^[\p{L}_]/u;
const TWO_CHAR_OPERATORS = new Set(['**', '<=', '>=', '==', '!=']);
const ONE_CHAR_OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>', '=', '(', ')', '[', ']', ',', ':']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiNamePart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || isDigit(c);
/** ASCII letters and '_', or any non-ASCII letter (checked by the Unicode-aware NAME pattern). */
function isNameStart(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  if (c <= 0x7f) return false;
  return NAME_START.test(String.fromCharCode(c));
}

export function lex(source: string): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      const len = c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      tokens.push({ kind: 'newline', text: '\n', start: i, end: i + len });
      i += len;
      continue;
    }
    if (c === '#' || (c === '/' && source[i + 1] === '/')) {
      let j = i;
      while (j < n && source[j] !== '\n' && source[j] !== '\r') j++;
      const body = source.slice(i + (c === '#' ? 1 : 2), j).trim();
      comments.push({ start: i, end: j, text: body });
      i = j;
      continue;
    }
    const code = source.charCodeAt(i);
    if (isDigit(code) || (code === 46 /* . */ && isDigit(source.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const text = (NUMBER.exec(source) as RegExpExecArray)[0];
      tokens.push({ kind: 'number', text, start: i, end: i + text.length, value: Number(text) });
      i += text.length;
      continue;
    }
    if (isNameStart(code)) {
      let j = i + 1;
      while (j < n && isAsciiNamePart(source.charCodeAt(j))) j++;
      if (j < n && source.charCodeAt(j) > 0x7f) {
        NAME.lastIndex = i;
        j = i + (NAME.exec(source) as RegExpExecArray)[0].length;
      }
      tokens.push({ kind: 'name', text: source.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === '@') {
      NAME.lastIndex = i + 1;
      const d = NAME.exec(source);
      if (d) {
        tokens.push({ kind: 'directive', text: d[0], start: i, end: i + 1 + d[0].length });
        i += 1 + d[0].length;
      } else {
        tokens.push({ kind: 'error', text: '@', start: i, end: i + 1, message: "expected a directive name after '@' (@params, @domain, @start or @set)" });
        i++;
      }
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && source[j] !== '"' && source[j] !== '\n' && source[j] !== '\r') j += source[j] === '\\' ? 2 : 1;
      if (source[j] === '"') {
        tokens.push({ kind: 'string', text: source.slice(i, j + 1), start: i, end: j + 1 });
        i = j + 1;
      } else {
        tokens.push({ kind: 'error', text: source.slice(i, j), start: i, end: j, message: 'unterminated string' });
        i = j;
      }
      continue;
    }
    const two = source.slice(i, i + 2);
    const op = TWO_CHAR_OPERATORS.has(two) ? two : ONE_CHAR_OPERATORS.has(c) ? c : null;
    if (op) {
      tokens.push({ kind: 'op', text: op === '**' ? '^' : op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const cp = source.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    tokens.push({ kind: 'error', text: source.slice(i, i + width), start: i, end: i + width, message: `unexpected character ${describeChar(cp)}` });
    i += width;
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return { tokens, comments };
}

/** Quotes a character, or names it by code point when it would not be visible. */
function describeChar(cp: number): string {
  const visible = cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && !/[\p{Z}\p{C}]/u.test(String.fromCodePoint(cp));
  return visible ? `'${String.fromCodePoint(cp)}'` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
