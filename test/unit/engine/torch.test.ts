// Agreement with PyTorch itself: the JSON beside test/fixtures/torch/generate.py
// was produced by torch.optim and torch.optim.lr_scheduler in float64 (see
// that script); these tests need no torch.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { learningRates } from '../../../src/engine/schedule';
import { simulate } from '../../../src/engine/simulate';
import { resolveSettings } from '../../../src/settings/settings';
import { assertClose } from './close';

const dir = join(__dirname, '..', '..', 'fixtures', 'torch');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

interface ScheduleCase {
  settings: Record<string, unknown>;
  steps: number;
  lr: number[];
}
interface TrajectoryCase {
  name: string;
  source: string;
  settings: Record<string, unknown>;
  /** [x, y, loss, lr] after k updates. */
  points: number[][];
}

describe(`agreement with PyTorch ${read('schedules.json').torch}`, () => {
  describe('schedulers (CosineAnnealingWarmRestarts, CosineAnnealingLR, StepLR)', () => {
    for (const c of read('schedules.json').cases as ScheduleCase[]) {
      it(JSON.stringify(c.settings), () => {
        const { settings, problems } = resolveSettings([{ source: 'fixture', values: c.settings }]);
        assert.deepEqual(problems, []);
        const { lr } = learningRates(settings.schedule, c.steps, c.lr.length);
        // cos comes from V8's fdlibm here and from the C library in Python: a few ulps at most.
        assertClose(lr, c.lr, 4e-15, 'lr');
      });
    }
  });

  describe('optimizer trajectories driven by the schedulers', () => {
    for (const c of read('trajectories.json').cases as TrajectoryCase[]) {
      it(`${c.name} (${c.points.length - 1} steps)`, () => {
        const [run] = simulate(c.source, c.settings).runs;
        assert.equal(run.stopped, null);
        assert.equal(run.points.length, c.points.length);
        // Positions agree to 1e-12 of the trajectory's size (a relative error
        // means nothing where a coordinate crosses zero); the compiled gradient
        // and the engine follow PyTorch's order of operations, so the actual
        // differences are rounding-level.
        const scale = Math.max(...c.points.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
        const lossScale = Math.max(...c.points.map((p) => Math.abs(p[2])));
        run.points.forEach((p, k) => {
          const [x, y, loss, lr] = c.points[k];
          assertClose([p.x, p.y], [x, y], 1e-12, `step ${k} position`, scale);
          assertClose(p.loss, loss, 1e-12, `step ${k} loss`, lossScale);
          assertClose(p.lr, lr, 4e-15, `step ${k} lr`);
        });
      });
    }
  });
});
