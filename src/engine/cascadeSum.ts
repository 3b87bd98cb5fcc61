/**
 * Floating-point sums in the order PyTorch's CPU kernel adds (aten/src/ATen/native/cpu/SumKernel.cpp on an
 * AVX2 build): float32 partial sums are rounded after every add, so the order decides the last bits of
 * `loss.item()`, and matching it makes printed values equal PyTorch's to every digit.
 *
 * The shape of the computation: dimensions are ordered as TensorIterator orders them for a reduction
 * (reduced dims innermost, then the kept ones), adjacent dims merge, and the two innermost are handed to
 * one of four loops (vectorised/scalar × inner/outer reduction). Each loop sums with `row_sum` (four
 * interleaved accumulators) or `multi_row_sum` (a cascade that folds every 16 rows into a higher level).
 * Vector lanes are independent accumulators, so a lane is simply one more scalar sum here.
 *
 * Above PyTorch's grain size the reduction is split across threads, which depends on the machine; callers
 * fall back to a double-precision sum there.
 */
import { DType, isFloat32Stored } from './dtype';
import { Tensor } from './tensor';
import { WasmSums, wasmSums } from './wasm/cascadeSum';

/** PyTorch runs reductions on one thread below this many elements (at::internal::GRAIN_SIZE). */
export const SERIAL_REDUCTION_LIMIT = 32768;

type Round = (x: number) => number;

const identity: Round = (x) => x;

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.ceil(Math.log2(x));
}

/** multi_row_sum for one column: rows `size`, element i at x[base + i*stride]. */
function cascade(x: ArrayLike<number>, base: number, stride: number, size: number, r: Round): number {
  const numLevels = 4;
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / numLevels));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc = [0, 0, 0, 0];
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) acc[0] = r(acc[0] + x[base + i * stride]);
    for (let j = 1; j < numLevels; j++) {
      acc[j] = r(acc[j] + acc[j - 1]);
      acc[j - 1] = 0;
      if ((i & (levelMask << (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) acc[0] = r(acc[0] + x[base + i * stride]);
  for (let j = 1; j < numLevels; j++) acc[0] = r(acc[0] + acc[j]);
  return acc[0];
}

/** row_sum: four interleaved cascades (instruction-level parallelism), the tail, then the four combined. */
function rowSum(x: ArrayLike<number>, base: number, stride: number, size: number, r: Round): number {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const p = [0, 0, 0, 0];
  for (let k = 0; k < ilp; k++) p[k] = cascade(x, base + k * stride, stride * ilp, sizeIlp, r);
  for (let i = sizeIlp * ilp; i < size; i++) p[0] = r(p[0] + x[base + i * stride]);
  for (let k = 1; k < ilp; k++) p[0] = r(p[0] + p[k]);
  return p[0];
}

/** vectorized_inner_sum for one row of `size` contiguous elements with `lanes`-wide vectors. */
function vectorInnerRow(x: ArrayLike<number>, base: number, size: number, lanes: number, r: Round): number {
  const vecSize = Math.floor(size / lanes);
  let fin = 0;
  for (let k = vecSize * lanes; k < size; k++) fin = r(fin + x[base + k]);
  for (let l = 0; l < lanes; l++) fin = r(fin + rowSum(x, base + l, lanes, vecSize, r));
  return fin;
}

interface IterDim {
  size: number;
  stride: number;
  reduced: boolean;
  outStride: number;
}

/**
 * Sums `t` over `dims` into `out` (length = number of output elements, row-major over the kept dims),
 * exactly in PyTorch's order. Returns false when the input is too large to be summed serially by PyTorch.
 */
export function cascadeSumInto(t: Tensor, dims: readonly number[], out: Float64Array, dtype: DType): boolean {
  if (t.numel > SERIAL_REDUCTION_LIMIT) return false;
  // float16 and bfloat16 accumulate in float, as PyTorch's opmath type for them is float.
  const r: Round = isFloat32Stored(dtype) ? Math.fround : identity;
  const lanes = isFloat32Stored(dtype) ? 8 : 4;
  const reduced = new Set(dims);
  // Output strides over the kept dims (row-major), 0 on reduced dims.
  const outStrides = new Array<number>(t.ndim).fill(0);
  let acc = 1;
  for (let d = t.ndim - 1; d >= 0; d--) {
    if (!reduced.has(d)) {
      outStrides[d] = acc;
      acc *= t.shape[d];
    }
  }
  // TensorIterator's order for reductions: reduced dims first (by input stride), then kept dims (by output stride).
  const all: IterDim[] = [];
  for (let d = 0; d < t.ndim; d++) {
    if (t.shape[d] !== 1) all.push({ size: t.shape[d], stride: t.strides[d], reduced: reduced.has(d), outStride: outStrides[d] });
  }
  const red = all.filter((d) => d.reduced).sort((a, b) => a.stride - b.stride);
  const kept = all.filter((d) => !d.reduced).sort((a, b) => a.outStride - b.outStride);
  const ordered: IterDim[] = [];
  for (const d of [...red, ...kept]) {
    const prev = ordered[ordered.length - 1];
    if (prev && prev.reduced === d.reduced && d.stride === prev.size * prev.stride && d.outStride === prev.size * prev.outStride) {
      prev.size *= d.size;
    } else {
      ordered.push({ ...d });
    }
  }
  out.fill(0);
  const x = t.data;
  if (ordered.length === 0) {
    out[0] = r(x[t.offset]);
    return true;
  }
  const d0 = ordered[0];
  const d1 = ordered[1] ?? { size: 1, stride: 0, reduced: true, outStride: 0 };
  const rest = ordered.slice(2);
  const restCount = rest.reduce((n, d) => n * d.size, 1);
  const idx = new Array<number>(rest.length).fill(0);
  // The storage the loops read (strides are never negative), for the WebAssembly kernels when it is not much
  // larger than the tensor.
  const span = t.shape.reduce((s, n, d) => s + (n - 1) * t.strides[d], 1);
  const wasm = span <= 2 * t.numel ? wasmSums(x, t.offset, span, lanes) : null;
  let inBase = t.offset;
  let outBase = 0;
  for (let it = 0; it < restCount; it++) {
    loop2d(x, inBase, outBase, d0, d1, out, lanes, r, wasm);
    for (let k = 0; k < rest.length; k++) {
      idx[k]++;
      inBase += rest[k].stride;
      outBase += rest[k].outStride;
      if (idx[k] < rest[k].size) break;
      inBase -= idx[k] * rest[k].stride;
      outBase -= idx[k] * rest[k].outStride;
      idx[k] = 0;
    }
  }
  return true;
}

/** The body of cascade_sum's loop: a 2-D block whose reduction is moved to the first dimension. */
function loop2d(x: ArrayLike<number>, inBase: number, outBase: number, a: IterDim, b: IterDim, out: Float64Array, lanes: number, r: Round, wasm: WasmSums | null): void {
  let [s0, s1] = [a, b];
  if (s0.outStride !== 0 && s1.outStride === 0) [s0, s1] = [s1, s0];
  const store = (j: number, v: number): void => {
    const o = outBase + j * s1.outStride;
    out[o] = r(out[o] + v);
  };
  if (s0.outStride !== 0) {
    // Not a reduction in this block (only size-1 reduced dims): an elementwise add.
    for (let i = 0; i < s0.size; i++) for (let j = 0; j < s1.size; j++) {
      const o = outBase + i * s0.outStride + j * s1.outStride;
      out[o] = r(out[o] + x[inBase + i * s0.stride + j * s1.stride]);
    }
    return;
  }
  const size0 = s0.size;
  const size1 = s1.size;
  if (s0.stride === 1 && size0 >= lanes) {
    for (let j = 0; j < size1; j++) {
      const base = inBase + j * s1.stride;
      store(j, wasm ? wasm.inner(base, size0) : vectorInnerRow(x, base, size0, lanes, r));
    }
  } else if (s1.stride === 1 && size1 >= lanes) {
    // vectorized_outer_sum: groups of four vectors use the cascade per column, then single vectors and
    // leftover columns use row_sum.
    let j = 0;
    if (wasm) {
      const { done, sums } = wasm.outer(inBase, s0.stride, size0, size1);
      for (; j < done; j++) store(j, sums[j]);
    }
    for (; j + 4 * lanes <= size1; j += 4 * lanes) {
      for (let c = j; c < j + 4 * lanes; c++) store(c, cascade(x, inBase + c, s0.stride, size0, r));
    }
    for (; j + lanes <= size1; j += lanes) {
      for (let c = j; c < j + lanes; c++) store(c, rowSum(x, inBase + c, s0.stride, size0, r));
    }
    for (; j < size1; j++) store(j, rowSum(x, inBase + j, s0.stride, size0, r));
  } else if (s0.stride < s1.stride) {
    for (let j = 0; j < size1; j++) store(j, rowSum(x, inBase + j * s1.stride, s0.stride, size0, r));
  } else {
    // scalar_outer_sum: four columns at a time through the cascade, the rest through row_sum.
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      for (let c = j; c < j + 4; c++) store(c, cascade(x, inBase + c * s1.stride, s0.stride, size0, r));
    }
    for (; j < size1; j++) store(j, rowSum(x, inBase + j * s1.stride, s0.stride, size0, r));
  }
}
