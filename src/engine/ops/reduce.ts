/**
 * Reductions (`sum`, `mean`, `prod`, max/min, amax/amin and arg variants, `norm`, var/std, `logsumexp`, softmax and
 * log-softmax, `all`/`any`, `cumsum`) and `sumToShape`, which un-broadcasts a gradient for every other op file.
 * Float sums go through cascadeSum.ts so the last bits match PyTorch's.
 */
import { record } from '../graph';
import { allocate, DType, isFloating, isIntegral, roundStored, SCALAR_TYPE_NAMES } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { ADD, mapUnary, reduceAlong, reductionLayout, stridedLoop } from '../kernels';
import { cascadeSumInto } from '../cascadeSum';
import { normalizeDim, numelOf, sameShape, Shape } from '../shape';
import { makeTensor, Tensor } from '../tensor';
import { abs, add, cast, div, eq, exp, isnan, mul, powScalar, sign, sub, where, zerosOf } from './elementwise';
import { expand, reshape, unsqueeze } from './views';

export type Dims = number | readonly number[] | null | undefined;

/** Normalised, sorted, de-duplicated reduction dims; null means all. */
export function reductionDims(t: Tensor, dims: Dims): number[] {
  if (dims === null || dims === undefined) return t.shape.map((_, i) => i);
  const list = typeof dims === 'number' ? [dims] : dims;
  if (list.length === 0) return t.shape.map((_, i) => i);
  const out = [...new Set(list.map((d) => normalizeDim(d, t.ndim)))].sort((a, b) => a - b);
  return t.ndim === 0 ? [] : out;
}


/** Gradient of a reduction broadcast back over the reduced dims. */
function expandBack(g: Tensor, inShape: Shape, dims: readonly number[], keepdim: boolean): Tensor {
  let x = g;
  if (!keepdim) for (const d of dims) x = unsqueeze(x, d);
  return expand(x, inShape);
}

/**
 * Sum over `rd` with PyTorch's float rounding order when it can be reproduced (see cascadeSum.ts), else
 * in double precision; `scale` divides the result (mean) before the final rounding to the output dtype.
 */
function floatSum(t: Tensor, rd: number[], keepdim: boolean, outDtype: DType, divisor: number): Tensor {
  if (isFloating(outDtype) && t.dtype === outDtype) {
    const { outShape, keptShape } = reductionLayout(t.shape, rd, keepdim);
    const acc = new Float64Array(numelOf(keptShape));
    if (cascadeSumInto(t, rd, acc, outDtype)) {
      const out = makeTensor(allocate(outDtype, acc.length), outShape, outDtype);
      for (let i = 0; i < acc.length; i++) out.data[i] = divisor === 1 ? acc[i] : acc[i] / divisor;
      roundStored(outDtype, out.data);
      return out;
    }
  }
  return reduceAlong(t, rd, keepdim, outDtype, 0, ADD, divisor === 1 ? undefined : (a) => a / divisor);
}

export function sum(t: Tensor, dims?: Dims, keepdim = false, dtype?: DType): Tensor {
  const outDtype = dtype ?? (isFloating(t.dtype) ? t.dtype : 'int64');
  const all = dims === null || dims === undefined;
  const rd = reductionDims(t, dims);
  const out = floatSum(t, rd, keepdim, outDtype, 1);
  const inShape = t.shape.slice();
  return record(all ? 'SumBackward0' : 'SumBackward1', out, [t], [], (g) => [cast(expandBack(g, inShape, rd, keepdim), t.dtype)]);
}

/** Sums a gradient over broadcast dimensions so it has `shape` again. */
export function sumToShape(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  }
  let r = dims.length ? sum(g, dims, true) : g;
  if (!sameShape(r.shape, shape)) r = reshape(r, shape);
  return r;
}

export function mean(t: Tensor, dims?: Dims, keepdim = false, dtype?: DType): Tensor {
  const outDtype = dtype ?? t.dtype;
  if (!isFloating(outDtype)) {
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${SCALAR_TYPE_NAMES[t.dtype]}`,
    );
  }
  const all = dims === null || dims === undefined;
  const rd = reductionDims(t, dims);
  const count = rd.reduce((n, d) => n * t.shape[d], 1);
  // PyTorch's CPU mean is the sum (in the output dtype) divided by the count.
  const out = floatSum(t, rd, keepdim, outDtype, count);
  const inShape = t.shape.slice();
  return record(all ? 'MeanBackward0' : 'MeanBackward1', out, [t], [], (g) => [cast(div(expandBack(g, inShape, rd, keepdim), count), t.dtype)]);
}

function emptyReductionCheck(t: Tensor, name: string, dim: number | null): void {
  if (t.numel === 0) {
    if (dim === null) {
      throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
    }
    throw indexLikeEmpty(name, dim);
  }
}

function indexLikeEmpty(name: string, dim: number): Error {
  return runtimeError(`${name}(): Expected reduction dim ${dim} to have non-zero size.`);
}

/**
 * max()/min() over all elements. The gradient goes evenly to the elements equal to the result (to the NaNs when
 * it is NaN), as `grad / count`, and every other element gets +0 whatever the gradient: PyTorch's CPU
 * evenly_distribute_backward.
 */
export function extremeAll(t: Tensor, which: 'max' | 'min'): Tensor {
  emptyReductionCheck(t, which, null);
  const better = which === 'max' ? (a: number, x: number) => (x > a || x !== x ? x : a) : (a: number, x: number) => (x < a || x !== x ? x : a);
  const out = reduceAlong(t, reductionDims(t, null), false, t.dtype, which === 'max' ? -Infinity : Infinity, (a, x) => (a !== a ? a : better(a, x)));
  return record(which === 'max' ? 'MaxBackward1' : 'MinBackward1', out, [t], [t, out], (g, s) => [gradToPicked(g, s[0], s[1])]);
}

/**
 * The gradient of a whole-tensor pick (max, min, median): `grad / count` to every element equal to the picked
 * value (every NaN when it is NaN) and +0 elsewhere, as PyTorch's evenly_distribute_backward.
 */
export function gradToPicked(g: Tensor, x: Tensor, picked: Tensor): Tensor {
  const r = picked.item();
  const mask = r !== r ? isnan(x) : eq(x, picked);
  let count = 0;
  for (const v of mask.values(true)) count += v;
  return where(mask, div(g, count), 0);
}

/** max(dim)/min(dim): values and int64 indices of the first extreme element along `dim`. */
export function extremeDim(t: Tensor, dim: number, keepdim: boolean, which: 'max' | 'min'): [Tensor, Tensor] {
  const d = normalizeDim(dim, t.ndim);
  if (t.ndim > 0 && t.shape[d] === 0) {
    throw runtimeError(`${which}(): Expected reduction dim ${d} to have non-zero size.`);
  }
  const { outShape, keptShape, outStrides } = reductionLayout(t.shape, t.ndim ? [d] : [], keepdim);
  const nOut = numelOf(keptShape);
  const best = new Float64Array(nOut).fill(NaN);
  const idx = new Float64Array(nOut).fill(-1);
  const dimStride = t.ndim ? numelOf(t.shape.slice(d + 1)) : 1;
  const dimSize = t.ndim ? t.shape[d] : 1;
  const src = t.data;
  const isMax = which === 'max';
  stridedLoop(t.shape, t.strides, outStrides, t.offset, 0, (sp, op, i) => {
    const x = src[sp];
    const k = Math.floor(i / dimStride) % dimSize;
    const cur = best[op];
    if (idx[op] < 0 || (cur === cur && (x !== x || (isMax ? x > cur : x < cur)))) {
      best[op] = x;
      idx[op] = k;
    }
  });
  const values = makeTensor(t.dtype === 'float64' || isIntegral(t.dtype) ? best : t.dtype === 'bool' ? Uint8Array.from(best) : Float32Array.from(best), outShape, t.dtype);
  const indices = makeTensor(idx, outShape, 'int64');
  const inShape = t.shape.slice();
  record(isMax ? 'MaxBackward0' : 'MinBackward0', values, [t], [indices], (g, s) => [indexSelectBack(g, s[0], inShape, d, keepdim)]);
  return [values, indices];
}

/**
 * amax()/amin() over any set of dims (all of them when none is given); ties share the gradient evenly, as in
 * PyTorch's AmaxBackward0: the gradient divided by the tie count, times the mask of the extreme elements.
 */
export function amaxAmin(t: Tensor, dims: Dims, keepdim: boolean, which: 'max' | 'min'): Tensor {
  const name = which === 'max' ? 'amax' : 'amin';
  const rd = reductionDims(t, dims);
  const all = dims === null || dims === undefined || (typeof dims !== 'number' && dims.length === 0);
  if (t.numel === 0 && all) {
    throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
  for (const d of rd) if (t.shape[d] === 0) throw indexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const better = which === 'max' ? (a: number, x: number) => (x > a || x !== x ? x : a) : (a: number, x: number) => (x < a || x !== x ? x : a);
  const out = reduceAlong(t, rd, keepdim, t.dtype, which === 'max' ? -Infinity : Infinity, (a, x) => (a !== a ? a : better(a, x)));
  return record(which === 'max' ? 'AmaxBackward0' : 'AminBackward0', out, [t], [t, out], (g, s) => {
    const kept = (x: Tensor) => (keepdim ? x : rd.reduce((acc, d) => unsqueeze(acc, d), x));
    const mask = cast(eq(s[0], kept(s[1])), g.dtype);
    return [mul(div(kept(g), sum(mask, rd, true)), mask)];
  });
}

/** Scatters g into zeros of inShape at `indices` along dim (the backward of max/min over a dim). */
function indexSelectBack(g: Tensor, indices: Tensor, inShape: Shape, d: number, keepdim: boolean): Tensor {
  const gi = keepdim ? g : unsqueeze(g, d);
  const ii = keepdim ? indices : unsqueeze(indices, d);
  const positions = makeTensor(Float64Array.from({ length: inShape[d] ?? 1 }, (_, k) => k), [inShape[d] ?? 1], 'int64');
  const posShape = inShape.map((_, k) => (k === d ? inShape[d] : 1));
  const mask = eq(reshape(positions, posShape), ii);
  return where(mask, gi, 0);
}

export function argExtreme(t: Tensor, dim: number | null, keepdim: boolean, which: 'max' | 'min'): Tensor {
  if (dim === null) {
    const flat = reshape(t, [-1]);
    return extremeDim(flat, 0, false, which)[1];
  }
  return extremeDim(t, dim, keepdim, which)[1];
}

export function prod(t: Tensor, dim: number | null = null, keepdim = false): Tensor {
  const outDtype = isFloating(t.dtype) ? t.dtype : 'int64';
  const rd = dim === null ? reductionDims(t, null) : [normalizeDim(dim, t.ndim)];
  const out = reduceAlong(t, rd, keepdim, outDtype, 1, (a, x) => a * x);
  const inShape = t.shape.slice();
  return record(dim === null ? 'ProdBackward0' : 'ProdBackward1', out, [t], [t, out], (g, s) => {
    const [x, r] = s;
    const ge = expandBack(g, inShape, rd, keepdim);
    const re = expandBack(r, inShape, rd, keepdim);
    const hasZero = x.values(true).some((v) => v === 0);
    if (!hasZero) return [div(mul(ge, re), x)];
    return [mul(ge, productOfOthers(x, rd))];
  });
}

/** For prod's gradient with zeros present: the product of all other elements in each reduced group. */
function productOfOthers(x: Tensor, rd: number[]): Tensor {
  const { outStrides, keptShape } = reductionLayout(x.shape, rd, true);
  const n = numelOf(keptShape);
  const groups: number[][] = Array.from({ length: n }, () => []);
  const positions: number[][] = Array.from({ length: n }, () => []);
  const src = x.data;
  stridedLoop(x.shape, x.strides, outStrides, x.offset, 0, (sp, op, i) => {
    groups[op].push(src[sp]);
    positions[op].push(i);
  });
  const out = makeTensor(allocate(x.dtype, x.numel), x.shape, x.dtype);
  groups.forEach((vals, gi) => {
    vals.forEach((_, k) => {
      let p = 1;
      for (let j = 0; j < vals.length; j++) if (j !== k) p *= vals[j];
      out.data[positions[gi][k]] = p;
    });
  });
  roundStored(x.dtype, out.data);
  return out;
}

/** linalg.vector_norm (what torch.norm and Tensor.norm call for vectors and p in {1, 2, inf, other}). */
export function norm(t: Tensor, p: number = 2, dims?: Dims, keepdim = false): Tensor {
  if (!isFloating(t.dtype)) {
    throw runtimeError(`linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${SCALAR_TYPE_NAMES[t.dtype]}`);
  }
  const rd = reductionDims(t, dims);
  let out: Tensor;
  if (p === Infinity) out = reduceAlong(t, rd, keepdim, t.dtype, 0, (a, x) => Math.max(a, Math.abs(x)));
  else if (p === -Infinity) out = reduceAlong(t, rd, keepdim, t.dtype, Infinity, (a, x) => Math.min(a, Math.abs(x)));
  else if (p === 0) out = reduceAlong(t, rd, keepdim, t.dtype, 0, (a, x) => a + (x !== 0 ? 1 : 0));
  else if (p === 1) out = reduceAlong(t, rd, keepdim, t.dtype, 0, (a, x) => a + Math.abs(x));
  else if (p === 2) out = reduceAlong(t, rd, keepdim, t.dtype, 0, (a, x) => a + x * x, (a) => Math.sqrt(a));
  else out = reduceAlong(t, rd, keepdim, t.dtype, 0, (a, x) => a + Math.pow(Math.abs(x), p), (a) => Math.pow(a, 1 / p));
  const inShape = t.shape.slice();
  return record('LinalgVectorNormBackward0', out, [t], [t, out], (g, s) => {
    const [x, r] = s;
    const ge = expandBack(g, inShape, rd, keepdim);
    const re = expandBack(r, inShape, rd, keepdim);
    if (p === 0) return [zerosOf(x)];
    if (p === 1) return [mul(ge, sign(x))];
    if (p === 2) return [mul(ge, where(eq(re, 0), 0, div(x, re)))];
    if (p === Infinity || p === -Infinity) {
      const mask = cast(eq(abs(x), re), x.dtype);
      const count = expandBack(sum(mask, rd, keepdim), inShape, rd, keepdim);
      return [mul(ge, div(mul(sign(x), mask), count))];
    }
    const scale = div(mul(x, powScalar(abs(x), p - 2)), powScalar(re, p - 1));
    return [mul(ge, where(eq(re, 0), 0, scale))];
  });
}

export function varStd(t: Tensor, dims: Dims, correction: number, keepdim: boolean, which: 'var' | 'std'): Tensor {
  if (!isFloating(t.dtype)) {
    throw runtimeError(`${which}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${SCALAR_TYPE_NAMES[t.dtype]}`);
  }
  const rd = reductionDims(t, dims);
  const n = rd.reduce((acc, d) => acc * t.shape[d], 1);
  const meanK = reduceAlong(t, rd, true, 'float64', 0, (a, x) => a + x, (a, c) => a / c);
  const centered = sub(cast(t, 'float64'), meanK);
  const denom = Math.max(0, n - correction);
  // The square root is taken before rounding to the tensor's dtype, as PyTorch's Welford reduction projects it.
  const out = reduceAlong(centered, rd, keepdim, t.dtype, 0, (a, x) => a + x * x, which === 'var' ? (a) => a / denom : (a) => Math.sqrt(a / denom));
  const inShape = t.shape.slice();
  return record(which === 'var' ? 'VarBackward0' : 'StdBackward0', out, [t], [t, out], (g, s) => {
    const [x, r] = s;
    const xc = sub(x, mean(x, rd, true));
    const ge = expandBack(g, inShape, rd, keepdim);
    if (which === 'var') return [mul(ge, div(mul(xc, 2), denom))];
    const re = expandBack(r, inShape, rd, keepdim);
    return [mul(ge, div(xc, mul(re, denom)))];
  });
}

export function logsumexp(t: Tensor, dims: Dims, keepdim = false): Tensor {
  const rd = reductionDims(t, dims);
  const x = isFloating(t.dtype) ? t : cast(t, 'float32');
  const m = reduceAlong(x, rd, true, 'float64', -Infinity, (a, v) => Math.max(a, v));
  const md = m.data;
  for (let i = 0; i < md.length; i++) if (!Number.isFinite(md[i])) md[i] = 0;
  const shifted = sub(cast(x, 'float64'), m);
  const se = reduceAlong(shifted, rd, true, 'float64', 0, (a, v) => a + Math.exp(v));
  const resKeep = add(mapUnary(se, 'float64', Math.log), m);
  const res = cast(keepdim ? resKeep : reshape(resKeep, t.shape.filter((_, i) => !rd.includes(i))), x.dtype);
  const out = makeTensor(res.data, res.shape, res.dtype);
  const inShape = t.shape.slice();
  return record('LogsumexpBackward0', out, [t], [t, out], (g, s) => {
    const ge = expandBack(g, inShape, rd, keepdim);
    const re = expandBack(s[1], inShape, rd, keepdim);
    return [mul(ge, exp(sub(s[0], re)))];
  });
}

export function softmax(t: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const y = softmaxValues(t, d, false);
  return record('SoftmaxBackward0', y, [t], [y], (g, s) => {
    const out = s[0];
    return [mul(out, sub(g, sum(mul(g, out), [d], true)))];
  });
}

export function logSoftmax(t: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const y = softmaxValues(t, d, true);
  return record('LogSoftmaxBackward0', y, [t], [y], (g, s) => [sub(g, mul(exp(s[0]), sum(g, [d], true)))]);
}

function softmaxValues(t: Tensor, d: number, logOut: boolean): Tensor {
  const x = isFloating(t.dtype) ? t : cast(t, 'float32');
  const rd = x.ndim ? [d] : [];
  const m = reduceAlong(x, rd, true, 'float64', -Infinity, (a, v) => (v > a || v !== v ? v : a));
  const shifted = sub(cast(x, 'float64'), m);
  const se = reduceAlong(shifted, rd, true, 'float64', 0, (a, v) => a + Math.exp(v));
  const r = logOut ? sub(shifted, mapUnary(se, 'float64', Math.log)) : div(mapUnary(shifted, 'float64', Math.exp), se);
  const out = cast(r, x.dtype);
  return makeTensor(out.data, out.shape, out.dtype);
}

export function all(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  const rd = reductionDims(t, dim);
  return reduceAlong(t, rd, keepdim, 'bool', 1, (a, x) => (a && x !== 0 ? 1 : 0));
}

export function any(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  const rd = reductionDims(t, dim);
  return reduceAlong(t, rd, keepdim, 'bool', 0, (a, x) => (a || x !== 0 ? 1 : 0));
}

export function cumsum(t: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const outDtype = isFloating(t.dtype) ? t.dtype : 'int64';
  const src = cast(t, outDtype).values();
  const out = makeTensor(src, t.shape, outDtype);
  const inner = numelOf(t.shape.slice(d + 1));
  const size = t.ndim ? t.shape[d] : 1;
  const outer = t.numel / Math.max(1, inner * size);
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    for (let k = 0; k < size; k++) {
      const base = (o * size + k) * inner;
      for (let i = 0; i < inner; i++) {
        acc[i] += src[base + i];
        out.data[base + i] = acc[i];
      }
    }
  }
  roundStored(outDtype, out.data);
  return record('CumsumBackward0', out, [t], [], (g) => [flipCumsum(g, d)]);
}

function flipCumsum(g: Tensor, d: number): Tensor {
  // Reverse cumulative sum: total minus the exclusive prefix sum.
  const total = sum(g, [d], true);
  return add(sub(total, cumsum(g, d)), g);
}
