import * as assert from 'node:assert/strict';
import {
  checkSetting,
  defaultSettings,
  effectiveEps,
  effectiveMomentum,
  effectiveWeightDecay,
  parseSettingValue,
  resolveSettings,
  SETTING_KEYS,
} from '../../../src/settings/settings';

describe('settings', () => {
  describe('parseSettingValue (the value of `@set k = v` and `--set k=v`)', () => {
    const cases: [string, unknown][] = [
      ['40', 40],
      ['-1.5', -1.5],
      ['.5', 0.5],
      ['1e-3', 0.001],
      ['2.5E+4', 25000],
      ['true', true],
      ['false', false],
      ['null', null],
      ['sgd', 'sgd'],
      ['"sgd"', 'sgd'],
      ['[0.9, 0.99]', [0.9, 0.99]],
      ['[[-1, 1], [0, 2]]', [[-1, 1], [0, 2]]],
      ['  adamw  ', 'adamw'],
    ];
    for (const [text, value] of cases) {
      it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseSettingValue(text), { value }));
    }
    it('refuses arrays nested deeper than any setting, before parsing them', () => {
      assert.deepEqual(parseSettingValue('['.repeat(100000) + ']'.repeat(100000)), {
        error: 'the value is nested more than 8 arrays deep',
      });
      assert.deepEqual(parseSettingValue('["[[[[[[[[[[", 1]'), { value: ['[[[[[[[[[[', 1] });
    });
    for (const bad of ['', '[0.9,', '"open', '1.2.3', 'a b', 'process.exit(1)']) {
      it(`rejects ${JSON.stringify(bad)} with a message`, () => {
        const r = parseSettingValue(bad);
        assert.ok('error' in r && r.error.length > 0);
      });
    }
  });

  describe('defaults (DESIGN.md section 3)', () => {
    it('has every key of the table with its default', () => {
      const s = defaultSettings();
      assert.equal(SETTING_KEYS.length, 27);
      assert.equal(s.schedule.type, 'sgdr');
      assert.equal(s.schedule.etaMax, 0.01);
      assert.equal(s.schedule.etaMin, 0);
      assert.equal(s.schedule.t0, 50);
      assert.equal(s.schedule.tMult, 2);
      assert.equal(s.schedule.decay, 1);
      assert.equal(s.schedule.warmupSteps, 0);
      assert.equal(s.schedule.cycleLimit, 0);
      assert.equal(s.schedule.stepSize, 100);
      assert.equal(s.schedule.gamma, 0.5);
      assert.equal(s.optimizer.type, 'sgd');
      assert.equal(s.optimizer.momentum, null);
      assert.equal(s.optimizer.nesterov, false);
      assert.equal(s.optimizer.dampening, 0);
      assert.deepEqual(s.optimizer.betas, [0.9, 0.999]);
      assert.equal(s.optimizer.alpha, 0.99);
      assert.equal(s.optimizer.eps, null);
      assert.equal(s.optimizer.weightDecay, null);
      assert.equal(s.simulation.steps, 350);
      assert.equal(s.simulation.start, null);
      assert.deepEqual(s.simulation.compare, ['constant']);
      assert.equal(s.simulation.gradientNoise, 0);
      assert.equal(s.simulation.seed, 0);
      assert.deepEqual(s.surface.domain, [[-2, 2], [-2, 2]]);
      assert.equal(s.surface.resolution, 128);
      assert.equal(s.surface.heightScale, 'auto');
      assert.equal(s.animation.speed, 60);
    });

    it('gives each caller its own arrays', () => {
      const a = defaultSettings();
      a.optimizer.betas[0] = 0.5;
      assert.equal(defaultSettings().optimizer.betas[0], 0.9);
    });

    it("resolves null optimizer settings to PyTorch's defaults", () => {
      const pick = (type: string) => resolveSettings([{ source: 't', values: { 'optimizer.type': type } }]).settings;
      assert.equal(effectiveMomentum(pick('sgd')), 0.9);
      assert.equal(effectiveMomentum(pick('rmsprop')), 0);
      assert.equal(effectiveEps(pick('adam')), 1e-8);
      assert.equal(effectiveEps(pick('rmsprop')), 1e-8);
      assert.equal(effectiveEps(pick('adagrad')), 1e-10);
      assert.equal(effectiveWeightDecay(pick('adamw')), 0.01);
      assert.equal(effectiveWeightDecay(pick('adam')), 0);
      assert.equal(effectiveWeightDecay(pick('sgd')), 0);
    });
  });

  describe('checkSetting', () => {
    it('accepts valid values', () => {
      assert.equal(checkSetting('schedule.t0', 40), undefined);
      assert.equal(checkSetting('optimizer.momentum', null), undefined);
      assert.equal(checkSetting('simulation.start', [1, -2]), undefined);
      assert.equal(checkSetting('simulation.compare', ['constant', 'cosine']), undefined);
      assert.equal(checkSetting('surface.domain', [[-1, 1], [0, 3]]), undefined);
    });
    const bad: [string, unknown, RegExp][] = [
      ['schedule.t0', 0, /schedule\.t0.*an integer ≥ 1/],
      ['schedule.t0', 2.5, /an integer/],
      ['schedule.tMult', 0.5, /≥ 1/],
      ['schedule.type', 'linear', /one of sgdr, cosine, constant, step/],
      ['optimizer.type', 'lbfgs', /one of sgd, adam, adamw, rmsprop, adagrad/],
      ['optimizer.betas', [0.9, 1], /two numbers in \[0, 1\)/],
      ['optimizer.nesterov', 'yes', /true or false/],
      ['surface.resolution', 8, /≥ 16 and ≤ 1024/],
      ['surface.domain', [[1, -1], [0, 1]], /min < max/],
      ['simulation.compare', ['adam'], /schedule types/],
      ['animation.speed', 0, /> 0/],
      ['simulation.steps', Infinity, /an integer/],
    ];
    for (const [key, value, pattern] of bad) {
      it(`rejects ${key} = ${JSON.stringify(value)}`, () => assert.match(checkSetting(key, value) ?? '', pattern));
    }
    it('describes a deeply nested value from settings.json without overflowing', () => {
      let deep: unknown = 1;
      for (let i = 0; i < 100000; i++) deep = [deep];
      assert.equal(checkSetting('surface.domain', deep), "invalid value object for 'surface.domain': expected [[min, max], [min, max]] with finite numbers and min < max");
      assert.match(checkSetting('simulation.compare', Array(50).fill('adam')) ?? '', /^invalid value \["adam","adam",.{30,}\.\.\. for/);
    });
    it('names the closest key for a misspelt one', () => {
      assert.equal(checkSetting('schedule.tmul', 2), "unknown setting 'schedule.tmul' (did you mean 'schedule.tMult'?)");
      assert.equal(checkSetting('colour', 2), "unknown setting 'colour'");
    });
  });

  describe('resolveSettings', () => {
    it('applies layers lowest first: defaults < settings < @set', () => {
      const { settings, problems } = resolveSettings([
        { source: 'settings', values: { 'schedule.t0': 30, 'schedule.etaMax': 0.1 } },
        { source: '@set', values: { 'schedule.t0': 40 } },
      ]);
      assert.deepEqual(problems, []);
      assert.equal(settings.schedule.t0, 40);
      assert.equal(settings.schedule.etaMax, 0.1);
      assert.equal(settings.schedule.tMult, 2);
    });

    it('reports an invalid value and keeps the value below it', () => {
      const { settings, problems } = resolveSettings([
        { source: 'settings', values: { 'schedule.t0': 30 } },
        { source: '@set', values: { 'schedule.t0': -4, 'schedule.etaMax': 'big' } },
      ]);
      assert.equal(settings.schedule.t0, 30);
      assert.equal(settings.schedule.etaMax, 0.01);
      assert.deepEqual(
        problems.map((p) => [p.key, p.source]),
        [
          ['schedule.t0', '@set'],
          ['schedule.etaMax', '@set'],
        ],
      );
    });

    it('rejects Nesterov without momentum or with dampening, as PyTorch does', () => {
      for (const values of [
        { 'optimizer.nesterov': true, 'optimizer.momentum': 0 },
        { 'optimizer.nesterov': true, 'optimizer.dampening': 0.1 },
      ]) {
        const { settings, problems } = resolveSettings([{ source: 'settings', values }]);
        assert.equal(settings.optimizer.nesterov, false);
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, /Nesterov momentum requires a momentum > 0 and zero dampening/);
      }
      // SGD's null momentum means 0.9, so Nesterov alone is valid.
      const ok = resolveSettings([{ source: 'settings', values: { 'optimizer.nesterov': true } }]);
      assert.deepEqual(ok.problems, []);
      assert.equal(ok.settings.optimizer.nesterov, true);
    });
  });
});
