// `loss-landscape schedule [--set k=v]... [--steps N]`: the learning rate of
// every step and the restarts, for plotting or checking a schedule without a
// loss.

import { learningRates } from '../engine/schedule';
import { checkSetting, resolveSettings } from '../settings/settings';
import { EXIT_OK, parseCommandArgs, parseSetOptions, toJson, UsageError, type Subcommand } from './args';

export const scheduleCommand: Subcommand = {
  name: 'schedule',
  summary: 'print the learning rate of every step and the restarts',
  help: `Usage: loss-landscape schedule [--set key=value]... [--steps N]

Prints {"lr":[η(0),...,η(N-1)],"restarts":[t,...]}: the learning rate of each
update and every step at which a new SGDR cycle begins (never the first).

Options:
  --set key=value  a setting, without the lossLandscape. prefix, e.g.
                   --set schedule.t0=40 --set schedule.type=cosine (repeatable)
  --steps N        number of steps (default: simulation.steps, 350); also
                   T_max of the cosine schedule
  -h, --help       show this help

Exit status: 0 success, 2 bad usage or an invalid setting.`,
  run(argv) {
    const { values } = parseCommandArgs(argv, { set: { type: 'string', multiple: true }, steps: { type: 'string' } }, false);
    if (values.help) {
      process.stdout.write(scheduleCommand.help + '\n');
      return EXIT_OK;
    }
    const given = parseSetOptions(values.set ?? []);
    if (values.steps !== undefined) {
      const steps = /^\d+$/.test(values.steps) ? Number(values.steps) : NaN;
      const problem = checkSetting('simulation.steps', steps);
      if (problem) throw new UsageError(`--steps ${values.steps}: expected an integer from 1 to 100000`);
      given['simulation.steps'] = steps;
    }
    const { settings, problems } = resolveSettings([{ source: '--set', values: given }]);
    if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join('; '));
    const { lr, restarts } = learningRates(settings.schedule, settings.simulation.steps);
    process.stdout.write(toJson({ lr: Array.from(lr), restarts }) + '\n');
    return EXIT_OK;
  },
};
