// "Copy Schedule as Code": the current schedule and optimizer written with a
// training library's real API, so a user can carry what they explored into
// their training script. Where the library cannot express a setting the
// snippet says so in a comment rather than silently computing something else.
// Pure (no `vscode`), so it is unit-tested against hand-written code.

import { effectiveEps, effectiveMomentum, effectiveWeightDecay, type Settings } from '../settings/settings';

export const SNIPPET_LIBRARIES = ['pytorch', 'timm', 'keras'] as const;
export type SnippetLibrary = (typeof SNIPPET_LIBRARIES)[number];

export const LIBRARY_LABELS: Record<SnippetLibrary, string> = {
  pytorch: 'PyTorch (torch.optim.lr_scheduler)',
  timm: 'timm (timm.scheduler.CosineLRScheduler)',
  keras: 'Keras (keras.optimizers.schedules)',
};

export function isSnippetLibrary(v: unknown): v is SnippetLibrary {
  return typeof v === 'string' && (SNIPPET_LIBRARIES as readonly string[]).includes(v);
}

/** A Python literal for a number; `float` adds ".0" where the API documents a float. */
function py(v: number, float = false): string {
  const text = String(v);
  return float && Number.isInteger(v) ? `${text}.0` : text;
}

/** A computed ratio, rounded to 12 significant digits so 0.001/0.01 reads 0.1, not 0.09999999999999999. */
function ratio(a: number, b: number, float = false): string {
  return py(Number((a / b).toPrecision(12)), float);
}

/** The training loop of PyTorch and timm, with the scheduler's call, if any, after optimizer.step(). */
function torchLoop(steps: number, schedulerStep?: { call: string; comment: string }): string[] {
  return [
    '',
    ...(schedulerStep ? [`# ${schedulerStep.comment}`] : []),
    `for step in range(${steps}):`,
    '    optimizer.zero_grad()',
    '    ...  # loss = f(params); loss.backward()',
    '    optimizer.step()',
    ...(schedulerStep ? [`    ${schedulerStep.call}`] : []),
  ];
}

function isIntegerMultiplier(s: Settings): boolean {
  return Number.isInteger(s.schedule.tMult);
}

export function scheduleSnippet(library: SnippetLibrary, s: Settings): string {
  const lines = library === 'pytorch' ? pytorch(s) : library === 'timm' ? timm(s) : keras(s);
  return lines.join('\n') + '\n';
}

// ---- PyTorch and timm share torch.optim ----

function torchOptimizer(s: Settings): string {
  const o = s.optimizer;
  const lr = py(s.schedule.etaMax);
  const wd = py(effectiveWeightDecay(s));
  const eps = py(effectiveEps(s));
  switch (o.type) {
    case 'sgd':
      return (
        `optimizer = torch.optim.SGD(params, lr=${lr}, momentum=${py(effectiveMomentum(s))}, ` +
        `dampening=${py(o.dampening)}, weight_decay=${wd}, nesterov=${o.nesterov ? 'True' : 'False'})`
      );
    case 'adam':
    case 'adamw':
      return (
        `optimizer = torch.optim.${o.type === 'adam' ? 'Adam' : 'AdamW'}(params, lr=${lr}, ` +
        `betas=(${py(o.betas[0])}, ${py(o.betas[1])}), eps=${eps}, weight_decay=${wd})`
      );
    case 'rmsprop':
      return (
        `optimizer = torch.optim.RMSprop(params, lr=${lr}, alpha=${py(o.alpha)}, eps=${eps}, ` +
        `weight_decay=${wd}, momentum=${py(effectiveMomentum(s))})`
      );
    case 'adagrad':
      return `optimizer = torch.optim.Adagrad(params, lr=${lr}, eps=${eps}, weight_decay=${wd})`;
  }
}

function pytorch(s: Settings): string[] {
  const c = s.schedule;
  const steps = s.simulation.steps;
  const out = ['import torch', '', '# params: your model.parameters()', torchOptimizer(s)];
  const notes: string[] = [];
  let scheduler: string;
  switch (c.type) {
    case 'constant':
      out.push('# Constant learning rate: no scheduler.', ...torchLoop(steps));
      return out;
    case 'step':
      scheduler = `torch.optim.lr_scheduler.StepLR(optimizer, step_size=${c.stepSize}, gamma=${py(c.gamma)})`;
      break;
    case 'cosine':
      scheduler = `torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=${steps}, eta_min=${py(c.etaMin)})`;
      break;
    case 'sgdr': {
      const tMult = isIntegerMultiplier(s) ? c.tMult : Math.max(1, Math.round(c.tMult));
      scheduler =
        `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=${c.t0}, ` +
        `T_mult=${tMult}, eta_min=${py(c.etaMin)})`;
      if (!isIntegerMultiplier(s)) {
        notes.push(`# PyTorch needs an integer T_mult: tMult = ${py(c.tMult)} is rounded to ${tMult} here.`);
      }
      if (c.decay !== 1) {
        notes.push(`# PyTorch has no peak decay: decay = ${py(c.decay)} (η_max × decay after each restart) is not applied.`);
      }
      if (c.cycleLimit > 0) {
        notes.push(`# PyTorch has no cycle limit: cycleLimit = ${c.cycleLimit} (then η stays at η_min) is not applied.`);
      }
      break;
    }
  }
  out.push(...notes);
  // Warm-up, decay and cycleLimit belong to sgdr only (as in the engine).
  if (c.warmupSteps > 0 && c.type === 'sgdr') {
    // LinearLR scales the optimizer's lr by a factor going from start_factor to 1.
    const startFactor = c.etaMax > 0 && c.etaMin > 0 ? ratio(c.etaMin, c.etaMax) : '1e-8';
    if (startFactor === '1e-8') {
      out.push('# LinearLR needs start_factor > 0, so the warm-up starts at 1e-8 × η_max instead of η_min = 0.');
    }
    out.push(
      `warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=${startFactor}, end_factor=1.0, total_iters=${c.warmupSteps})`,
      `main = ${scheduler}`,
      `scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, main], milestones=[${c.warmupSteps}])`,
    );
  } else {
    out.push(`scheduler = ${scheduler}`);
  }
  out.push(...torchLoop(steps, { call: 'scheduler.step()', comment: 'One scheduler step per update, as the preview simulates.' }));
  return out;
}

function timm(s: Settings): string[] {
  const c = s.schedule;
  const steps = s.simulation.steps;
  const scheduler = c.type === 'step' ? 'StepLRScheduler' : 'CosineLRScheduler';
  const out = ['import torch'];
  if (c.type !== 'constant') out.push(`from timm.scheduler import ${scheduler}`);
  out.push('', '# params: your model.parameters()', torchOptimizer(s));
  // warmup_prefix=True starts the first cycle after the warm-up, as the preview does.
  const warmup = c.type === 'sgdr' && c.warmupSteps > 0 ? `, warmup_t=${c.warmupSteps}, warmup_lr_init=${py(c.etaMin)}, warmup_prefix=True` : '';
  switch (c.type) {
    case 'constant':
      out.push('# Constant learning rate: no scheduler.', ...torchLoop(steps));
      return out;
    case 'step':
      out.push(
        `scheduler = StepLRScheduler(optimizer, decay_t=${c.stepSize}, decay_rate=${py(c.gamma)}, t_in_epochs=False)`,
      );
      break;
    case 'cosine':
      out.push(
        `scheduler = CosineLRScheduler(optimizer, t_initial=${steps}, lr_min=${py(c.etaMin)}, cycle_limit=1, t_in_epochs=False)`,
      );
      break;
    case 'sgdr':
      if (!isIntegerMultiplier(s)) {
        out.push(
          `# timm does not round cycle lengths: with cycle_mul = ${py(c.tMult)} cycle i lasts ${c.t0}·${py(c.tMult)}^i steps, not round(${c.t0}·${py(c.tMult)}^i).`,
        );
      }
      if (c.cycleLimit === 0) {
        out.push(`# Unlimited cycles: timm's cycle_limit=0 would mean none, and ${steps} updates hold fewer than ${steps} cycles.`);
      }
      out.push(
        `scheduler = CosineLRScheduler(optimizer, t_initial=${c.t0}, lr_min=${py(c.etaMin)}, ` +
          `cycle_mul=${py(c.tMult, true)}, cycle_decay=${py(c.decay, true)}, ` +
          `cycle_limit=${c.cycleLimit === 0 ? steps : c.cycleLimit}${warmup}, t_in_epochs=False)`,
      );
      break;
  }
  out.push(
    ...torchLoop(steps, {
      call: 'scheduler.step_update(num_updates=step + 1)',
      comment: 't_in_epochs=False: the schedule advances once per update.',
    }),
  );
  return out;
}

// ---- Keras ----

function kerasOptimizer(s: Settings): { line: string; notes: string[] } {
  const o = s.optimizer;
  const notes: string[] = [];
  const wd = effectiveWeightDecay(s);
  const eps = py(effectiveEps(s));
  // Keras applies weight_decay decoupled (as AdamW) in every optimizer.
  const decay = wd > 0 ? `, weight_decay=${py(wd)}` : '';
  if (wd > 0 && o.type !== 'adamw') {
    notes.push(`# Keras decouples weight decay in every optimizer; PyTorch's ${o.type} adds it to the gradient (L2).`);
  }
  let line: string;
  switch (o.type) {
    case 'sgd': {
      const m = effectiveMomentum(s);
      line = `optimizer = keras.optimizers.SGD(learning_rate=schedule, momentum=${py(m)}, nesterov=${o.nesterov ? 'True' : 'False'}${decay})`;
      if (m > 0) notes.push('# Keras SGD scales the velocity by the learning rate before accumulating; with a changing rate its path differs slightly from PyTorch\'s.');
      if (o.dampening !== 0) notes.push(`# Keras SGD has no dampening: dampening = ${py(o.dampening)} is not applied.`);
      break;
    }
    case 'adam':
    case 'adamw':
      line =
        `optimizer = keras.optimizers.${o.type === 'adam' ? 'Adam' : 'AdamW'}(learning_rate=schedule, ` +
        `beta_1=${py(o.betas[0])}, beta_2=${py(o.betas[1])}, epsilon=${eps}${o.type === 'adamw' ? `, weight_decay=${py(wd)}` : decay})`;
      notes.push('# Keras adds epsilon to the uncorrected sqrt(v), PyTorch to the bias-corrected one: tiny differences near zero gradients.');
      break;
    case 'rmsprop':
      line = `optimizer = keras.optimizers.RMSprop(learning_rate=schedule, rho=${py(o.alpha)}, momentum=${py(effectiveMomentum(s))}, epsilon=${eps}${decay})`;
      break;
    case 'adagrad':
      line = `optimizer = keras.optimizers.Adagrad(learning_rate=schedule, initial_accumulator_value=0.0, epsilon=${eps}${decay})`;
      break;
  }
  return { line, notes };
}

function keras(s: Settings): string[] {
  const c = s.schedule;
  const steps = s.simulation.steps;
  const out = ['import keras', ''];
  // Keras schedules take the floor as a fraction of the initial rate.
  const alpha = c.etaMax > 0 ? ratio(c.etaMin, c.etaMax, true) : '0.0';
  switch (c.type) {
    case 'constant':
      out.push(`schedule = ${py(c.etaMax, true)}`);
      break;
    case 'step':
      out.push(
        `schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=${py(c.etaMax, true)}, ` +
          `decay_steps=${c.stepSize}, decay_rate=${py(c.gamma, true)}, staircase=True)`,
      );
      break;
    case 'cosine':
      out.push(
        `schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=${py(c.etaMax, true)}, ` +
          `decay_steps=${steps}, alpha=${alpha})`,
      );
      break;
    case 'sgdr':
      if (!isIntegerMultiplier(s)) {
        out.push(
          `# Keras does not round cycle lengths: with t_mul = ${py(c.tMult)} cycle i lasts ${c.t0}·${py(c.tMult)}^i steps, not round(${c.t0}·${py(c.tMult)}^i).`,
        );
      }
      if (c.decay !== 1 && c.etaMin > 0) {
        out.push(`# Keras's m_mul scales η_max − η_min, not η_max: with η_min > 0 the decayed peaks differ slightly.`);
      }
      if (c.cycleLimit > 0) {
        out.push(`# Keras has no cycle limit: cycleLimit = ${c.cycleLimit} (then η stays at η_min) is not applied.`);
      }
      out.push(
        `schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=${py(c.etaMax, true)}, ` +
          `first_decay_steps=${c.t0}, t_mul=${py(c.tMult, true)}, m_mul=${py(c.decay, true)}, alpha=${alpha})`,
      );
      break;
  }
  if (c.warmupSteps > 0 && c.type === 'sgdr') {
    out.push(`# This Keras schedule has no warm-up: warmupSteps = ${c.warmupSteps} is not applied.`);
  }
  const optimizer = kerasOptimizer(s);
  out.push(...optimizer.notes, optimizer.line, '', `# The schedule advances once per update (optimizer.iterations); ${steps} updates in the preview.`);
  return out;
}
