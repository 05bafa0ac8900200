// Problems found in a `.loss` file. Every stage reports with 0-based UTF-16
// offsets (the units of JavaScript strings and of VS Code's
// `document.positionAt`); lines and columns are computed once, at the edge,
// when the compiler hands its diagnostics out.

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** 0-based, UTF-16 columns, like VS Code. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based UTF-16 offsets into the source. */
  start: number;
  end: number;
  /** Replacement texts for the range, offered as quick fixes ("did you mean"). */
  fixes?: string[];
}

/** A diagnostic before its offsets are turned into lines and columns. */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  fixes?: string[];
}

/** Collects problems; a second report of the same message at the same spot is dropped. */
export class ProblemList {
  readonly items: Problem[] = [];
  private readonly seen = new Set<string>();

  error(start: number, end: number, message: string, fixes?: string[]): void {
    this.add({ severity: 'error', message, start, end, fixes });
  }

  warning(start: number, end: number, message: string, fixes?: string[]): void {
    this.add({ severity: 'warning', message, start, end, fixes });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }

  private add(p: Problem): void {
    const key = `${p.start}:${p.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (p.fixes === undefined || p.fixes.length === 0) delete p.fixes;
    this.items.push(p);
  }
}

/** Offsets of the first character of every line; '\n', '\r\n' and a lone '\r' end a line, as in VS Code. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 0-based line containing an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function toDiagnostics(problems: readonly Problem[], starts: readonly number[]): Diagnostic[] {
  return [...problems]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((p) => {
      const line = lineOf(starts, p.start);
      const endLine = lineOf(starts, p.end);
      const d: Diagnostic = {
        severity: p.severity,
        message: p.message,
        line,
        column: p.start - starts[line],
        endLine,
        endColumn: p.end - starts[endLine],
        start: p.start,
        end: p.end,
      };
      if (p.fixes) d.fixes = p.fixes;
      return d;
    });
}
