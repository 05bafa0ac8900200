// What every `loss-landscape` subcommand shares: argument parsing (node:util
// parseArgs, with negative numbers accepted as option values), reading
// files, `--set key=value`, JSON with non-finite numbers as strings, and
// diagnostics printed as compilers print them.

import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Diagnostic } from '../language/diagnostics';
import { checkSetting, parseSettingValue } from '../settings/settings';

export interface Subcommand {
  name: string;
  /** One line, for `loss-landscape --help`. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Returns the exit code: 0 success, 1 the file has errors, 2 bad usage. */
  run(argv: string[]): number | Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FILE_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Bad usage: reported as `loss-landscape: message` and exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * parseArgs with `--help` added and strict checking, and one difference:
 * an option that takes a value takes the next argument even when it starts
 * with '-', so `--at -1.5,2` works (parseArgs alone rejects it as ambiguous).
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O, allowPositionals = true) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (takesValue.has(argv[i]) && i + 1 < argv.length) {
      args.push(`${argv[i].startsWith('--') ? argv[i] : `--${longName(options, argv[i].slice(1))}`}=${argv[i + 1]}`);
      i++;
    } else {
      args.push(argv[i]);
    }
  }
  try {
    return parseArgs({ args, options: all, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

function longName(options: Options, short: string): string {
  return Object.entries(options).find(([, o]) => o.short === short)?.[0] ?? short;
}

export function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new UsageError(`cannot read '${path}': ${why}`);
  }
}

/** `--set key=value` options as settings keyed like the table (`{"schedule.t0": 40}`); a bad one is a usage error. */
export function parseSetOptions(items: readonly string[]): Record<string, unknown> {
  const settings: Record<string, unknown> = Object.create(null);
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects key=value, e.g. --set schedule.t0=40; got '${item}'`);
    const key = item.slice(0, eq).trim();
    const parsed = parseSettingValue(item.slice(eq + 1));
    if ('error' in parsed) throw new UsageError(`--set ${key}: ${parsed.error}`);
    const problem = checkSetting(key, parsed.value);
    if (problem) throw new UsageError(`--set: ${problem}`);
    settings[key] = parsed.value;
  }
  return settings;
}

/** JSON on one line, with NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity". */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

/** `file:line:col: error: message`, 1-based as compilers print. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line + 1}:${d.column + 1}: ${d.severity}: ${d.message}`;
}
