/**
 * The NumPy operations whose results depend on NumPy's own algorithm rather than on the engine's PyTorch-style
 * kernels: `np.sum`/`mean`/`var`/`std` (rounding order), `np.arange`/`np.linspace` (how values are filled),
 * `//` and `%` (NumPy's divmod, not PyTorch's), float64 log/sin/cos (glibc's results, which NumPy calls),
 * `np.sort`/`np.argsort` (NaN placement) and slices with negative steps, which PyTorch lacks.
 *
 * Reductions: NumPy's rounding order.
 *
 * NumPy's printed digits are the shortest that identify a value, so a sum that differs from NumPy's in the last
 * bit prints differently (`np.float64(53.49914430321136)` against `...374`). NumPy does not add left to right:
 * `np.add.reduce` runs the add loop's pairwise summation (loops_utils.h.src `pairwise_sum`: blocks of 128 summed
 * with 8 interleaved accumulators, halves above that) over each inner run the iterator hands it, in the order the
 * iterator chooses: axes sorted by stride, adjacent axes merged when their memory is contiguous, and, where a
 * reduction spans several non-mergeable axes, runs copied through an 8192-element buffer. This module follows
 * that plan; the cases it is known not to cover exactly are full reductions of arrays with negative strides
 * over more than 8192 elements.
 */
import { castValue, DType } from '../dtype';
import { mapBinary, mapUnary } from '../kernels';
import { glibcMath } from '../random/libm';
import { allocateChecked, makeTensor, Tensor } from '../tensor';

const BUFFER_SIZE = 8192;
const PW_BLOCKSIZE = 128;

type Add = (a: number, b: number) => number;
const add64: Add = (a, b) => a + b;
const add32: Add = (a, b) => Math.fround(a + b);

/** loops_utils.h.src `@TYPE@_pairwise_sum` over v[start, start+n). */
function pairwiseSum(v: Float64Array, start: number, n: number, add: Add): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = add(res, v[start + i]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    const r = [v[start], v[start + 1], v[start + 2], v[start + 3], v[start + 4], v[start + 5], v[start + 6], v[start + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k] = add(r[k], v[start + i + k]);
    }
    let res = add(add(add(r[0], r[1]), add(r[2], r[3])), add(add(r[4], r[5]), add(r[6], r[7])));
    for (; i < n; i++) res = add(res, v[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return add(pairwiseSum(v, start, n2, add), pairwiseSum(v, start + n2, n - n2, add));
}

interface Dim {
  size: number;
  inStride: number;
  outStride: number;
  reduced: boolean;
}

/** Row-major strides of the kept axes in the output (reduced axes contribute nothing). */
function outputStrides(shape: readonly number[], reduced: readonly boolean[]): number[] {
  const st = new Array<number>(shape.length).fill(0);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (reduced[d]) continue;
    st[d] = acc;
    acc *= shape[d];
  }
  return st;
}

/**
 * Sums `t` over the axes flagged in `reduced` into a row-major buffer over the kept axes, in NumPy's order.
 * `dtype` is the accumulation dtype; a different input dtype means NumPy casts through its buffer.
 */
function sumInto(t: Tensor, reduced: readonly boolean[], dtype: DType): Float64Array {
  const shape = t.shape;
  const nOut = shape.reduce((n, s, d) => (reduced[d] ? n : n * s), 1);
  const out = new Float64Array(nOut);
  if (shape.some((s) => s === 0)) return out;
  const add = dtype === 'float32' ? add32 : add64;
  const buffered = t.dtype !== dtype;
  const outSt = outputStrides(shape, reduced);
  // The iterator drops length-1 axes and walks the rest from the largest stride inwards.
  const dims: Dim[] = [];
  shape.forEach((size, d) => {
    if (size !== 1) dims.push({ size, inStride: t.strides[d], outStride: outSt[d], reduced: reduced[d] });
  });
  dims.sort((a, b) => Math.abs(b.inStride) - Math.abs(a.inStride));
  // Merge neighbours whose memory is contiguous for both operands (NumPy's coalescing).
  const groups: Dim[][] = [];
  for (const dim of dims) {
    const g = groups[groups.length - 1];
    const inner = g?.[g.length - 1];
    if (inner && inner.reduced === dim.reduced && inner.inStride === dim.inStride * dim.size && inner.outStride === dim.outStride * dim.size) {
      g.push(dim);
    } else {
      groups.push([dim]);
    }
  }
  const src = t.data;
  if (groups.length === 0) {
    out[0] = add(0, src[t.offset]);
    return out;
  }
  const innerRun = groups[groups.length - 1].reduce((n, d) => n * d.size, 1);
  // A reduction over several non-mergeable axes is fed through the buffer, which joins their runs.
  let innerGroups = 1;
  while (groups.length - innerGroups >= 1 && groups[groups.length - 1][0].reduced && groups[groups.length - 1 - innerGroups][0]?.reduced) innerGroups++;
  const viaBuffer = innerGroups > 1 || buffered;
  const outerDims = groups.slice(0, groups.length - innerGroups).flat();
  const innerDims = groups.slice(groups.length - innerGroups).flat();
  const innerReduced = innerDims[0].reduced;
  const innerCount = innerDims.reduce((n, d) => n * d.size, 1);

  // Storage positions of the inner block relative to its start, in iteration order.
  const innerIn = new Int32Array(innerCount);
  const innerOut = new Int32Array(innerCount);
  {
    const idx = new Array<number>(innerDims.length).fill(0);
    let pIn = 0;
    let pOut = 0;
    for (let i = 0; i < innerCount; i++) {
      innerIn[i] = pIn;
      innerOut[i] = pOut;
      for (let d = innerDims.length - 1; d >= 0; d--) {
        idx[d]++;
        pIn += innerDims[d].inStride;
        pOut += innerDims[d].outStride;
        if (idx[d] < innerDims[d].size) break;
        pIn -= idx[d] * innerDims[d].inStride;
        pOut -= idx[d] * innerDims[d].outStride;
        idx[d] = 0;
      }
    }
  }
  const run = new Float64Array(innerCount);
  // Pieces the inner loop receives: whole runs, or buffer-sized chunks made of whole runs where they fit.
  let chunk = innerCount;
  let perRun = false;
  if (viaBuffer) {
    if (innerRun >= BUFFER_SIZE) perRun = true;
    else chunk = Math.floor(BUFFER_SIZE / innerRun) * innerRun;
  }
  const outerCount = outerDims.reduce((n, d) => n * d.size, 1);
  const idx = new Array<number>(outerDims.length).fill(0);
  let baseIn = t.offset;
  let baseOut = 0;
  for (let o = 0; o < outerCount; o++) {
    if (innerReduced) {
      for (let i = 0; i < innerCount; i++) run[i] = src[baseIn + innerIn[i]];
      let acc = out[baseOut];
      if (perRun) {
        for (let s = 0; s < innerCount; s += innerRun) acc = add(acc, pairwiseSum(run, s, innerRun, add));
      } else {
        for (let s = 0; s < innerCount; s += chunk) acc = add(acc, pairwiseSum(run, s, Math.min(chunk, innerCount - s), add));
      }
      out[baseOut] = acc;
    } else {
      for (let i = 0; i < innerCount; i++) {
        const p = baseOut + innerOut[i];
        out[p] = add(out[p], src[baseIn + innerIn[i]]);
      }
    }
    for (let d = outerDims.length - 1; d >= 0; d--) {
      idx[d]++;
      baseIn += outerDims[d].inStride;
      baseOut += outerDims[d].outStride;
      if (idx[d] < outerDims[d].size) break;
      baseIn -= idx[d] * outerDims[d].inStride;
      baseOut -= idx[d] * outerDims[d].outStride;
      idx[d] = 0;
    }
  }
  return out;
}

function reducedFlags(t: Tensor, axes: readonly number[] | null): boolean[] {
  const flags = t.shape.map(() => axes === null);
  if (axes !== null) for (const a of axes) flags[a] = true;
  return flags;
}

function resultShape(t: Tensor, reduced: readonly boolean[], keepdims: boolean): number[] {
  return keepdims ? t.shape.map((s, d) => (reduced[d] ? 1 : s)) : t.shape.filter((_, d) => !reduced[d]);
}

function toTensor(values: Float64Array, shape: number[], dtype: DType, map?: (x: number) => number): Tensor {
  const data = allocateChecked(dtype, shape);
  for (let i = 0; i < values.length; i++) data[i] = map ? map(values[i]) : values[i];
  return makeTensor(data, shape, dtype);
}

function count(t: Tensor, reduced: readonly boolean[]): number {
  return t.shape.reduce((n, s, d) => (reduced[d] ? n * s : n), 1);
}

/** `np.sum(t, axis=axes, dtype=dtype, keepdims=...)`; `axes` are normalised and distinct, null meaning all. */
export function numpySum(t: Tensor, axes: readonly number[] | null, keepdims: boolean, dtype: DType): Tensor {
  const reduced = reducedFlags(t, axes);
  return toTensor(sumInto(t, reduced, dtype), resultShape(t, reduced, keepdims), dtype);
}

/** `np.mean`: the sum in `dtype`, divided by the count with one rounding to `dtype`. */
export function numpyMean(t: Tensor, axes: readonly number[] | null, keepdims: boolean, dtype: 'float32' | 'float64'): Tensor {
  const reduced = reducedFlags(t, axes);
  const n = count(t, reduced);
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  return toTensor(sumInto(t, reduced, dtype), resultShape(t, reduced, keepdims), dtype, (x) => r(x / n));
}

/**
 * `np.var` / `np.std` (numpy/_core/_methods.py `_var`): mean with keepdims, deviations in an array laid out
 * like the input (the ufunc's order='K'), squared in place, summed again, divided by max(n - ddof, 0).
 */
export function numpyVar(t: Tensor, axes: readonly number[] | null, ddof: number, keepdims: boolean, dtype: 'float32' | 'float64', std: boolean): Tensor {
  const reduced = reducedFlags(t, axes);
  const n = count(t, reduced);
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  const means = sumInto(t, reduced, dtype);
  for (let i = 0; i < means.length; i++) means[i] = r(means[i] / n);
  // Deviations, stored in the input's memory order (axes by decreasing stride).
  const nd = t.ndim;
  const order = t.shape.map((_, d) => d).sort((a, b) => Math.abs(t.strides[b]) - Math.abs(t.strides[a]));
  const devStrides = new Array<number>(nd).fill(0);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    devStrides[order[k]] = acc;
    acc *= t.shape[order[k]];
  }
  const total = acc;
  const dev = allocateChecked(dtype, t.shape) as Float32Array | Float64Array;
  const meanSt = outputStrides(t.shape, reduced);
  const idx = new Array<number>(nd).fill(0);
  let pIn = t.offset;
  let pDev = 0;
  let pMean = 0;
  for (let i = 0; i < total; i++) {
    const d = r(t.data[pIn] - means[pMean]);
    dev[pDev] = r(d * d);
    for (let k = nd - 1; k >= 0; k--) {
      idx[k]++;
      pIn += t.strides[k];
      pDev += devStrides[k];
      pMean += meanSt[k];
      if (idx[k] < t.shape[k]) break;
      pIn -= idx[k] * t.strides[k];
      pDev -= idx[k] * devStrides[k];
      pMean -= idx[k] * meanSt[k];
      idx[k] = 0;
    }
  }
  const devT = new Tensor(dev, t.shape.slice(), devStrides, 0, dtype);
  const divisor = Math.max(n - ddof, 0);
  return toTensor(sumInto(devT, reduced, dtype), resultShape(t, reduced, keepdims), dtype, (x) => (std ? r(Math.sqrt(r(x / divisor))) : r(x / divisor)));
}

/**
 * `np.sort`/`np.argsort` along `axis`: ascending with NaN last, equal keys in their original order (NumPy's
 * default introsort is not stable on long runs of equal keys; stable order is what small arrays show).
 */
export function numpySort(t: Tensor, axis: number): [Tensor, Tensor] {
  const shape = t.shape.slice();
  const n = shape[axis];
  const values = allocateChecked(t.dtype, shape);
  const indices = allocateChecked('int64', shape);
  const out = makeTensor(values, shape, t.dtype);
  const idxOut = makeTensor(indices, shape, 'int64');
  if (n === 0 || values.length === 0) return [out, idxOut];
  const outStrides = out.strides;
  const rows = values.length / n;
  const order = new Array<number>(n);
  const key = new Float64Array(n);
  // Row starts in input and output, walking every axis but `axis`.
  const others = shape.map((_, d) => d).filter((d) => d !== axis);
  const idx = new Array<number>(others.length).fill(0);
  let pIn = t.offset;
  let pOut = 0;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) {
      key[i] = t.data[pIn + i * t.strides[axis]];
      order[i] = i;
    }
    order.sort((a, b) => {
      const x = key[a];
      const y = key[b];
      if (x !== x) return y !== y ? a - b : 1;
      if (y !== y) return -1;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    for (let i = 0; i < n; i++) {
      values[pOut + i * outStrides[axis]] = key[order[i]];
      indices[pOut + i * outStrides[axis]] = order[i];
    }
    for (let k = others.length - 1; k >= 0; k--) {
      const d = others[k];
      idx[k]++;
      pIn += t.strides[d];
      pOut += outStrides[d];
      if (idx[k] < shape[d]) break;
      pIn -= idx[k] * t.strides[d];
      pOut -= idx[k] * outStrides[d];
      idx[k] = 0;
    }
  }
  return [out, idxOut];
}

/**
 * `np.arange`: NumPy stores `start` and `start + step` (computed by Python, then cast), and its `fill` loop
 * extrapolates the rest as `first + i * (second - first)` in the array's own dtype.
 */
export function numpyArange(first: number, second: number, length: number, dtype: DType): Tensor {
  const data = allocateChecked(dtype, [length]);
  if (length > 0) data[0] = castValue(dtype, first);
  if (length > 1) data[1] = castValue(dtype, second);
  if (length > 2) {
    const start = data[0];
    if (dtype === 'float32') {
      const delta = Math.fround(data[1] - start);
      for (let i = 2; i < length; i++) data[i] = Math.fround(start + Math.fround(Math.fround(i) * delta));
    } else {
      const delta = data[1] - start;
      for (let i = 2; i < length; i++) data[i] = castValue(dtype, start + i * delta);
    }
  }
  return makeTensor(data, [length], dtype);
}

/**
 * `np.linspace` (numpy/_core/function_base.py) for scalar endpoints: `i * step + start` in float64 (or
 * `i / div * delta + start` when the step underflows to 0), the exact `stop` last, then one cast to `dtype`
 * (flooring first for integer dtypes).
 */
export function numpyLinspace(start: number, stop: number, num: number, endpoint: boolean, dtype: DType): Tensor {
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const vals = new Float64Array(num);
  for (let i = 0; i < num; i++) {
    let y: number;
    if (div > 0) y = step === 0 ? (i / div) * delta : i * step;
    else y = i * delta;
    vals[i] = y + start;
  }
  if (endpoint && num > 1) vals[num - 1] = stop;
  const data = allocateChecked(dtype, [num]);
  const integer = dtype === 'int64' || dtype === 'int32' || dtype === 'bool';
  for (let i = 0; i < num; i++) data[i] = castValue(dtype, integer ? Math.floor(vals[i]) : vals[i]);
  return makeTensor(data, [num], dtype);
}

/** A view taking `length` elements of `dim` from `start` every `step` (which may be negative). */
export function numpySliceView(t: Tensor, dim: number, start: number, step: number, length: number): Tensor {
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  shape[dim] = length;
  strides[dim] = t.strides[dim] * step;
  const v = new Tensor(t.data, shape, strides, length > 0 ? t.offset + start * t.strides[dim] : t.offset, t.dtype, t.version);
  v.base = t.base ?? t;
  return v;
}

/**
 * npy_math's `npy_divmod` for one dtype: the remainder from the exact `fmod`, moved to the divisor's sign, and the
 * quotient `(a - mod) / b` snapped to an integer; a zero divisor gives `a / b` and NaN, as NumPy's loops do.
 */
function floatDivmod(a: number, b: number, r: (x: number) => number): [number, number] {
  // The C code's truth tests (`if (mod)`, `if (!b)`) treat NaN as true; JavaScript's would not.
  let mod = a % b;
  if (b === 0) return [r(a / b), mod];
  let div = r(r(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = r(mod + b);
      div = r(div - 1);
    }
  } else {
    mod = b < 0 || Object.is(b, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (r(div - floordiv) > 0.5) floordiv = r(floordiv + 1);
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** Integer floor division and remainder as NumPy defines them: exact, and 0 for a zero divisor. */
function intDivmod(a: number, b: number): [number, number] {
  if (b === 0) return [0, 0];
  let q = Math.trunc(a / b);
  let m = a - q * b;
  // a / b may have rounded across an integer for large operands; step back inside [0, |b|).
  while (Math.abs(m) >= Math.abs(b)) {
    const s = (m < 0) === (b < 0) ? 1 : -1;
    q += s;
    m -= s * b;
  }
  if (m !== 0 && m < 0 !== b < 0) {
    q -= 1;
    m += b;
  }
  return [q, m === 0 ? 0 : m];
}

/** `np.floor_divide` (`which` 0) or `np.remainder` (`which` 1) of two tensors of the same dtype, broadcast. */
export function numpyDivmod(a: Tensor, b: Tensor, which: 0 | 1): Tensor {
  const dt = a.dtype;
  if (dt === 'int64' || dt === 'int32' || dt === 'bool') return mapBinary(a, b, dt === 'int32' ? dt : 'int64', (x, y) => intDivmod(x, y)[which]);
  const r = dt === 'float32' ? Math.fround : (x: number) => x;
  return mapBinary(a, b, dt, (x, y) => floatDivmod(x, y, r)[which]);
}

/**
 * float64 `np.log`, `np.log1p`, `np.sin`, `np.cos`: NumPy calls the C library for these, and V8's `Math` versions
 * differ from glibc's in the last bit for a few percent of arguments. Other functions and float32 stay with the
 * engine (NumPy's own SIMD kernels for them are not reproduced).
 */
export function numpyLibm(t: Tensor, name: 'log' | 'log1p' | 'sin' | 'cos'): Tensor {
  return mapUnary(t, 'float64', glibcMath[name]);
}

/** `np.cumsum` along `axis`: a running sum in the array's own dtype (PyTorch's CPU kernel accumulates in double). */
export function numpyCumsum(t: Tensor, axis: number): Tensor {
  const shape = t.shape.slice();
  const out = makeTensor(allocateChecked(t.dtype, shape), shape, t.dtype);
  const n = shape[axis];
  if (out.data.length === 0) return out;
  const r = t.dtype === 'float32' ? Math.fround : (x: number) => x;
  const others = shape.map((_, d) => d).filter((d) => d !== axis);
  const idx = new Array<number>(others.length).fill(0);
  const rows = out.data.length / n;
  let pIn = t.offset;
  let pOut = 0;
  for (let row = 0; row < rows; row++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc = i === 0 ? t.data[pIn] : r(acc + t.data[pIn + i * t.strides[axis]]);
      out.data[pOut + i * out.strides[axis]] = acc;
    }
    for (let k = others.length - 1; k >= 0; k--) {
      const d = others[k];
      idx[k]++;
      pIn += t.strides[d];
      pOut += out.strides[d];
      if (idx[k] < shape[d]) break;
      pIn -= idx[k] * t.strides[d];
      pOut -= idx[k] * out.strides[d];
      idx[k] = 0;
    }
  }
  return out;
}
