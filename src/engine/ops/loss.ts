/**
 * The loss functions of torch.nn.functional (MSE, L1, smooth L1, Huber, BCE, BCE with logits, NLL, cross
 * entropy) with PyTorch's argument checks and reductions. Each is built the way PyTorch builds it, so the graph
 * view shows the same nodes: l1_loss is composed from abs and a reduction, while MSE, BCE and NLL are one node
 * with their own backward formula.
 */
import { record, withGradMode } from '../graph';
import { indexError, runtimeError, valueError } from '../errors';
import { fromValues } from '../creation';
import { Tensor } from '../tensor';
import { sameShape } from '../shape';
import { abs, add, cast, div, exp, gt, le, log, mul, neg, relu, rsub, sigmoid, sign, sub, where } from './elementwise';
import { isFloating, roundStored, SCALAR_TYPE_NAMES } from '../dtype';
import { mean, sum, sumToShape, logSoftmax } from './reduce';
import { expand, reshape, unsqueeze } from './views';

export type Reduction = 'mean' | 'sum' | 'none';

function checkReduction(r: string): Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw valueError(`${r} is not a valid value for reduction`);
  return r;
}

function noGrad<T>(f: () => T): T {
  return withGradMode(false, f);
}

function reduce(x: Tensor, r: Reduction): Tensor {
  return r === 'mean' ? mean(x) : r === 'sum' ? sum(x) : x;
}

/** Gradient of the reduction, broadcast back over the elementwise loss's shape. */
function reduceGrad(g: Tensor, like: Tensor, r: Reduction): Tensor {
  if (r === 'none') return g;
  const e = expand(g, like.shape);
  return r === 'mean' ? div(e, like.numel) : e;
}

/** One node over an elementwise loss: `value` computes the per-element loss, `dloss` its derivative w.r.t. input. */
function pointwiseLoss(
  name: string,
  input: Tensor,
  target: Tensor,
  reduction: string,
  value: (x: Tensor, y: Tensor) => Tensor,
  dloss: (x: Tensor, y: Tensor) => Tensor,
): Tensor {
  const r = checkReduction(reduction);
  const out = noGrad(() => reduce(value(input, target), r));
  return record(name, out, [input, target], [input, target], (g, s, needs) => {
    const [x, y] = s;
    const d = dloss(x, y);
    const gd = mul(reduceGrad(g, d, r), d);
    return [needs[0] ? sumToShape(gd, x.shape) : null, needs[1] ? sumToShape(neg(gd), y.shape) : null];
  });
}

export function mseLoss(input: Tensor, target: Tensor, reduction = 'mean'): Tensor {
  return pointwiseLoss('MseLossBackward0', input, target, reduction, (x, y) => { const d = sub(x, y); return mul(d, d); }, (x, y) => mul(sub(x, y), 2));
}

/** PyTorch composes l1_loss from abs and a reduction, so its graph shows MeanBackward0/SumBackward0. */
export function l1Loss(input: Tensor, target: Tensor, reduction = 'mean'): Tensor {
  return reduce(abs(sub(input, target)), checkReduction(reduction));
}

export function smoothL1Loss(input: Tensor, target: Tensor, reduction = 'mean', beta = 1): Tensor {
  if (beta === 0) return l1Loss(input, target, reduction);
  return pointwiseLoss(
    'SmoothL1LossBackward0', input, target, reduction,
    (x, y) => { const d = abs(sub(x, y)); return where(gt(d, beta), sub(d, 0.5 * beta), div(mul(mul(d, d), 0.5), beta)); },
    (x, y) => { const d = sub(x, y); return where(gt(abs(d), beta), sign(d), div(d, beta)); },
  );
}

export function huberLoss(input: Tensor, target: Tensor, reduction = 'mean', delta = 1): Tensor {
  return pointwiseLoss(
    'HuberLossBackward0', input, target, reduction,
    (x, y) => { const d = abs(sub(x, y)); return where(le(d, delta), mul(mul(d, d), 0.5), mul(sub(d, 0.5 * delta), delta)); },
    (x, y) => { const d = sub(x, y); return where(le(abs(d), delta), d, mul(sign(d), delta)); },
  );
}

export function binaryCrossEntropy(input: Tensor, target: Tensor, weight: Tensor | null = null, reduction = 'mean'): Tensor {
  const r = checkReduction(reduction);
  if (input.numel !== target.numel) {
    throw valueError(`Using a target size (torch.Size([${target.shape.join(', ')}])) that is different to the input size (torch.Size([${input.shape.join(', ')}])) is deprecated. Please ensure they have the same size.`);
  }
  const vals = input.values(true);
  for (let i = 0; i < vals.length; i++) {
    if (!(vals[i] >= 0 && vals[i] <= 1)) throw runtimeError('all elements of input should be between 0 and 1');
  }
  // log is clamped at -100 like PyTorch, so a 0 or 1 prediction gives a finite loss.
  const clampLog = (t: Tensor) => noGrad(() => where(gt(log(t), -100), log(t), -100));
  const out = noGrad(() => {
    let l = neg(add(mul(target, clampLog(input)), mul(rsub(target, 1), clampLog(rsub(input, 1)))));
    if (weight) l = mul(l, weight);
    return reduce(l, r);
  });
  return record('BinaryCrossEntropyBackward0', out, [input, target], [input, target], (g, s, needs) => {
    const [x, y] = s;
    const denom = mul(x, rsub(x, 1));
    let d = div(sub(x, y), where(gt(denom, 1e-12), denom, 1e-12));
    if (weight) d = mul(d, weight);
    const gd = mul(reduceGrad(g, d, r), d);
    const dy = mul(reduceGrad(g, d, r), sub(clampLog(rsub(x, 1)), clampLog(x)));
    return [needs[0] ? gd : null, needs[1] ? (weight ? mul(dy, weight) : dy) : null];
  });
}

export function bceWithLogits(input: Tensor, target: Tensor, weight: Tensor | null = null, posWeight: Tensor | null = null, reduction = 'mean'): Tensor {
  const r = checkReduction(reduction);
  if (input.numel !== target.numel || input.ndim !== target.ndim) {
    if (input.shape.join() !== target.shape.join()) {
      throw valueError(`Target size (torch.Size([${target.shape.join(', ')}])) must be the same as input size (torch.Size([${input.shape.join(', ')}]))`);
    }
  }
  const loss = (x: Tensor, y: Tensor): Tensor => {
    // (1 - y) * x + (1 + (pw - 1) * y) * (log(1 + exp(-|x|)) + max(-x, 0)), the stable form PyTorch uses.
    const logTerm = add(log(add(exp(neg(abs(x))), 1)), relu(neg(x)));
    const lw = posWeight ? add(mul(sub(posWeight, 1), y), 1) : null;
    let l = add(mul(rsub(y, 1), x), lw ? mul(lw, logTerm) : logTerm);
    if (weight) l = mul(l, weight);
    return l;
  };
  // PyTorch computes this as (1 - target).mul_(input)..., in place on a tensor of the target's dtype,
  // so the loss takes the target's dtype even when the input is float64.
  const out = noGrad(() => cast(reduce(loss(input, target), r), isFloating(target.dtype) ? target.dtype : input.dtype));
  return record('BinaryCrossEntropyWithLogitsBackward0', out, [input, target], [input, target], (g, s, needs) => {
    const [x, y] = s;
    const sg = sigmoid(x);
    let d = posWeight ? sub(mul(sg, add(mul(sub(posWeight, 1), y), 1)), mul(posWeight, y)) : sub(sg, y);
    if (weight) d = mul(d, weight);
    const gg = reduceGrad(g, d, r);
    const dy = mul(neg(x), weight ?? 1);
    return [needs[0] ? cast(mul(gg, d), x.dtype) : null, needs[1] ? cast(mul(gg, dy), y.dtype) : null];
  });
}

/** nll_loss over class dim 1 (or 0 for a single sample), with class weights and ignore_index. */
export function nllLoss(logp: Tensor, target: Tensor, weight: Tensor | null = null, reduction = 'mean', ignoreIndex = -100): Tensor {
  const r = checkReduction(reduction);
  if (target.dtype !== 'int64') {
    throw runtimeError(`expected scalar type Long but found ${SCALAR_TYPE_NAMES[target.dtype]}`);
  }
  const single = logp.ndim === 1;
  const x = single ? unsqueeze(logp, 0) : logp;
  const t = single ? reshape(target, [1]) : target;
  if (x.ndim !== 2) throw runtimeError('Autograd Playground supports nll_loss / cross_entropy on (N, C) or (C,) inputs');
  const [n, c] = x.shape;
  if (t.numel !== n) throw valueError(`Expected input batch_size (${n}) to match target batch_size (${t.numel}).`);
  const tv = t.values(true);
  const xv = x.values(true);
  const wv = weight ? weight.values(true) : null;
  const per = new Float64Array(n);
  const wts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = tv[i];
    if (k === ignoreIndex) continue;
    if (k < 0 || k >= c) throw indexError(`Target ${k} is out of bounds.`);
    const w = wv ? wv[k] : 1;
    per[i] = -xv[i * c + k] * w;
    wts[i] = w;
  }
  const totalW = wts.reduce((a, b) => a + b, 0);
  const dtype = logp.dtype;
  const total = per.reduce((a, b) => a + b, 0);
  const out = r === 'none'
    ? fromValues(per, single ? [] : [n], dtype)
    : fromValues([r === 'sum' ? total : total / totalW], [], dtype);
  return record('NllLossBackward0', out, [logp], [], (g) => {
    // d/dx[i, t_i] = -w_{t_i} (scaled by the reduction); everything else 0.
    const coef = new Float64Array(n * c);
    for (let i = 0; i < n; i++) {
      const k = tv[i];
      if (k === ignoreIndex) continue;
      coef[i * c + k] = -(wv ? wv[k] : 1) / (r === 'mean' ? totalW : 1);
    }
    const coefT = new Tensor(dtype === 'float64' ? coef : roundStored(dtype, Float32Array.from(coef)), [n, c], [c, 1], 0, dtype);
    const gb = r === 'none' ? unsqueeze(single ? reshape(g, [1]) : g, 1) : g;
    const gx = mul(coefT, gb);
    return [single ? reshape(gx, [c]) : gx];
  });
}


export function crossEntropy(input: Tensor, target: Tensor, weight: Tensor | null = null, reduction = 'mean', ignoreIndex = -100, labelSmoothing = 0): Tensor {
  const classDim = input.ndim === 1 ? 0 : 1;
  const lp = logSoftmax(input, classDim);
  // As PyTorch decides: a target of the input's shape holds class probabilities, anything else class indices.
  if (sameShape(input.shape, target.shape)) {
    if (!isFloating(target.dtype)) throw runtimeError(`Expected floating point type for target with class probabilities, got ${SCALAR_TYPE_NAMES[target.dtype]}`);
    const r = checkReduction(reduction);
    const l = neg(sum(mul(lp, weight ? mul(target, weight) : target), classDim));
    return r === 'mean' ? div(sum(l), input.ndim === 1 ? 1 : input.shape[0]) : r === 'sum' ? sum(l) : l;
  }
  if (labelSmoothing > 0) {
    const nll = nllLoss(lp, target, weight, reduction, ignoreIndex);
    const c = input.shape[classDim];
    const smooth = neg(sum(lp, classDim));
    const sm = reduction === 'mean' ? mean(smooth) : reduction === 'sum' ? sum(smooth) : smooth;
    return add(mul(nll, 1 - labelSmoothing), mul(sm, labelSmoothing / c));
  }
  return nllLoss(lp, target, weight, reduction, ignoreIndex);
}
