/**
 * The losses PyTorch's ATen builds from other ops (kl_div, cosine_embedding, margin_ranking, hinge_embedding,
 * poisson_nll, triplet_margin) composed here in the same order, so values round alike and the graph shows the
 * same nodes; and the two with a fused kernel and backward of their own (soft_margin_loss, multi_margin_loss).
 */
import { record, relabel, withGradMode } from '../graph';
import { runtimeError, valueError } from '../errors';
import { fromValues, zeros } from '../creation';
import { formatShapeList } from '../shape';
import { Tensor } from '../tensor';
import {
  add, cast, div, eq, exp, gradFor, le, log, log1p, minimum, mul, ne, neg, sqrt, sub, where,
} from './elementwise';
import { maskedFill } from './indexing';
import { clampOneSide } from './clampOneSide';
import { mean, norm, sum } from './reduce';
import { mapBinary } from '../kernels';


type Reduction = 'mean' | 'sum' | 'none';

function checkReduction(r: string): Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw valueError(`${r} is not a valid value for reduction`);
  return r;
}

function reduce(x: Tensor, r: Reduction): Tensor {
  return r === 'mean' ? mean(x) : r === 'sum' ? sum(x) : x;
}

function noGrad<T>(f: () => T): T {
  return withGradMode(false, f);
}

const addScalar = (t: Tensor, s: number): Tensor => relabel(add(t, s), 'AddBackward1');
const subScalar = (t: Tensor, s: number): Tensor => relabel(sub(t, s), 'SubBackward1');

/** xlogy(x, y): 0 where x is 0 (unless y is NaN), else x·log(y); XlogyBackward0. */
export function xlogy(x: Tensor, y: Tensor): Tensor {
  const dt = x.dtype;
  const out = mapBinary(x, y, dt, (a, b) => (Number.isNaN(b) ? NaN : a === 0 ? 0 : a * Math.fround(Math.log(b))));
  return record('XlogyBackward0', out, [x, y], [x, y], (g, s, needs) => {
    const [a, b] = s;
    return [
      needs[0] ? gradFor(mul(g, noGrad(() => xlogy(cast(ne(a, 0), a.dtype), b))), a) : null,
      needs[1] ? gradFor(div(mul(g, a), b), b) : null,
    ];
  });
}

/** torch.kl_div's kernel: the pointwise loss and the reduction ('batchmean' is 'sum' here; Python divides). */
export function klDiv(input: Tensor, target: Tensor, reduction: string, logTarget: boolean): Tensor {
  const r = checkReduction(reduction);
  const out = logTarget ? mul(exp(target), sub(target, input)) : sub(xlogy(target, target), mul(target, input));
  return reduce(out, r);
}

export function cosineEmbeddingLoss(a: Tensor, b: Tensor, target: Tensor, margin: number, reduction: string): Tensor {
  const r = checkReduction(reduction);
  const td = target.shape.length;
  if (td !== 1 && td !== 0) throw runtimeError('0D or 1D target tensor expected, multi-target not supported');
  const want = td === 1 ? 2 : 1;
  if (a.shape.length !== want || b.shape.length !== want) {
    throw runtimeError(
      `${td}D target tensor expects ${want}D input tensors, but found inputs with sizes ${formatShapeList(a.shape)} and ${formatShapeList(b.shape)}.`,
    );
  }
  const prodSum = sum(mul(a, b), td);
  const mag1 = addScalar(sum(mul(a, a), td), 1e-12);
  const mag2 = addScalar(sum(mul(b, b), td), 1e-12);
  const cos = div(prodSum, sqrt(mul(mag1, mag2)));
  const z = zeros(cos.shape, cos.dtype);
  const pos = sub(fromValues([1], [], cos.dtype), cos);
  const negPart = clampOneSide(subScalar(cos, margin), 0, 'min');
  return reduce(add(where(eq(target, 1), pos, z), where(eq(target, -1), negPart, z)), r);
}

export function marginRankingLoss(a: Tensor, b: Tensor, target: Tensor, margin: number, reduction: string): Tensor {
  const r = checkReduction(reduction);
  return reduce(clampOneSide(addScalar(mul(neg(target), sub(a, b)), margin), 0, 'min'), r);
}

export function hingeEmbeddingLoss(input: Tensor, target: Tensor, margin: number, reduction: string): Tensor {
  const r = checkReduction(reduction);
  const z = zeros(input.shape, input.dtype);
  const clamped = clampOneSide(sub(margin, input), 0, 'min');
  return reduce(add(where(ne(target, 1), clamped, z), where(ne(target, -1), input, z)), r);
}

export function poissonNllLoss(input: Tensor, target: Tensor, logInput: boolean, full: boolean, eps: number, reduction: string): Tensor {
  const r = checkReduction(reduction);
  let loss = logInput ? sub(exp(input), mul(target, input)) : sub(input, mul(target, log(addScalar(input, eps))));
  if (full) {
    const stirling = add(sub(mul(target, log(target)), target), mul(log(mul(target, 2 * Math.PI)), 0.5));
    loss = add(loss, maskedFill(stirling, le(target, 1), 0));
  }
  return reduce(loss, r);
}

function pairwiseDistance(x1: Tensor, x2: Tensor, p: number, eps: number): Tensor {
  const dim = Math.max(x1.shape.length, x2.shape.length) - 1;
  return relabel(norm(addScalar(sub(x1, x2), eps), p, dim, false), 'NormBackward1');
}

export function tripletMarginLoss(
  anchor: Tensor, positive: Tensor, negative: Tensor, margin: number, p: number, eps: number, swap: boolean, reduction: string,
): Tensor {
  const r = checkReduction(reduction);
  const [ad, pd, nd] = [anchor.shape.length, positive.shape.length, negative.shape.length];
  if (ad !== pd || pd !== nd) {
    throw runtimeError(
      'The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: ' +
        `anchor ${ad}D, positive ${pd}D, and negative ${nd}D inputs`,
    );
  }
  const dPos = pairwiseDistance(anchor, positive, p, eps);
  let dNeg = pairwiseDistance(anchor, negative, p, eps);
  if (swap) dNeg = minimum(dNeg, pairwiseDistance(positive, negative, p, eps));
  return reduce(clampOneSide(sub(addScalar(dPos, margin), dNeg), 0, 'min'), r);
}

function notDifferentiable(fn: string, arg: string, t: Tensor | null): void {
  if (t !== null && t.requiresGrad) {
    throw runtimeError(`The function '${fn}' is not differentiable with respect to argument '${arg}'. This input cannot have requires_grad True.`);
  }
}

/** log(1 + exp(-y·x)), one node (SoftMarginLossBackward0) as in ATen. */
export function softMarginLoss(input: Tensor, target: Tensor, reduction: string): Tensor {
  const r = checkReduction(reduction);
  notDifferentiable('soft_margin_loss', 'target', target);
  const out = noGrad(() => reduce(log1p(exp(mul(neg(input), target))), r));
  return record('SoftMarginLossBackward0', out, [input], [input, target], (g, s) => {
    const [x, y] = s;
    const scale = r === 'mean' ? 1 / x.numel : 1;
    const z = exp(mul(neg(y), x));
    return [gradFor(mul(div(mul(mul(y, z), -scale), add(z, 1)), g), x)];
  });
}

function rowsOf(input: Tensor): [number, number] {
  const nd = input.shape.length;
  if (nd === 0) return [1, 1];
  if (nd === 1) return [1, input.shape[0]];
  return [input.shape[0], input.shape[1]];
}

/** The multi-class hinge: ATen's CPU kernel (float32 sums in class order), one node (MultiMarginLossBackward0). */
export function multiMarginLoss(input: Tensor, target: Tensor, p: number, margin: number, weightOrNone: Tensor | null | undefined, reduction: string): Tensor {
  const weight = weightOrNone ?? null;
  const r = checkReduction(reduction);
  if (p !== 1 && p !== 2) throw runtimeError('only p == 1 and p == 2 supported');
  const nd = input.shape.length;
  const [n, dim] = rowsOf(input);
  if (!((nd === 2 && dim !== 0) || (nd === 1 && dim !== 0) || nd === 0)) {
    throw runtimeError(`Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${formatShapeList(input.shape)}`);
  }
  if (target.shape.length > 1 || target.numel !== n) {
    throw runtimeError(`inconsistent target size, expected ${n} but got ${formatShapeList(target.shape)}`);
  }
  if (weight !== null && (weight.shape.length > 1 || weight.numel !== dim)) {
    throw runtimeError(`inconsistent weight size, expected ${dim} but got ${formatShapeList(weight.shape)}`);
  }
  notDifferentiable('multi_margin_loss', 'weight', weight);
  const x = input.toNumberArray();
  const t = target.toNumberArray();
  const w = weight === null ? null : weight.toNumberArray();
  const f = input.dtype === 'float64' ? (v: number) => v : Math.fround;
  const m = f(margin);
  for (let i = 0; i < n; i++) {
    const k = Number(t[i]);
    if (k < 0 || k >= dim) throw runtimeError('target out of range');
  }
  const perRow = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const k = Number(t[i]);
    const xt = x[i * dim + k];
    let acc = 0;
    for (let d = 0; d < dim; d++) {
      if (d === k) continue;
      const z = f(f(m - xt) + x[i * dim + d]);
      if (z > 0) {
        let h = p === 1 ? z : f(z * z);
        if (w !== null) h = f(h * Number(w[k]));
        acc = f(acc + h);
      }
    }
    perRow[i] = f(acc / dim);
    total = f(total + perRow[i]);
  }
  const outShape = r === 'none' ? (nd === 2 ? [n] : []) : [];
  const outValues = r === 'none' ? perRow : [r === 'mean' ? f(total / n) : total];
  const out = fromValues(outValues, outShape, input.dtype);
  return record('MultiMarginLossBackward0', out, [input], [input], (g, s) => {
    const gv = g.toNumberArray();
    const gScale = f(r === 'mean' ? 1 / (n * dim) : 1 / dim);
    const gi = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) {
      const k = Number(t[i]);
      const xt = x[i * dim + k];
      let gsum = 0;
      for (let d = 0; d < dim; d++) {
        if (d === k) continue;
        const z = f(f(m - xt) + x[i * dim + d]);
        if (z > 0) {
          let h = p === 1 ? gScale : f(f(2 * gScale) * z);
          if (w !== null) h = f(h * Number(w[k]));
          gsum = f(gsum - h);
          gi[i * dim + d] = h;
        }
      }
      gi[i * dim + k] = gsum;
      const go = Number(gv[r === 'none' ? i : 0]);
      for (let d = 0; d < dim; d++) gi[i * dim + d] = f(gi[i * dim + d] * go);
    }
    return [fromValues(gi, s[0].shape, s[0].dtype)];
  });
}
