/**
 * The optimizers' per-parameter updates as one engine call (PyTorch's `foreach`/fused idea): each element goes
 * through exactly the rounded operations the op-by-op update performs (src/python/torch/optim/adam.py and
 * _functional.py, which follow PyTorch's `_single_tensor_adam`), so results and version counters are
 * bit-identical to it. One call replaces about fifteen crossings from Python per parameter.
 */
import { castValue, DType, isFloating } from '../dtype';
import { gradMode } from '../graph';
import { Tensor } from '../tensor';

/**
 * The scalars of one step. The Python side computes the bias corrections with Python's own `**` (CPython's pow,
 * not V8's, may round differently in the last bit), as the op-by-op update does.
 */
export interface AdamHyper {
  /** The step counter after this step's `+= 1`. */
  step: number;
  lr: number;
  beta1: number;
  beta2: number;
  weightDecay: number;
  eps: number;
  maximize: boolean;
  decoupled: boolean;
  /** `-lr / (1 - beta1 ** step)`, addcdiv_'s value. */
  negStepSize: number;
  /** `(1 - beta2 ** step) ** 0.5`. */
  biasCorrection2Sqrt: number;
}

/**
 * Whether the tensors can take the fused update: grad mode off (a differentiable step records its ops), one
 * floating dtype, one size, contiguous storage each, nothing but the parameter tracked by autograd.
 */
export function adamFusable(param: Tensor, grad: Tensor, expAvg: Tensor, expAvgSq: Tensor, maxExpAvgSq: Tensor | null, step: Tensor): boolean {
  if (gradMode.enabled) return false;
  const dt = param.dtype;
  if (!isFloating(dt) || step.numel !== 1 || !isFloating(step.dtype)) return false;
  const all = maxExpAvgSq ? [grad, expAvg, expAvgSq, maxExpAvgSq] : [grad, expAvg, expAvgSq];
  if (!param.isContiguous() || param.gradFn !== null || param.base !== null) return false;
  return all.every((t) => t.dtype === dt && t.numel === param.numel && t.isContiguous() && !t.requiresGrad);
}

/**
 * One Adam/AdamW step for one parameter: `step += 1`, weight decay, `exp_avg.lerp_(grad, 1 - beta1)`,
 * `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)`, then
 * `param.addcdiv_(exp_avg, (exp_avg_sq.sqrt() / sqrt(bc2)).add_(eps), value=-lr / bc1)` (amsgrad: the running
 * maximum of exp_avg_sq in the denominator).
 */
export function adamStep(param: Tensor, grad: Tensor, expAvg: Tensor, expAvgSq: Tensor, maxExpAvgSq: Tensor | null, step: Tensor, h: AdamHyper): void {
  const dt = param.dtype;
  const r = rounding(dt);
  const s = (v: number): number => castValue(dt, v);
  step.data[step.offset] = h.step;
  const n = param.numel;
  const p = param.data;
  const po = param.offset;
  const g = grad.data;
  const go = grad.offset;
  const m = expAvg.data;
  const mo = expAvg.offset;
  const v = expAvgSq.data;
  const vo = expAvgSq.offset;
  const mx = maxExpAvgSq?.data;
  const mxo = maxExpAvgSq?.offset ?? 0;

  const { lr, beta1, beta2, weightDecay, eps } = h;
  const decay = weightDecay !== 0 ? (h.decoupled ? s(1 - lr * weightDecay) : s(weightDecay)) : 0;
  const w = 1 - beta1;
  const lerpSmall = Math.abs(w) < 0.5;
  const lerpW = s(lerpSmall ? w : 1 - w);
  const b2 = s(beta2);
  const c2 = 1 - beta2;
  const c2s = s(c2);
  const bc2Sqrt = s(h.biasCorrection2Sqrt);
  const epsS = s(eps);
  const stepSize = s(h.negStepSize);

  for (let i = 0; i < n; i++) {
    let gi = h.maximize ? -g[go + i] : g[go + i];
    let pi = p[po + i];
    if (weightDecay !== 0) {
      if (h.decoupled) pi = r(pi * decay);
      else gi = r(gi + decay * pi);
    }
    const mi0 = m[mo + i];
    const diff = r(gi - mi0);
    const mi = lerpSmall ? r(mi0 + lerpW * diff) : r(gi - lerpW * diff);
    m[mo + i] = mi;
    // addcmul_ with value != 1: (grad * value) * grad, added to exp_avg_sq after its mul_(beta2).
    const vi = r(r(v[vo + i] * b2) + (c2 === 1 ? r(gi * gi) : r(r(gi * c2s) * gi)));
    v[vo + i] = vi;
    let si = vi;
    if (mx) {
      const prev = mx[mxo + i];
      si = prev !== prev || vi !== vi ? NaN : prev > vi ? prev : vi;
      mx[mxo + i] = si;
    }
    const denom = r(r(r(Math.sqrt(si)) / bc2Sqrt) + epsS);
    p[po + i] = r(pi + r(r(mi * stepSize) / denom));
  }
  // The version counters advance as the op-by-op update's in-place ops do.
  step.bumpVersion();
  param.bumpVersion();
  if (weightDecay !== 0 && h.decoupled) param.bumpVersion();
  expAvg.bumpVersion();
  expAvgSq.bumpVersion();
  expAvgSq.bumpVersion();
  maxExpAvgSq?.bumpVersion();
}

function rounding(dt: DType): (v: number) => number {
  if (dt === 'float32') return Math.fround;
  if (dt === 'float64') return (v) => v;
  return (v) => castValue(dt, v);
}
