import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { learningRates } from '../../../src/engine/schedule';
import { resolveSettings } from '../../../src/settings/settings';
import { assertClose } from './close';

function schedule(values: Record<string, unknown>) {
  const { settings, problems } = resolveSettings([{ source: 'test', values }]);
  assert.deepEqual(problems, []);
  return settings.schedule;
}

// cos(π/4) = √2/2, so a T_i = 4 cycle from 1 to 0 runs 1, (1 + √2/2)/2, 1/2, (1 − √2/2)/2.
const R = Math.SQRT1_2;

describe('schedules', () => {
  describe('sgdr', () => {
    it('gives the cosine values of each cycle and jumps back to η_max at each restart', () => {
      const s = schedule({ 'schedule.etaMax': 1, 'schedule.t0': 4, 'schedule.tMult': 2 });
      const { lr, restarts } = learningRates(s, 13);
      const expected = [1, (1 + R) / 2, 0.5, (1 - R) / 2, 1, 0.9619397662556434, (1 + R) / 2, 0.6913417161825449, 0.5];
      assertClose(Array.from(lr.subarray(0, 9)), expected, 1e-15);
      // The last step of the T_1 = 8 cycle (t = 11) is the smallest, never η_min; t = 12 restarts.
      assertClose(lr[11], (1 + Math.cos((7 * Math.PI) / 8)) / 2, 1e-15);
      assert.ok(lr[11] > 0);
      assert.equal(lr[12], 1);
      assert.deepEqual(restarts, [4, 12]);
    });

    it('starts from η_min and η_max as given (η_min > 0)', () => {
      const s = schedule({ 'schedule.etaMax': 0.5, 'schedule.etaMin': 0.1, 'schedule.t0': 2, 'schedule.tMult': 1 });
      const { lr, restarts } = learningRates(s, 7);
      // Cycles of 2: η_max, then η_min + (η_max − η_min)/2 = 0.3.
      assertClose(Array.from(lr), [0.5, 0.3, 0.5, 0.3, 0.5, 0.3, 0.5], 1e-15);
      assert.deepEqual(restarts, [2, 4, 6]);
    });

    it('finds restarts for integer T_mult by counting cycles: 1, 3, 9, 27 steps', () => {
      const s = schedule({ 'schedule.t0': 1, 'schedule.tMult': 3 });
      assert.deepEqual(learningRates(s, 100).restarts, [1, 4, 13, 40]);
      // A restart falls on the last index asked for, and one past it is not listed.
      assert.deepEqual(learningRates(s, 41).restarts, [1, 4, 13, 40]);
      assert.deepEqual(learningRates(s, 40).restarts, [1, 4, 13]);
    });

    it('rounds float T_mult cycle lengths half up: t0 5, tMult 1.5 → 5, 8, 11, 17', () => {
      // 5·1.5 = 7.5 → 8, 5·2.25 = 11.25 → 11, 5·3.375 = 16.875 → 17.
      const s = schedule({ 'schedule.t0': 5, 'schedule.tMult': 1.5 });
      assert.deepEqual(learningRates(s, 60).restarts, [5, 13, 24, 41]);
      // 2, 2.5 → 3, 3.125 → 3, 3.90625 → 4, 4.8828125 → 5.
      const t = schedule({ 'schedule.t0': 2, 'schedule.tMult': 1.25 });
      assert.deepEqual(learningRates(t, 20).restarts, [2, 5, 8, 12, 17]);
    });

    it('rounds a decimal T_mult as written although binary floating point misses the half', () => {
      // 50·1.15 = 57.5 → 58 (in float64 the product is 57.49999999999999); then 50·1.3225 = 66.125 → 66.
      const s = schedule({ 'schedule.t0': 50, 'schedule.tMult': 1.15 });
      assert.deepEqual(learningRates(s, 200).restarts, [50, 108, 174]);
      // 50·1.7² = 144.5 → 145 (float64: 144.49999999999997).
      const t = schedule({ 'schedule.t0': 50, 'schedule.tMult': 1.7 });
      assert.deepEqual(learningRates(t, 300).restarts, [50, 135, 280]);
    });

    it('uses T_cur/T_i of the rounded cycle length inside a float-T_mult cycle', () => {
      const s = schedule({ 'schedule.etaMax': 1, 'schedule.t0': 5, 'schedule.tMult': 1.5 });
      const { lr } = learningRates(s, 14);
      // The second cycle (t = 5..12) has T_1 = 8: at t = 9, T_cur = 4, halfway.
      assertClose(lr[9], 0.5, 1e-15);
      assertClose(lr[7], (1 + R) / 2, 1e-15);
    });

    it('warms up linearly from η_min to η_max, then starts the first cycle without a restart', () => {
      const s = schedule({
        'schedule.etaMax': 1,
        'schedule.etaMin': 0.1,
        'schedule.warmupSteps': 3,
        'schedule.t0': 2,
        'schedule.tMult': 1,
      });
      const { lr, restarts } = learningRates(s, 8);
      // 0.1 + 0.9·t/3 for t = 0, 1, 2; then cycles of 2: 1, 0.1 + 0.9·(1 + cos(π/2))/2 = 0.55.
      assertClose(Array.from(lr), [0.1, 0.4, 0.7, 1, 0.55, 1, 0.55, 1], 1e-15);
      assert.deepEqual(restarts, [5, 7]);
    });

    it('multiplies the peak by decay after every restart', () => {
      const s = schedule({ 'schedule.etaMax': 1, 'schedule.decay': 0.5, 'schedule.t0': 2, 'schedule.tMult': 1 });
      const { lr, restarts } = learningRates(s, 6);
      assertClose(Array.from(lr), [1, 0.5, 0.5, 0.25, 0.25, 0.125], 1e-15);
      assert.deepEqual(restarts, [2, 4]);
    });

    it('stays at η_min after cycleLimit cycles, with no restart after the last', () => {
      const s = schedule({
        'schedule.etaMax': 1,
        'schedule.etaMin': 0.05,
        'schedule.t0': 2,
        'schedule.tMult': 2,
        'schedule.cycleLimit': 2,
      });
      const { lr, restarts } = learningRates(s, 10);
      // Cycle 0: t = 0, 1; cycle 1 (T = 4): t = 2..5; then η_min.
      assertClose(lr[1], 0.05 + 0.95 / 2, 1e-15);
      assertClose(lr[3], 0.05 + (0.95 * (1 + R)) / 2, 1e-15);
      assert.equal(lr[2], 1);
      assert.deepEqual(Array.from(lr.subarray(6)), [0.05, 0.05, 0.05, 0.05]);
      assert.deepEqual(restarts, [2]);
    });

    it('combines warm-up, decay and cycleLimit', () => {
      const s = schedule({
        'schedule.etaMax': 0.8,
        'schedule.warmupSteps': 4,
        'schedule.decay': 0.5,
        'schedule.t0': 3,
        'schedule.tMult': 2,
        'schedule.cycleLimit': 2,
      });
      const { lr, restarts } = learningRates(s, 20);
      // Warm-up 0, 0.2, 0.4, 0.6; cycle 0 at t = 4..6; cycle 1 (T = 6, peak 0.4) at t = 7..12; then 0.
      assertClose(Array.from(lr.subarray(0, 5)), [0, 0.2, 0.4, 0.6, 0.8], 1e-15);
      assert.equal(lr[7], 0.4);
      assertClose(lr[10], 0.2, 1e-15);
      assert.deepEqual(Array.from(lr.subarray(13)), [0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual(restarts, [7]);
    });

    it('handles very many restarts (t0 1, tMult 1) in one pass', () => {
      const s = schedule({ 'schedule.t0': 1, 'schedule.tMult': 1, 'schedule.etaMax': 0.3 });
      const { lr, restarts } = learningRates(s, 100000);
      assert.equal(restarts.length, 99999);
      assert.equal(restarts[0], 1);
      assert.equal(restarts[99998], 99999);
      assert.ok(lr.every((v) => v === 0.3));
    });

    it('ends gracefully when the cycle length overflows', () => {
      const s = schedule({ 'schedule.t0': 100000, 'schedule.tMult': 1e300 });
      const { lr, restarts } = learningRates(s, 100001);
      assert.deepEqual(restarts, [100000]);
      assert.equal(lr[100000], s.etaMax);
    });

    it('equals PyTorch CosineAnnealingWarmRestarts stepped once per update, for integer tMult', () => {
      // PyTorch's step(): T_cur += 1; if T_cur >= T_i: T_cur -= T_i, T_i *= T_mult;
      // get_lr(): eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2.
      function torchRates(t0: number, tMult: number, etaMax: number, etaMin: number, count: number): number[] {
        const out: number[] = [];
        let tCur = 0;
        let tI = t0;
        for (let t = 0; t < count; t++) {
          out.push(etaMin + ((etaMax - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2);
          tCur += 1;
          if (tCur >= tI) {
            tCur -= tI;
            tI *= tMult;
          }
        }
        return out;
      }
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 60 }),
          fc.integer({ min: 1, max: 4 }),
          fc.double({ min: 1e-6, max: 10, noNaN: true }),
          fc.double({ min: 0, max: 1e-3, noNaN: true }),
          fc.integer({ min: 1, max: 600 }),
          (t0, tMult, etaMax, etaMin, count) => {
            const s = schedule({ 'schedule.t0': t0, 'schedule.tMult': tMult, 'schedule.etaMax': etaMax, 'schedule.etaMin': etaMin });
            assert.deepEqual(Array.from(learningRates(s, count).lr), torchRates(t0, tMult, etaMax, etaMin, count));
          },
        ),
        { numRuns: 300 },
      );
    });

    it('is a pure function of t: a longer run has the same rates on the shared steps', () => {
      const s = schedule({ 'schedule.t0': 7, 'schedule.tMult': 1.7, 'schedule.warmupSteps': 5, 'schedule.decay': 0.9 });
      const short = learningRates(s, 50);
      const long = learningRates(s, 300);
      assert.deepEqual(Array.from(short.lr), Array.from(long.lr.subarray(0, 50)));
      assert.deepEqual(
        short.restarts,
        long.restarts.filter((r) => r < 50),
      );
    });
  });

  describe('cosine', () => {
    it('decays once from η_max to exactly η_min over T_max = steps', () => {
      const s = schedule({ 'schedule.type': 'cosine', 'schedule.etaMax': 1 });
      const { lr, restarts } = learningRates(s, 4, 5);
      assertClose(Array.from(lr), [1, (1 + R) / 2, 0.5, (1 - R) / 2, 0], 1e-15);
      assert.equal(lr[4], 0);
      assert.deepEqual(restarts, []);
    });

    it('reaches η_min > 0 exactly at T_max', () => {
      const s = schedule({ 'schedule.type': 'cosine', 'schedule.etaMax': 0.3, 'schedule.etaMin': 0.01 });
      const { lr } = learningRates(s, 350, 351);
      assert.equal(lr[350], 0.01);
      // Halfway: η_min + (η_max − η_min)/2.
      assertClose(lr[175], 0.155, 1e-14);
    });
  });

  describe('step and constant', () => {
    it('step multiplies by gamma every stepSize steps', () => {
      const s = schedule({ 'schedule.type': 'step', 'schedule.etaMax': 0.8, 'schedule.stepSize': 3, 'schedule.gamma': 0.5 });
      const { lr, restarts } = learningRates(s, 8);
      assert.deepEqual(Array.from(lr), [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2]);
      assert.deepEqual(restarts, []);
    });

    it('constant is η_max throughout and ignores the sgdr-only settings', () => {
      const s = schedule({ 'schedule.type': 'constant', 'schedule.etaMax': 0.02, 'schedule.warmupSteps': 10 });
      const { lr, restarts } = learningRates(s, 20);
      assert.ok(lr.every((v) => v === 0.02));
      assert.deepEqual(restarts, []);
    });
  });
});
