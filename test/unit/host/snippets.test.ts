// "Copy Schedule as Code" against code written by hand from the libraries'
// documented APIs (torch.optim.lr_scheduler, timm.scheduler,
// keras.optimizers.schedules), and the comments for what each cannot express.

import * as assert from 'node:assert/strict';
import { defaultSettings, type Settings } from '../../../src/settings/settings';
import { scheduleSnippet } from '../../../src/host/snippets';

function settings(change: (s: Settings) => void = () => {}): Settings {
  const s = defaultSettings();
  change(s);
  return s;
}

const torchLoop = (schedulerCall: string, comment: string) => `
# ${comment}
for step in range(350):
    optimizer.zero_grad()
    ...  # loss = f(params); loss.backward()
    optimizer.step()
    ${schedulerCall}
`;

describe('scheduleSnippet', () => {
  describe('the default settings (SGDR T_0 = 50, T_mult = 2, SGD with momentum 0.9)', () => {
    it('PyTorch: CosineAnnealingWarmRestarts, stepped once per update', () => {
      assert.equal(
        scheduleSnippet('pytorch', settings()),
        `import torch

# params: your model.parameters()
optimizer = torch.optim.SGD(params, lr=0.01, momentum=0.9, dampening=0, weight_decay=0, nesterov=False)
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=50, T_mult=2, eta_min=0)
` + torchLoop('scheduler.step()', 'One scheduler step per update, as the preview simulates.'),
      );
    });

    it('timm: CosineLRScheduler per update, with a cycle limit that cannot be reached', () => {
      assert.equal(
        scheduleSnippet('timm', settings()),
        `import torch
from timm.scheduler import CosineLRScheduler

# params: your model.parameters()
optimizer = torch.optim.SGD(params, lr=0.01, momentum=0.9, dampening=0, weight_decay=0, nesterov=False)
# Unlimited cycles: timm's cycle_limit=0 would mean none, and 350 updates hold fewer than 350 cycles.
scheduler = CosineLRScheduler(optimizer, t_initial=50, lr_min=0, cycle_mul=2.0, cycle_decay=1.0, cycle_limit=350, t_in_epochs=False)
` + torchLoop('scheduler.step_update(num_updates=step + 1)', 't_in_epochs=False: the schedule advances once per update.'),
      );
    });

    it('Keras: CosineDecayRestarts as the optimizer\'s learning rate', () => {
      assert.equal(
        scheduleSnippet('keras', settings()),
        `import keras

schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.01, first_decay_steps=50, t_mul=2.0, m_mul=1.0, alpha=0.0)
# Keras SGD scales the velocity by the learning rate before accumulating; with a changing rate its path differs slightly from PyTorch's.
optimizer = keras.optimizers.SGD(learning_rate=schedule, momentum=0.9, nesterov=False)

# The schedule advances once per update (optimizer.iterations); 350 updates in the preview.
`,
      );
    });
  });

  describe('what PyTorch cannot express is said, not silently dropped', () => {
    const s = settings((s) => Object.assign(s.schedule, { decay: 0.5, tMult: 1.5, cycleLimit: 2 }));
    const code = scheduleSnippet('pytorch', s);

    it('peak decay', () => assert.match(code, /^# PyTorch has no peak decay: decay = 0\.5 .* is not applied\.$/m));
    it('a fractional T_mult, rounded to the nearest integer', () => {
      assert.match(code, /^# PyTorch needs an integer T_mult: tMult = 1\.5 is rounded to 2 here\.$/m);
      assert.match(code, /CosineAnnealingWarmRestarts\(optimizer, T_0=50, T_mult=2, eta_min=0\)/);
    });
    it('a cycle limit', () => assert.match(code, /^# PyTorch has no cycle limit: cycleLimit = 2 .* is not applied\.$/m));
    it('says nothing when every setting is expressible', () => assert.doesNotMatch(scheduleSnippet('pytorch', settings()), /not applied|rounded/));
  });

  it('PyTorch warm-up: LinearLR from η_min/η_max to 1, then the cosine, joined by SequentialLR', () => {
    const code = scheduleSnippet('pytorch', settings((s) => Object.assign(s.schedule, { warmupSteps: 20, etaMin: 0.001 })));
    // 0.001 / 0.01 = 0.1 exactly as written, not 0.09999999999999999.
    assert.ok(
      code.includes(
        `warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, end_factor=1.0, total_iters=20)
main = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=50, T_mult=2, eta_min=0.001)
scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, main], milestones=[20])
`,
      ),
      code,
    );
  });

  it('PyTorch warm-up from η_min = 0: LinearLR needs a positive start factor, and the comment says so', () => {
    const code = scheduleSnippet('pytorch', settings((s) => (s.schedule.warmupSteps = 5)));
    assert.match(code, /LinearLR\(optimizer, start_factor=1e-8, end_factor=1\.0, total_iters=5\)/);
    assert.match(code, /^# LinearLR needs start_factor > 0/m);
  });

  it('timm expresses warm-up (as a prefix), decay, fractional multiplier and cycle limit', () => {
    const code = scheduleSnippet(
      'timm',
      settings((s) => Object.assign(s.schedule, { warmupSteps: 10, decay: 0.8, tMult: 1.5, cycleLimit: 3, etaMin: 0.0001 })),
    );
    assert.match(
      code,
      /^scheduler = CosineLRScheduler\(optimizer, t_initial=50, lr_min=0\.0001, cycle_mul=1\.5, cycle_decay=0\.8, cycle_limit=3, warmup_t=10, warmup_lr_init=0\.0001, warmup_prefix=True, t_in_epochs=False\)$/m,
    );
    assert.match(code, /^# timm does not round cycle lengths/m);
  });

  it('Keras: alpha is η_min as a fraction of η_max; no warm-up and no cycle limit are said', () => {
    const code = scheduleSnippet('keras', settings((s) => Object.assign(s.schedule, { etaMin: 0.002, warmupSteps: 10, cycleLimit: 4 })));
    assert.match(code, /CosineDecayRestarts\(initial_learning_rate=0\.01, first_decay_steps=50, t_mul=2\.0, m_mul=1\.0, alpha=0\.2\)/);
    assert.match(code, /^# This Keras schedule has no warm-up: warmupSteps = 10 is not applied\.$/m);
    assert.match(code, /^# Keras has no cycle limit: cycleLimit = 4/m);
  });

  describe('the other schedule types', () => {
    it('cosine: CosineAnnealingLR over all steps / CosineDecay', () => {
      const s = settings((s) => (s.schedule.type = 'cosine'));
      assert.match(scheduleSnippet('pytorch', s), /^scheduler = torch\.optim\.lr_scheduler\.CosineAnnealingLR\(optimizer, T_max=350, eta_min=0\)$/m);
      assert.match(scheduleSnippet('timm', s), /^scheduler = CosineLRScheduler\(optimizer, t_initial=350, lr_min=0, cycle_limit=1, t_in_epochs=False\)$/m);
      assert.match(scheduleSnippet('keras', s), /^schedule = keras\.optimizers\.schedules\.CosineDecay\(initial_learning_rate=0\.01, decay_steps=350, alpha=0\.0\)$/m);
    });

    it('step: StepLR / StepLRScheduler / a staircase ExponentialDecay', () => {
      const s = settings((s) => Object.assign(s.schedule, { type: 'step', stepSize: 100, gamma: 0.5 }));
      assert.match(scheduleSnippet('pytorch', s), /^scheduler = torch\.optim\.lr_scheduler\.StepLR\(optimizer, step_size=100, gamma=0\.5\)$/m);
      assert.match(scheduleSnippet('timm', s), /^from timm\.scheduler import StepLRScheduler$/m);
      assert.match(scheduleSnippet('timm', s), /^scheduler = StepLRScheduler\(optimizer, decay_t=100, decay_rate=0\.5, t_in_epochs=False\)$/m);
      assert.match(
        scheduleSnippet('keras', s),
        /^schedule = keras\.optimizers\.schedules\.ExponentialDecay\(initial_learning_rate=0\.01, decay_steps=100, decay_rate=0\.5, staircase=True\)$/m,
      );
    });

    it('constant: no scheduler at all', () => {
      const s = settings((s) => (s.schedule.type = 'constant'));
      for (const library of ['pytorch', 'timm'] as const) {
        const code = scheduleSnippet(library, s);
        assert.doesNotMatch(code, /^scheduler|scheduler\.step|lr_scheduler|timm\.scheduler/m);
        assert.match(code, /^# Constant learning rate: no scheduler\.$/m);
      }
      assert.match(scheduleSnippet('keras', s), /^schedule = 0\.01$/m);
    });
  });

  describe('optimizers, with PyTorch\'s defaults where a setting is null', () => {
    const line = (type: Settings['optimizer']['type'], library: 'pytorch' | 'keras' = 'pytorch') =>
      scheduleSnippet(library, settings((s) => (s.optimizer.type = type)))
        .split('\n')
        .find((l) => l.startsWith('optimizer = '));

    it('Adam: eps 1e-8, no weight decay', () => {
      assert.equal(line('adam'), 'optimizer = torch.optim.Adam(params, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)');
    });
    it('AdamW: weight decay 0.01', () => {
      assert.equal(line('adamw'), 'optimizer = torch.optim.AdamW(params, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)');
      assert.equal(
        line('adamw', 'keras'),
        'optimizer = keras.optimizers.AdamW(learning_rate=schedule, beta_1=0.9, beta_2=0.999, epsilon=1e-8, weight_decay=0.01)',
      );
    });
    it('RMSprop: alpha 0.99, momentum 0', () => {
      assert.equal(line('rmsprop'), 'optimizer = torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0)');
      assert.equal(line('rmsprop', 'keras'), 'optimizer = keras.optimizers.RMSprop(learning_rate=schedule, rho=0.99, momentum=0, epsilon=1e-8)');
    });
    it('Adagrad: eps 1e-10, and Keras without its 0.1 initial accumulator', () => {
      assert.equal(line('adagrad'), 'optimizer = torch.optim.Adagrad(params, lr=0.01, eps=1e-10, weight_decay=0)');
      assert.equal(line('adagrad', 'keras'), 'optimizer = keras.optimizers.Adagrad(learning_rate=schedule, initial_accumulator_value=0.0, epsilon=1e-10)');
    });
    it('SGD with Nesterov and weight decay; Keras says its decay is decoupled', () => {
      const s = settings((s) => Object.assign(s.optimizer, { nesterov: true, weightDecay: 0.0005 }));
      assert.match(scheduleSnippet('pytorch', s), /SGD\(params, lr=0\.01, momentum=0\.9, dampening=0, weight_decay=0\.0005, nesterov=True\)/);
      const keras = scheduleSnippet('keras', s);
      assert.match(keras, /SGD\(learning_rate=schedule, momentum=0\.9, nesterov=True, weight_decay=0\.0005\)/);
      assert.match(keras, /^# Keras decouples weight decay in every optimizer/m);
    });
  });
});
