/**
 * Matrix products (`mm`, `mv`, `dot`, `bmm`, `matmul` with its broadcasting rules, `outer`, `linear`), with
 * PyTorch's error messages. float32 products that PyTorch's CPU sgemm computes as one fused multiply-add chain
 * are reproduced bit for bit; the other shapes accumulate in double and may differ in the last bit.
 */
import { record, withGradMode } from '../graph';
import { DType, isFloat32Stored, isFloating, isReducedFloat, promoteTypes, roundStored, SCALAR_TYPE_NAMES, StorageArray } from '../dtype';
import { runtimeError } from '../errors';
import { broadcastShapes, numelOf } from '../shape';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { add, cast, mul } from './elementwise';
import { sumToShape } from './reduce';
import { fmaf } from '../random/libm';
import { GemmOperand, wasmGemm } from '../wasm/matmul';
import { detach, expand, reshape, squeeze, t2d, transpose, unsafeView, unsqueeze } from './views';

const TYPE_NAMES: Record<DType, string> = { float16: 'c10::Half', bfloat16: 'c10::BFloat16', float32: 'float', float64: 'double', int32: 'int', int64: 'long int', bool: 'bool' };

/** PyTorch 2.x's dtype checks: dot and mv keep their older wording, the matrix products name mat1 and mat2. */
function checkSameDtype(a: Tensor, b: Tensor, what: 'mm' | 'bmm' | 'mv' | 'dot'): DType {
  if (a.dtype === b.dtype) return a.dtype;
  const [x, y] = [SCALAR_TYPE_NAMES[a.dtype], SCALAR_TYPE_NAMES[b.dtype]];
  if (what === 'dot') throw runtimeError(`dot : expected both vectors to have same dtype, but found ${x} and ${y}`);
  if (what === 'mv') throw runtimeError(`expected scalar type ${x} but found ${y}`);
  throw runtimeError(`expected mat1 and mat2 to have the same dtype, but got: ${TYPE_NAMES[a.dtype]} != ${TYPE_NAMES[b.dtype]}`);
}

/**
 * C = A(m×k) · B(k×n) for `batch` stacked problems, read through strides. Accumulates in double, so float32
 * results are the correctly rounded sums rather than BLAS's float32 accumulation (differences stay in the last bit).
 */
function gemm(a: Tensor, b: Tensor, batch: number, m: number, k: number, n: number, dtype: DType, fmaOrder = false): Tensor {
  const out = allocateChecked(dtype, [batch, m, n]);
  // The same two orders in WebAssembly SIMD (wasm/matmul.ts), where the module is loaded and covers the case.
  const ao = gemmOperand(a, batch);
  const bo = gemmOperand(b, batch);
  if (wasmGemm(ao, bo, out, batch, m, k, n, fmaOrder)) return makeTensor(roundStored(dtype, out), [batch, m, n], dtype);
  const av = ArrayBuffer.isView(ao) ? ao : a.values(true);
  const bv = ArrayBuffer.isView(bo) ? bo : b.values(true);
  if (fmaOrder) {
    // Each output as one float32 fused multiply-add chain over k, in order: the rounding PyTorch's CPU
    // sgemm shows for these shapes (checked bit for bit against ops.json's mm and matmul cases).
    for (let p = 0; p < batch; p++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let acc = 0;
      const ab = p * m * k + i * k;
      const bb = p * k * n + j;
      for (let q = 0; q < k; q++) acc = fmaf(av[ab + q], bv[bb + q * n], acc);
      out[(p * m + i) * n + j] = acc;
    }
    return makeTensor(roundStored(dtype, out), [batch, m, n], dtype);
  }
  const row = new Float64Array(n);
  for (let p = 0; p < batch; p++) {
    const ab = p * m * k;
    const bb = p * k * n;
    for (let i = 0; i < m; i++) {
      row.fill(0);
      for (let q = 0; q < k; q++) {
        const x = av[ab + i * k + q];
        if (x === 0) continue;
        const bo = bb + q * n;
        for (let j = 0; j < n; j++) row[j] += x * bv[bo + j];
      }
      const oo = (p * m + i) * n;
      for (let j = 0; j < n; j++) out[oo + j] = row[j];
    }
  }
  // Zero rows skipped above would hide NaN/inf in B; redo those rows exactly when B is not finite.
  if (!allFinite(bv)) {
    for (let p = 0; p < batch; p++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += av[p * m * k + i * k + q] * bv[p * k * n + q * n + j];
      out[(p * m + i) * n + j] = s;
    }
  }
  return makeTensor(roundStored(dtype, out), [batch, m, n], dtype);
}

/**
 * Whether PyTorch's float32 product is known to round like a sequential FMA chain: true for real matrix
 * products and for a transposed left operand (as in the weight gradient Xᵀ·g). A contiguous matrix times a
 * single column goes through a matrix-vector kernel whose order is not reproduced here (double accumulation).
 */
function useFmaOrder(a: Tensor, n: number, dtype: DType): boolean {
  return isFloat32Stored(dtype) && (n > 1 || a.strides[a.ndim - 1] !== 1);
}

function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** A matrix as wasmGemm reads it: a transposed 2-D view where it lies (a weight's or an input's `.t()`), else its values. */
function gemmOperand(t: Tensor, batch: number): GemmOperand {
  if (batch === 1 && t.ndim === 2 && t.strides[0] === 1 && !t.isContiguous()) return { data: t.data, offset: t.offset, ld: t.strides[1] };
  return t.values(true);
}

function contiguousValues(t: Tensor): Tensor {
  return t.isContiguous() ? t : makeTensor(t.values(), t.shape, t.dtype);
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw runtimeError(`self must be a matrix`);
  if (b.ndim !== 2) throw runtimeError(`mat2 must be a matrix`);
  if (a.shape[1] !== b.shape[0]) {
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  const dt = checkSameDtype(a, b, 'mm');
  const r = gemm(a, b, 1, a.shape[0], a.shape[1], b.shape[1], dt, useFmaOrder(a, b.shape[1], dt));
  const out = makeTensor(r.data, [a.shape[0], b.shape[1]], dt);
  const saved: Tensor[] = [];
  if (b.requiresGrad) saved.push(a);
  if (a.requiresGrad) saved.push(b);
  return record('MmBackward0', out, [a, b], saved, (g, _s, needs) => [
    needs[0] ? mm(g, t2d(b)) : null,
    needs[1] ? mm(t2d(a), g) : null,
  ]);
}

export function mv(a: Tensor, v: Tensor): Tensor {
  if (a.ndim !== 2 || v.ndim !== 1) throw runtimeError(`vector + matrix @ vector expected, got ${a.ndim}, ${v.ndim}`);
  if (a.shape[1] !== v.shape[0]) {
    throw runtimeError(`size mismatch, got input (${a.shape[0]}), mat (${a.shape[0]}x${a.shape[1]}), vec (${v.shape[0]})`);
  }
  const dt = checkSameDtype(a, v, 'mv');
  const r = gemm(contiguousValues(a), contiguousValues(v), 1, a.shape[0], a.shape[1], 1, dt);
  const out = makeTensor(r.data, [a.shape[0]], dt);
  return record('MvBackward0', out, [a, v], [a, v], (g, s, needs) => [
    needs[0] ? mm(unsqueeze(g, 1), unsqueeze(s[1], 0)) : null,
    needs[1] ? mv(t2d(s[0]), g) : null,
  ]);
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw runtimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  }
  const dt = checkSameDtype(a, b, 'dot');
  const r = gemm(contiguousValues(a), contiguousValues(b), 1, 1, a.shape[0], 1, dt);
  const out = makeTensor(r.data, [], dt);
  return record('DotBackward0', out, [a, b], [a, b], (g, s, needs) => [
    needs[0] ? mul(s[1], g) : null,
    needs[1] ? mul(s[0], g) : null,
  ]);
}

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 3) throw runtimeError(`batch1 must be a 3D tensor`);
  if (b.ndim !== 3) throw runtimeError(`batch2 must be a 3D tensor`);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`);
  }
  const dt = checkSameDtype(a, b, 'bmm');
  const out = gemm(contiguousValues(a), contiguousValues(b), a.shape[0], a.shape[1], a.shape[2], b.shape[2], dt, useFmaOrder(a, b.shape[2], dt));
  return record('BmmBackward0', out, [a, b], [a, b], (g, s, needs) => [
    needs[0] ? bmm(g, transpose(s[1], 1, 2)) : null,
    needs[1] ? bmm(transpose(s[0], 1, 2), g) : null,
  ]);
}

/** torch.matmul with PyTorch's dispatch by rank (dot, mv, mm, broadcast batched). */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw runtimeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  }
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  if (a.ndim === 1 && b.ndim === 2) {
    // PyTorch runs a.unsqueeze(0).mm(b).squeeze_(0): a mismatch is mm's error (1xK and K'xN), and the
    // in-place squeeze is recorded as SqueezeBackward4.
    return squeeze(mm(unsqueeze(a, 0), b), 0, 'SqueezeBackward4');
  }
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  if (a.ndim >= 3 && b.ndim <= 2) {
    // Fold the batch into rows, like PyTorch, so the gradient of b is a single mm.
    const k = a.shape[a.ndim - 1];
    const rows = reshape(a, [-1, k]);
    const bm = b.ndim === 1 ? unsqueeze(b, 1) : b;
    if (bm.shape[0] !== k) {
      throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${rows.shape[0]}x${k} and ${bm.shape[0]}x${bm.shape[1]})`);
    }
    const r = mm(rows, bm);
    const outShape = b.ndim === 1 ? a.shape.slice(0, -1) : [...a.shape.slice(0, -1), b.shape[1]];
    return unsafeView(r, outShape);
  }
  const a3 = a.ndim === 1 ? unsqueeze(a, 0) : a;
  const b3 = b.ndim === 1 ? unsqueeze(b, 1) : b;
  const m = a3.shape[a3.ndim - 2];
  const k = a3.shape[a3.ndim - 1];
  const k2 = b3.shape[b3.ndim - 2];
  const n = b3.shape[b3.ndim - 1];
  if (k !== k2) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${numelOf(a3.shape.slice(0, -2))}, ${k}] but got: [${numelOf(b3.shape.slice(0, -2))}, ${k2}].`);
  }
  const batchShape = broadcastShapes(a3.shape.slice(0, -2), b3.shape.slice(0, -2));
  const batch = numelOf(batchShape);
  const ae = reshape(expand(a3, [...batchShape, m, k]), [batch, m, k]);
  const be = reshape(expand(b3, [...batchShape, k, n]), [batch, k, n]);
  // As PyTorch's batched path: bmm (squeezed for a vector b), then one _unsafe_view to the broadcast batch
  // shape, without the rows or columns a vector operand does not have (UnsafeViewBackward0).
  const outShape = [...batchShape, ...(a.ndim > 1 ? [m] : []), ...(b.ndim > 1 ? [n] : [])];
  const r = bmm(ae, be);
  return unsafeView(b.ndim === 1 ? squeeze(r, -1) : r, outShape);
}

export function outer(a: Tensor, b: Tensor): Tensor {
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
}

/** o (m × n, row-major) += the row `b` in every row: float32 or float64 storage, each sum rounded on store. */
function addRowsInPlace(o: StorageArray, m: number, n: number, b: Tensor): void {
  const bd = b.data;
  const bo = b.offset;
  const bs = b.strides[0];
  for (let i = 0; i < m; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) o[base + j] += bd[bo + j * bs];
  }
  roundStored(b.dtype, o);
}

/** A contiguous copy of `w`'s transpose (no graph): what linear's product reads, for a caller that calls it often. */
export function transposedValues(w: Tensor): Tensor {
  return makeTensor(transpose(detach(w), 0, 1).values(), [w.shape[1], w.shape[0]], w.dtype);
}

/**
 * F.linear: x @ W.T + b, recorded as AddmmBackward0 for 2-D inputs like PyTorch. `wT`: transposedValues(w),
 * made by a caller that multiplies by the same unchanged weight many times (a recurrent layer's steps), so the
 * transpose is not copied again for each product.
 */
export function linear(x: Tensor, w: Tensor, b: Tensor | null, wT: Tensor | null = null): Tensor {
  if (x.ndim === 2 && b !== null) {
    const wt = t2d(w);
    if (x.shape[1] !== wt.shape[0]) {
      throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${x.shape[0]}x${x.shape[1]} and ${wt.shape[0]}x${wt.shape[1]})`);
    }
    const dt = promoteTypes(x.dtype, w.dtype);
    if (!isFloating(dt) || x.dtype !== w.dtype) checkSameDtype(x, w, 'mm');
    // A 16-bit addmm adds the bias to the float product and rounds once, so the product stays float32 here.
    const gemmDt = isReducedFloat(dt) ? 'float32' : dt;
    const r = gemm(contiguousValues(x), wT ?? contiguousValues(wt), 1, x.shape[0], x.shape[1], wt.shape[1], gemmDt, useFmaOrder(x, wt.shape[1], dt));
    // The bias joins the product here (added into it where it is a row of the product's type, as add would
    // compute it); the result gets its one AddmmBackward0 below.
    let out: Tensor;
    if ((dt === 'float32' || dt === 'float64') && b.dtype === dt && b.ndim === 1 && b.shape[0] === wt.shape[1]) {
      addRowsInPlace(r.data, x.shape[0], wt.shape[1], b);
      out = makeTensor(r.data, [x.shape[0], wt.shape[1]], dt);
    } else {
      const prod = makeTensor(r.data, [x.shape[0], wt.shape[1]], gemmDt);
      const sumDt = withGradMode(false, () => add(prod, cast(b, gemmDt)));
      const outData = gemmDt === dt ? sumDt : cast(sumDt, dt);
      out = makeTensor(outData.data, outData.shape, outData.dtype);
    }
    const saved: Tensor[] = [];
    if (wt.requiresGrad) saved.push(x);
    if (x.requiresGrad) saved.push(wt);
    return record('AddmmBackward0', out, [b, x, wt], saved, (g, _s, needs) => [
      needs[0] ? sumToShape(g, b.shape) : null,
      needs[1] ? mm(g, t2d(wt)) : null,
      needs[2] ? mm(t2d(x), g) : null,
    ]);
  }
  const y = matmul(x, t2d(w));
  return b === null ? y : add(y, b);
}
