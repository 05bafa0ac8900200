// `loss-landscape simulate FILE [--set k=v]... [--format json|csv]`: the
// optimizer runs of a .loss file, exactly as the preview animates them.

import { EngineInputError, simulate } from '../engine/simulate';
import { simulationCsv } from '../engine/csv';
import {
  EXIT_FILE_ERRORS,
  EXIT_OK,
  formatDiagnostic,
  parseCommandArgs,
  parseSetOptions,
  readSource,
  toJson,
  UsageError,
  type Subcommand,
} from './args';

export const simulateCommand: Subcommand = {
  name: 'simulate',
  summary: 'run the optimizers on a .loss file and print their paths',
  help: `Usage: loss-landscape simulate FILE [--set key=value]... [--format json|csv]

Runs the optimizer from each start of FILE (plus the simulation.compare
schedules) and prints every point. Settings: defaults < --set < the file's
@set lines.

Options:
  --set key=value  a setting, without the lossLandscape. prefix, e.g.
                   --set optimizer.type=adam --set simulation.compare=[] (repeatable)
  --format json    {"params":[P1,P2],"runs":[{"label","schedule","points":[{"step","x","y","loss","lr"}],
                   "restarts":[k,...],"stopped":null|{"step","reason"}}]} (default); point k is
                   the position after k updates and its lr is η(k); NaN and ±Infinity are
                   written as the strings "NaN", "Infinity", "-Infinity"
  --format csv     one row per point: run,schedule,step,x,y,loss,lr
  -h, --help       show this help

Exit status: 0 success (a run that blows up is reported as stopped, not as a
failure), 1 the file has errors (printed on stderr), 2 bad usage or an invalid setting.`,
  run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      set: { type: 'string', multiple: true },
      format: { type: 'string' },
    });
    if (values.help) {
      process.stdout.write(simulateCommand.help + '\n');
      return EXIT_OK;
    }
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not '${format}'`);
    if (positionals.length !== 1) throw new UsageError(`simulate takes one FILE, got ${positionals.length}`);
    const [file] = positionals;
    const given = parseSetOptions(values.set ?? []);
    const source = readSource(file);
    let result;
    try {
      result = simulate(source, given);
    } catch (e) {
      if (!(e instanceof EngineInputError)) throw e;
      if (e.kind === 'settings') throw new UsageError(e.message);
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(file, d) + '\n');
      if (e.diagnostics.length === 0) process.stderr.write(`${file}: error: ${e.message}\n`);
      return EXIT_FILE_ERRORS;
    }
    process.stdout.write(format === 'json' ? toJson(result) + '\n' : simulationCsv(result));
    return EXIT_OK;
  },
};
