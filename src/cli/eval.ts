// `loss-landscape eval FILE --at X,Y [--at X,Y]...`: the loss and its exact
// gradient at given points.

import { compile } from '../language/compile';
import { EXIT_FILE_ERRORS, EXIT_OK, formatDiagnostic, parseCommandArgs, readSource, toJson, UsageError, type Subcommand } from './args';

const NUMBER = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|Infinity)$|^NaN$/;

export const evalCommand: Subcommand = {
  name: 'eval',
  summary: 'print the loss and its gradient at points',
  help: `Usage: loss-landscape eval FILE --at X,Y [--at X,Y]...

Evaluates the loss of FILE and its exact gradient at each point, in order.
Prints {"params":[P1,P2],"results":[{"x":X,"y":Y,"loss":V,"grad":[G1,G2]}]}
(NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity").

Options:
  --at X,Y     a point, e.g. --at -1.5,2 (repeatable)
  -h, --help   show this help

Exit status: 0 success, 1 the file has errors (printed on stderr), 2 bad usage.`,
  run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { at: { type: 'string', multiple: true } });
    if (values.help) {
      process.stdout.write(evalCommand.help + '\n');
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(`eval takes one FILE, got ${positionals.length}`);
    const points = (values.at ?? []).map(parsePoint);
    if (points.length === 0) throw new UsageError('eval needs at least one --at X,Y');
    const [file] = positionals;
    const { loss, diagnostics } = compile(readSource(file));
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(file, d) + '\n');
    if (!loss) return EXIT_FILE_ERRORS;
    const grad = new Float64Array(2);
    const results = points.map(([x, y]) => {
      const value = loss.valueAndGradient(x, y, grad);
      return { x, y, loss: value, grad: [grad[0], grad[1]] };
    });
    process.stdout.write(toJson({ params: loss.params, results }) + '\n');
    return EXIT_OK;
  },
};

function parsePoint(text: string): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) {
    throw new UsageError(`--at expects two numbers X,Y, e.g. --at -1.5,2; got '${text}'`);
  }
  return [Number(parts[0]), Number(parts[1])];
}
