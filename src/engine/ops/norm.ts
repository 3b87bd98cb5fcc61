/**
 * Batch, layer and group normalisation as PyTorch's native kernels, one graph node each
 * (NativeBatchNormBackward0, NativeLayerNormBackward0, NativeGroupNormBackward0).
 *
 * The forward passes are loops that round where PyTorch's CPU kernels round (statistics, then a per-channel
 * scale and shift applied in the input's dtype), so float32 results agree to the last bit or two. The backward
 * is one loop over the input with the saved statistics (double accumulators), except under create_graph=True:
 * there the formula is written with the engine's own ops from the saved input, so that it can be
 * differentiated again.
 */
import { gradMode, record } from '../graph';
import { castValue, DType, isFloat32Stored, isFloating, roundStored, SCALAR_TYPE_NAMES } from '../dtype';
import { runtimeError } from '../errors';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { add, cast, clone, mul, rsqrt, sub } from './elementwise';
import { mean, sum } from './reduce';
import { reshape, select } from './views';

type Round = (x: number) => number;

/** How the kernels round their float intermediates: float32 for float32 and (computing in float) for the 16-bit dtypes. */
function rounder(dtype: DType): Round {
  return isFloat32Stored(dtype) ? Math.fround : (x: number) => x;
}

function checkFloat(x: Tensor, what: string): void {
  if (!isFloating(x.dtype)) throw runtimeError(`"${what}" not implemented for '${SCALAR_TYPE_NAMES[x.dtype]}'`);
}

function valuesIn(t: Tensor | null, dtype: DType): ArrayLike<number> | null {
  return t === null ? null : cast(t, dtype).values(true);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/**
 * The gradient of normalisation over `dims` (of `xs`, the input as the statistics see it) for input x:
 * rstd * (gy - mean(gy) - xhat * mean(gy * xhat)), built from ops so that it has a graph under create_graph.
 */
function normalizedGrad(xs: Tensor, gys: Tensor, dims: number[], eps: number): { gx: Tensor; xhat: Tensor } {
  const mu = mean(xs, dims, true);
  const xc = sub(xs, mu);
  const rstd = rsqrt(add(mean(mul(xc, xc), dims, true), eps));
  const xhat = mul(xc, rstd);
  const gx = mul(sub(sub(gys, mean(gys, dims, true)), mul(xhat, mean(mul(gys, xhat), dims, true))), rstd);
  return { gx, xhat };
}

/**
 * Where each element of the (contiguous) input belongs: its statistics group and its weight/bias entry.
 * `count` is the number of elements per group.
 */
interface Layout {
  group: Int32Array;
  param: Int32Array;
  groups: number;
  params: number;
  count: number;
}

/** Layout of an input (N, C, *) normalised per channel (batch norm) or per sample and channel group (group norm). */
function channelLayout(shape: readonly number[], groupsPerSample: number | null): Layout {
  const n = shape[0];
  const c = shape[1];
  let hw = 1;
  for (let i = 2; i < shape.length; i++) hw *= shape[i];
  const total = n * c * hw;
  const group = new Int32Array(total);
  const param = new Int32Array(total);
  const d = groupsPerSample === null ? 1 : c / groupsPerSample;
  let e = 0;
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const gi = groupsPerSample === null ? ch : b * groupsPerSample + Math.floor(ch / d);
      for (let q = 0; q < hw; q++, e++) {
        group[e] = gi;
        param[e] = ch;
      }
    }
  }
  const groups = groupsPerSample === null ? c : n * groupsPerSample;
  return { group, param, groups, params: c, count: groups === 0 ? 0 : total / groups };
}

/** Layout of an input (*, K) normalised over its last K elements (layer norm). */
function rowLayout(numel: number, inner: number): Layout {
  const group = new Int32Array(numel);
  const param = new Int32Array(numel);
  for (let e = 0; e < numel; e++) {
    group[e] = Math.floor(e / inner);
    param[e] = e % inner;
  }
  return { group, param, groups: inner === 0 ? 0 : numel / inner, params: inner, count: inner };
}

/** Shape and dtype of the weight and bias (the same for both), for their gradients. */
interface ParamSpec {
  shape: number[];
  dtype: DType;
}

function paramSpec(weight: Tensor | null, bias: Tensor | null, x: Tensor): ParamSpec {
  const t = weight ?? bias;
  return t === null ? { shape: [], dtype: x.dtype } : { shape: t.shape.slice(), dtype: t.dtype };
}

/**
 * The three gradients in one pass over the input with the forward's statistics: with `batchStats` the
 * statistics depend on x (training), else they are constants (batch norm in evaluation) and dx = dy * w * rstd.
 */
function fastNormBackward(
  g: Tensor, x: Tensor, w: Tensor | null, param: ParamSpec, layout: Layout, mean: Float64Array, rstd: Float64Array,
  batchStats: boolean, needs: readonly boolean[],
): Array<Tensor | null> {
  const dtype = x.dtype;
  const gv = g.values(true);
  const xv = x.values(true);
  const wv = w === null ? null : cast(w, dtype).values(true);
  const { group, groups, params, count } = layout;
  const paramOf = layout.param;
  const sumGy = new Float64Array(groups);
  const sumGyXhat = new Float64Array(groups);
  const gw = new Float64Array(params);
  const gb = new Float64Array(params);
  const n = xv.length;
  for (let e = 0; e < n; e++) {
    const gi = group[e];
    const p = paramOf[e];
    const xhat = (xv[e] - mean[gi]) * rstd[gi];
    const gy = wv === null ? gv[e] : gv[e] * wv[p];
    sumGy[gi] += gy;
    sumGyXhat[gi] += gy * xhat;
    gw[p] += gv[e] * xhat;
    gb[p] += gv[e];
  }
  let gx: Tensor | null = null;
  if (needs[0]) {
    const out = allocateChecked(dtype, x.shape);
    for (let e = 0; e < n; e++) {
      const gi = group[e];
      const gy = wv === null ? gv[e] : gv[e] * wv[paramOf[e]];
      if (!batchStats) {
        out[e] = gy * rstd[gi];
        continue;
      }
      const xhat = (xv[e] - mean[gi]) * rstd[gi];
      out[e] = rstd[gi] * (gy - sumGy[gi] / count - xhat * (sumGyXhat[gi] / count));
    }
    gx = makeTensor(roundStored(dtype, out), x.shape, dtype);
  }
  const paramGrad = (acc: Float64Array) => {
    const out = allocateChecked(param.dtype, param.shape);
    out.set(acc);
    return makeTensor(roundStored(param.dtype, out), param.shape, param.dtype);
  };
  return [gx, needs[1] ? paramGrad(gw) : null, needs[2] ? paramGrad(gb) : null];
}

function sumOver(t: Tensor, dims: number[]): Tensor {
  return dims.length === 0 ? t : sum(t, dims);
}

// ---- batch norm ----

/**
 * `torch.batch_norm` on a CPU: normalises each channel (dim 1) over the batch and spatial dims. In training the
 * batch statistics are used and `runningMean`/`runningVar` (when given) are updated in place with `momentum`;
 * otherwise the running statistics normalise.
 */
export function batchNorm(
  x: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  training: boolean,
  momentum: number,
  eps: number,
): Tensor {
  checkFloat(x, 'batch_norm');
  if (x.ndim < 2) throw runtimeError(`batch_norm(): Expected input to have at least 2 dimensions, but got ${x.ndim}`);
  if (x.numel === 0) {
    // PyTorch's path for an empty batch: a copy scaled and shifted by the first weight and bias, so the graph
    // still reaches them.
    let out = clone(x);
    if (weight !== null) out = mul(out, select(weight, 0, 0));
    if (bias !== null) out = add(out, select(bias, 0, 0));
    return out;
  }
  const c = x.shape[1];
  const checkSize = (name: string, t: Tensor | null) => {
    if (t !== null && t.numel !== c) throw runtimeError(`${name} should contain ${c} elements not ${t.numel}`);
  };
  if (runningMean !== null) checkSize('running_mean', runningMean);
  else if (!training) throw runtimeError('running_mean must be defined in evaluation mode');
  if (runningVar !== null) checkSize('running_var', runningVar);
  else if (!training) throw runtimeError('running_var must be defined in evaluation mode');
  checkSize('weight', weight);
  checkSize('bias', bias);

  const dtype = x.dtype;
  const r = rounder(dtype);
  const n = x.shape[0];
  const s = x.numel / Math.max(1, n * c);
  const m = n * s;
  const xv = x.values(true);
  const wv = valuesIn(weight, dtype);
  const bv = valuesIn(bias, dtype);
  const meanC = new Float64Array(c);
  const invstdC = new Float64Array(c);
  const fe = r(eps);
  if (training) {
    const rm = runningMean === null ? null : runningMean.values(true);
    const rv = runningVar === null ? null : runningVar.values(true);
    const newMean = rm === null ? null : new Float64Array(c);
    const newVar = rv === null ? null : new Float64Array(c);
    const mom = r(momentum);
    for (let ch = 0; ch < c; ch++) {
      let total = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * s;
        for (let i = 0; i < s; i++) total += xv[base + i];
      }
      const mu = r(total / m);
      let varSum = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * s;
        for (let i = 0; i < s; i++) {
          const d = r(xv[base + i] - mu);
          varSum += r(d * d);
        }
      }
      const vs = r(varSum);
      meanC[ch] = mu;
      invstdC[ch] = r(1 / Math.sqrt(r(vs / m) + eps));
      if (newMean !== null) newMean[ch] = r(r(mom * mu) + r(r(1 - mom) * rm![ch]));
      if (newVar !== null) newVar[ch] = r(mom * r(vs / (m - 1)) + r(r(1 - mom) * rv![ch]));
    }
    if (newMean !== null) writeBuffer(runningMean!, newMean);
    if (newVar !== null) writeBuffer(runningVar!, newVar);
  } else {
    const rm = cast(runningMean!, dtype).values(true);
    const rv = cast(runningVar!, dtype).values(true);
    for (let ch = 0; ch < c; ch++) {
      meanC[ch] = rm[ch];
      invstdC[ch] = r(1 / r(Math.sqrt(r(rv[ch] + fe))));
    }
  }
  const out = allocateChecked(dtype, x.shape);
  for (let ch = 0; ch < c; ch++) {
    const alpha = r(invstdC[ch] * (wv === null ? 1 : wv[ch]));
    const beta = r((bv === null ? 0 : bv[ch]) - r(meanC[ch] * alpha));
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * s;
      for (let i = 0; i < s; i++) out[base + i] = r(xv[base + i] * alpha) + beta;
    }
  }
  const result = makeTensor(roundStored(dtype, out), x.shape, dtype);
  const dims = [0, ...range(2, x.ndim)];
  const pshape = x.shape.map((d, i) => (i === 1 ? d : 1));
  const bnMean = makeTensor(Float64Array.from(meanC), pshape, 'float64');
  const bnInvstd = makeTensor(Float64Array.from(invstdC), pshape, 'float64');
  const spec = paramSpec(weight, bias, x);
  return record('NativeBatchNormBackward0', result, [x, weight, bias], weight === null ? [x] : [x, weight], (g, saved, needs) => {
    const [xs, w] = saved;
    if (!gradMode.enabled) return fastNormBackward(g, xs, w ?? null, spec, channelLayout(xs.shape, null), meanC, invstdC, training, needs);
    let gx: Tensor | null = null;
    let xhat: Tensor;
    if (training) {
      const gy = w ? mul(g, reshape(w, pshape)) : g;
      const res = normalizedGrad(xs, gy, dims, eps);
      gx = res.gx;
      xhat = res.xhat;
    } else {
      const invstd = cast(bnInvstd, xs.dtype);
      xhat = mul(sub(xs, cast(bnMean, xs.dtype)), invstd);
      if (needs[0]) gx = mul(g, w ? mul(reshape(w, pshape), invstd) : invstd);
    }
    return [
      needs[0] ? gx : null,
      needs[1] ? sum(mul(g, xhat), dims) : null,
      needs[2] ? sum(g, dims) : null,
    ];
  });
}

/** Running statistics are buffers the kernel writes directly: no autograd check, but a version bump. */
function writeBuffer(t: Tensor, values: Float64Array): void {
  const pos = t.positions();
  for (let i = 0; i < values.length; i++) t.data[pos === null ? t.offset + i : pos[i]] = castValue(t.dtype, values[i]);
  t.bumpVersion();
}

// ---- layer norm ----

/** `torch.layer_norm`: normalises over the trailing `normalizedShape` dims of each sample. */
export function layerNorm(x: Tensor, normalizedShape: readonly number[], weight: Tensor | null, bias: Tensor | null, eps: number): Tensor {
  const k = normalizedShape.length;
  const shapeText = `[${normalizedShape.join(', ')}]`;
  if (k === 0) throw runtimeError(`Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = ${shapeText}`);
  const sameShape = (t: Tensor) => t.ndim === k && t.shape.every((d, i) => d === normalizedShape[i]);
  if (weight !== null && !sameShape(weight)) {
    throw runtimeError(`Expected weight to be of same shape as normalized_shape, but got weight of shape [${weight.shape.join(', ')}] and normalized_shape = ${shapeText}`);
  }
  if (bias !== null && !sameShape(bias)) {
    throw runtimeError(`Expected bias to be of same shape as normalized_shape, but got bias of shape [${bias.shape.join(', ')}] and normalized_shape = ${shapeText}`);
  }
  const lead = x.ndim - k;
  if (lead < 0 || normalizedShape.some((d, i) => x.shape[lead + i] !== d)) {
    throw runtimeError(`Given normalized_shape=${shapeText}, expected input with shape [*, ${normalizedShape.join(', ')}], but got input of size[${x.shape.join(', ')}]`);
  }
  checkFloat(x, 'LayerNormKernelImpl');
  const dtype = x.dtype;
  const r = rounder(dtype);
  const inner = normalizedShape.reduce((a, b) => a * b, 1);
  const rows = inner === 0 ? 0 : x.numel / inner;
  const xv = x.values(true);
  const wv = valuesIn(weight, dtype);
  const bv = valuesIn(bias, dtype);
  const out = allocateChecked(dtype, x.shape);
  const fe = r(eps);
  const meanR = new Float64Array(rows);
  const rstdR = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const base = row * inner;
    let total = 0;
    for (let j = 0; j < inner; j++) total += xv[base + j];
    const mu = total / inner;
    let sq = 0;
    for (let j = 0; j < inner; j++) {
      const d = xv[base + j] - mu;
      sq += d * d;
    }
    const muR = r(mu);
    const rstd = r(1 / r(Math.sqrt(r(r(sq / inner) + fe))));
    meanR[row] = muR;
    rstdR[row] = rstd;
    const shift = r(-rstd * muR);
    for (let j = 0; j < inner; j++) {
      let y = r(r(xv[base + j] * rstd) + shift);
      if (wv !== null) y = r(y * wv[j]);
      if (bv !== null) y = r(y + bv[j]);
      out[base + j] = y;
    }
  }
  const result = makeTensor(roundStored(dtype, out), x.shape, dtype);
  const dims = range(lead, x.ndim);
  const leadDims = range(0, lead);
  const spec = paramSpec(weight, bias, x);
  return record('NativeLayerNormBackward0', result, [x, weight, bias], weight === null ? [x] : [x, weight], (g, saved, needs) => {
    const [xs, w] = saved;
    if (!gradMode.enabled) return fastNormBackward(g, xs, w ?? null, spec, rowLayout(xs.numel, inner), meanR, rstdR, true, needs);
    const { gx, xhat } = normalizedGrad(xs, w ? mul(g, w) : g, dims, eps);
    return [needs[0] ? gx : null, needs[1] ? sumOver(mul(g, xhat), leadDims) : null, needs[2] ? sumOver(g, leadDims) : null];
  });
}

// ---- group norm ----

/** `torch.group_norm`: normalises each sample over groups of `numGroups` consecutive channels (dim 1). */
export function groupNorm(x: Tensor, numGroups: number, weight: Tensor | null, bias: Tensor | null, eps: number): Tensor {
  const n = x.shape[0];
  const c = x.shape[1];
  if (c % numGroups !== 0) {
    throw runtimeError(`Expected number of channels in input to be divisible by num_groups, but got input of shape [${x.shape.join(', ')}] and num_groups=${numGroups}`);
  }
  const checkParam = (name: string, t: Tensor | null) => {
    if (t !== null && (t.ndim !== 1 || t.numel !== c)) {
      throw runtimeError(`Expected ${name} to be a vector of size equal to the number of channels in input, but got ${name} of shape [${t.shape.join(', ')}] and input of shape [${x.shape.join(', ')}]`);
    }
  };
  checkParam('weight', weight);
  checkParam('bias', bias);
  checkFloat(x, 'GroupNormKernelImpl');
  const dtype = x.dtype;
  const r = rounder(dtype);
  const hw = x.numel / Math.max(1, n * c);
  const d = c / numGroups;
  const size = d * hw;
  const xv = x.values(true);
  const wv = valuesIn(weight, dtype);
  const bv = valuesIn(bias, dtype);
  const out = allocateChecked(dtype, x.shape);
  const fe = r(eps);
  const meanG = new Float64Array(n * numGroups);
  const rstdG = new Float64Array(n * numGroups);
  for (let i = 0; i < n * numGroups; i++) {
    const base = i * size;
    let total = 0;
    for (let j = 0; j < size; j++) total += xv[base + j];
    const mu = total / size;
    let sq = 0;
    for (let j = 0; j < size; j++) {
      const dv = xv[base + j] - mu;
      sq += dv * dv;
    }
    const muR = r(mu);
    const rstd = r(1 / r(Math.sqrt(r(Math.max(r(sq / size), 0) + fe))));
    meanG[i] = muR;
    rstdG[i] = rstd;
    const g = i % numGroups;
    for (let j = 0; j < d; j++) {
      const ch = g * d + j;
      const at = base + j * hw;
      if (wv === null && bv === null) {
        for (let q = 0; q < hw; q++) out[at + q] = r(r(xv[at + q] - muR) * rstd);
        continue;
      }
      const scale = r(rstd * (wv === null ? 1 : wv[ch]));
      const shift = r(r(-scale * muR) + (bv === null ? 0 : bv[ch]));
      for (let q = 0; q < hw; q++) out[at + q] = r(scale * xv[at + q]) + shift;
    }
  }
  const result = makeTensor(roundStored(dtype, out), x.shape, dtype);
  const groupShape = [n, numGroups, size];
  const pshape = x.shape.map((v, i) => (i === 1 ? v : 1));
  const paramDims = [0, ...range(2, x.ndim)];
  const spec = paramSpec(weight, bias, x);
  return record('NativeGroupNormBackward0', result, [x, weight, bias], weight === null ? [x] : [x, weight], (g, saved, needs) => {
    const [xs, w] = saved;
    if (!gradMode.enabled) return fastNormBackward(g, xs, w ?? null, spec, channelLayout(xs.shape, numGroups), meanG, rstdG, true, needs);
    const gy = w ? mul(g, reshape(w, pshape)) : g;
    const res = normalizedGrad(reshape(xs, groupShape), reshape(gy, groupShape), [2], eps);
    const xhat = reshape(res.xhat, xs.shape);
    return [
      needs[0] ? reshape(res.gx, xs.shape) : null,
      needs[1] ? sum(mul(g, xhat), paramDims) : null,
      needs[2] ? sum(g, paramDims) : null,
    ];
  });
}
