// `loss-landscape`: the engine on the command line. Each subcommand is one
// row of COMMANDS; adding one is adding a row.

import { EXIT_OK, EXIT_USAGE, UsageError, type Subcommand } from './args';
import { checkCommand } from './check';
import { evalCommand } from './eval';
import { scheduleCommand } from './schedule';
import { simulateCommand } from './simulate';
import { closestNames } from '../language/suggest';

const COMMANDS: readonly Subcommand[] = [
  checkCommand,
  evalCommand,
  scheduleCommand,
  simulateCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: loss-landscape <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'loss-landscape <command> --help' for a command's options.",
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(overview() + '\n');
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const near = closestNames(name, COMMANDS.map((c) => c.name), 1);
    process.stderr.write(`loss-landscape: unknown command '${name}'${near.length ? ` (did you mean '${near[0]}'?)` : ''}\n\n${overview()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`loss-landscape ${command.name}: ${e.message}\nRun 'loss-landscape ${command.name} --help' for usage.\n`);
    return EXIT_USAGE;
  }
}

// `loss-landscape simulate f.loss | head` closes the pipe early: that is the
// reader saying it has enough, not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? EXIT_OK);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
