// PyTorch's optimizers for two float64 parameters, each written as the
// `_single_tensor_*` function of torch/optim/*.py (the path PyTorch takes on
// the CPU) in the same order of floating-point operations, so a trajectory
// agrees with PyTorch's float64 one to rounding. The ATen kernels compute
// `a.add_(b, alpha=c)` as a + c·b, `a.addcmul_(b, d, value=c)` as a + c·b·d
// and `a.addcdiv_(b, d, value=c)` as a + c·b/d, left to right; the comments
// quote the Python line each statement mirrors. (PyTorch ≥ 2.1 writes Adam's
// first moment as `exp_avg.lerp_(grad, 1 − β1)`, which differs from the
// mul/add form of 1.13 below in the last bit only.)
//
// Defaults where a setting is null come from the settings module
// (effectiveMomentum/Eps/WeightDecay), so they are defined once.

import { effectiveEps, effectiveMomentum, effectiveWeightDecay, type Settings } from '../settings/settings';

export interface Optimizer {
  /** One update of the parameters `p` in place, from the gradient `g` at learning rate `lr`. */
  step(p: Float64Array, g: Float64Array, lr: number): void;
}

/** A fresh optimizer (empty state, as after construction in PyTorch) for these settings. */
export function createOptimizer(settings: Settings): Optimizer {
  const o = settings.optimizer;
  const weightDecay = effectiveWeightDecay(settings);
  const eps = effectiveEps(settings);
  const momentum = effectiveMomentum(settings);
  switch (o.type) {
    case 'sgd':
      return new Sgd(momentum, o.dampening, o.nesterov, weightDecay);
    case 'adam':
      return new Adam(o.betas[0], o.betas[1], eps, weightDecay, false);
    case 'adamw':
      return new Adam(o.betas[0], o.betas[1], eps, weightDecay, true);
    case 'rmsprop':
      return new RmsProp(o.alpha, eps, momentum, weightDecay);
    case 'adagrad':
      return new Adagrad(eps, weightDecay);
  }
}

/** torch.optim.SGD. */
class Sgd implements Optimizer {
  private readonly buf = new Float64Array(2);
  private first = true;

  constructor(
    private readonly momentum: number,
    private readonly dampening: number,
    private readonly nesterov: boolean,
    private readonly weightDecay: number,
  ) {}

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { momentum, dampening, nesterov, weightDecay, buf } = this;
    for (let i = 0; i < 2; i++) {
      let d = g[i];
      if (weightDecay !== 0) d = d + weightDecay * p[i]; // grad = grad.add(param, alpha=weight_decay)
      if (momentum !== 0) {
        // The first step copies the gradient into the buffer, without dampening.
        if (this.first) buf[i] = d; // buf = torch.clone(grad).detach()
        else buf[i] = buf[i] * momentum + (1 - dampening) * d; // buf.mul_(momentum).add_(grad, alpha=1 - dampening)
        d = nesterov ? d + momentum * buf[i] : buf[i]; // grad = grad.add(buf, alpha=momentum) / grad = buf
      }
      p[i] = p[i] + -lr * d; // param.add_(grad, alpha=-lr)
    }
    this.first = false;
  }
}

/** torch.optim.Adam, and torch.optim.AdamW when `decoupled` (weight decay applied to the parameter). */
class Adam implements Optimizer {
  private readonly expAvg = new Float64Array(2);
  private readonly expAvgSq = new Float64Array(2);
  private stepCount = 0;

  constructor(
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    private readonly decoupled: boolean,
  ) {}

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { beta1, beta2, eps, weightDecay, decoupled, expAvg, expAvgSq } = this;
    const step = ++this.stepCount; // step_t += 1
    // Scalars, computed in Python floats exactly as PyTorch does.
    const biasCorrection1 = 1 - beta1 ** step;
    const biasCorrection2 = 1 - beta2 ** step;
    const stepSize = lr / biasCorrection1;
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    for (let i = 0; i < 2; i++) {
      let d = g[i];
      if (decoupled) p[i] = p[i] * (1 - lr * weightDecay); // param.mul_(1 - lr * weight_decay)
      else if (weightDecay !== 0) d = d + weightDecay * p[i]; // grad = grad.add(param, alpha=weight_decay)
      expAvg[i] = expAvg[i] * beta1 + (1 - beta1) * d; // exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
      expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * d * d; // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
      const denom = Math.sqrt(expAvgSq[i]) / biasCorrection2Sqrt + eps; // (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
      p[i] = p[i] + (-stepSize * expAvg[i]) / denom; // param.addcdiv_(exp_avg, denom, value=-step_size)
    }
  }
}

/** torch.optim.RMSprop (not centered: the settings do not offer it). */
class RmsProp implements Optimizer {
  private readonly squareAvg = new Float64Array(2);
  private readonly buf = new Float64Array(2);

  constructor(
    private readonly alpha: number,
    private readonly eps: number,
    private readonly momentum: number,
    private readonly weightDecay: number,
  ) {}

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { alpha, eps, momentum, weightDecay, squareAvg, buf } = this;
    for (let i = 0; i < 2; i++) {
      let d = g[i];
      if (weightDecay !== 0) d = d + weightDecay * p[i]; // grad = grad.add(param, alpha=weight_decay)
      squareAvg[i] = squareAvg[i] * alpha + (1 - alpha) * d * d; // square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
      const avg = Math.sqrt(squareAvg[i]) + eps; // avg = square_avg.sqrt().add_(eps)
      if (momentum > 0) {
        // The buffer starts at zero (unlike SGD's, which starts at the first gradient).
        buf[i] = buf[i] * momentum + d / avg; // buf.mul_(momentum).addcdiv_(grad, avg)
        p[i] = p[i] + -lr * buf[i]; // param.add_(buf, alpha=-lr)
      } else {
        p[i] = p[i] + (-lr * d) / avg; // param.addcdiv_(grad, avg, value=-lr)
      }
    }
  }
}

/** torch.optim.Adagrad with lr_decay 0 and initial_accumulator_value 0. */
class Adagrad implements Optimizer {
  private readonly stateSum = new Float64Array(2);

  constructor(
    private readonly eps: number,
    private readonly weightDecay: number,
  ) {}

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { eps, weightDecay, stateSum } = this;
    // clr = lr / (1 + (step - 1) * lr_decay) is exactly lr when lr_decay is 0.
    for (let i = 0; i < 2; i++) {
      let d = g[i];
      if (weightDecay !== 0) d = d + weightDecay * p[i]; // grad = grad.add(param, alpha=weight_decay)
      stateSum[i] = stateSum[i] + d * d; // state_sum.addcmul_(grad, grad, value=1)
      const std = Math.sqrt(stateSum[i]) + eps; // std = state_sum.sqrt().add_(eps)
      p[i] = p[i] + (-lr * d) / std; // param.addcdiv_(grad, std, value=-clr)
    }
  }
}
