// `loss-landscape check FILE... [--format text|json]`: the diagnostics of
// each file, as the editor would show them.

import { compile } from '../language/compile';
import { EXIT_FILE_ERRORS, EXIT_OK, formatDiagnostic, parseCommandArgs, readSource, toJson, UsageError, type Subcommand } from './args';

export const checkCommand: Subcommand = {
  name: 'check',
  summary: 'report the errors and warnings of .loss files',
  help: `Usage: loss-landscape check FILE... [--format text|json]

Compiles each .loss file and reports its diagnostics.

Options:
  --format text   errors and warnings on stderr as file:line:col: error: message (default)
  --format json   {"files":[{"file","diagnostics":[{"severity","message","line","column","endLine","endColumn"}]}]}
                  on stdout, lines and columns 0-based as VS Code counts
  -h, --help      show this help

Exit status: 0 no errors (warnings allowed), 1 some file has errors, 2 bad usage.`,
  run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } });
    if (values.help) {
      process.stdout.write(checkCommand.help + '\n');
      return EXIT_OK;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    if (positionals.length === 0) throw new UsageError('check needs at least one FILE');
    const sources = positionals.map((file) => ({ file, source: readSource(file) }));
    let failed = false;
    const files = sources.map(({ file, source }) => {
      const { diagnostics } = compile(source);
      for (const d of diagnostics) {
        if (d.severity === 'error') failed = true;
        process.stderr.write(formatDiagnostic(file, d) + '\n');
      }
      return {
        file,
        diagnostics: diagnostics.map((d) => ({
          severity: d.severity,
          message: d.message,
          line: d.line,
          column: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
        })),
      };
    });
    if (format === 'json') process.stdout.write(toJson({ files }) + '\n');
    return failed ? EXIT_FILE_ERRORS : EXIT_OK;
  },
};
