import * as assert from 'node:assert/strict';
import { simulationCsv } from '../../../src/engine';

describe('exported trajectory CSV (the engine\'s simulationCsv)', () => {
  it('one row per point with the run in the first column; labels with commas quoted; non-finite numbers spelt out', () => {
    const csv = simulationCsv({
      params: ['x', 'y'],
      runs: [
        {
          label: 'sgdr from (1, 2)',
          schedule: 'sgdr',
          points: [
            { step: 0, x: 1, y: 2, loss: 5, lr: 0.01 },
            { step: 1, x: 0.5, y: -1e-7, loss: NaN, lr: 0.005 },
          ],
          restarts: [],
          stopped: { step: 1, reason: 'the loss is not finite' },
        },
        { label: 'constant', schedule: 'constant', points: [{ step: 0, x: 1, y: 2, loss: Infinity, lr: 0.01 }], restarts: [], stopped: null },
      ],
    });
    assert.equal(
      csv,
      'run,schedule,step,x,y,loss,lr\n' +
        '"sgdr from (1, 2)",sgdr,0,1,2,5,0.01\n' +
        '"sgdr from (1, 2)",sgdr,1,0.5,-1e-7,NaN,0.005\n' +
        'constant,constant,0,1,2,Infinity,0.01\n',
    );
  });
});
